// Report import drafts: create (pasted text, DOCX, PDF, refused files), list, get, autosave with
// optimistic concurrency, discard, and confirm (seminar, items, history, audit, tally, links; a
// second or simultaneous confirm writes nothing twice).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SYSTEM_ACTOR, type Actor } from '@/lib/auth/actor';
import { toDateOnly } from '@/lib/dates';
import { ConflictError, EditConflictError, NotFoundError, RuleViolationError } from '@/lib/errors';
import { readItemTally } from '@/lib/progress/tally/tally-rows';
import { seedRecommendations, seedVocabulary } from '@/lib/test/recommendation-factory';
import { testDb } from '@/lib/test/test-db';
import { auditRows, seedUser } from '@/lib/test/user-factory';
import { confirmImportDraftSchema, updateImportDraftSchema } from '@/lib/validations/import-draft';
import { confirmImportDraft } from './confirm-import-draft';
import { createImportDraft } from './create-import-draft';
import { discardImportDraft } from './discard-import-draft';
import type { ImportDraftView } from './draft-types';
import { ImportFileError } from './extract';
import { makeDocx, makePdf } from './extract/test-fixtures';
import { getImportDraft } from './get-import-draft';
import { listImportDrafts } from './list-import-drafts';
import { updateImportDraft } from './update-import-draft';
import { SAMPLE_ITEM_TEXTS, SAMPLE_REPORT } from './test-sample-report';

// Suggestions are lib/import/suggest's business (tested there); here they are fixed, so that what
// the draft does with them is what is tested: when set, the first item gets a theme and one sector.
const suggestion = vi.hoisted(() => ({ themeId: null as string | null, sectorId: null as string | null }));
vi.mock('@/lib/import/suggest', () => ({
  suggestForTexts: async (_db: unknown, texts: string[]) =>
    texts.map((_, index) =>
      index === 0 && suggestion.themeId
        ? {
            themeId: suggestion.themeId,
            themeConfidence: 0.9,
            sectors: [
              { id: suggestion.sectorId!, confidence: 0.8 },
              { id: 'unsure', confidence: 0.2 },
            ],
            related: [],
          }
        : { themeId: null, themeConfidence: 0, sectors: [], related: [] },
    ),
}));

const db = testDb();
afterAll(() => db.$disconnect());

let editor: Actor;
let otherEditor: Actor;
let themeId: string;
let sectorId: string;

beforeAll(async () => {
  editor = (await seedUser(db, { role: 'EDITOR' })).actor;
  const other = await seedUser(db, { role: 'EDITOR' });
  await db.user.update({ where: { id: other.id }, data: { name: 'Amina Colleague' } });
  otherEditor = other.actor;
  themeId = await seedVocabulary(db, 'theme');
  sectorId = await seedVocabulary(db, 'sector');
});

/** A draft from the sample report whose items all have the test theme and sector. */
async function classifiedDraft(actor = editor): Promise<ImportDraftView> {
  const draft = await createImportDraft(db, { text: SAMPLE_REPORT }, actor);
  return updateImportDraft(
    db,
    updateImportDraftSchema.parse({
      draftId: draft.id,
      expectedVersion: draft.version,
      items: draft.items.map((item) => ({ ...item, themeId, sectorIds: [sectorId] })),
    }),
    actor,
  );
}

const confirmInput = (draft: ImportDraftView, extra: Record<string, unknown> = {}) =>
  confirmImportDraftSchema.parse({
    draftId: draft.id,
    expectedVersion: draft.version,
    seminar: { title: 'Water Security in South Asia', kind: 'ROUND_TABLE', date: '2015-03-14', venue: 'Islamabad' },
    ...extra,
  });

describe('create an import draft', () => {
  it('import: pasted text becomes a DRAFT with the items, their spans, the metadata and an audit row', async () => {
    const steps: string[] = [];
    const draft = await createImportDraft(db, { text: SAMPLE_REPORT }, editor, { onStep: (step) => steps.push(step) });
    expect(steps).toEqual(['extracting', 'parsing', 'suggesting', 'saving']);
    expect(draft).toMatchObject({
      status: 'DRAFT',
      version: 1,
      sourceFormat: 'paste',
      sourceFileName: null,
      createdBy: { id: editor.id, name: 'Test User' },
      confirmedSeminar: null,
    });
    expect(draft.seminar).toEqual({
      title: 'Water Security in South Asia',
      kind: null,
      date: '2015-03-14',
      venue: 'Institute of Regional Studies, Islamabad',
      organiser: null,
    });
    expect(draft.items.map((item) => item.text)).toEqual(SAMPLE_ITEM_TEXTS);
    for (const item of draft.items) {
      expect(item.key).toMatch(/^[0-9a-f-]{36}$/);
      expect(SAMPLE_REPORT.slice(item.start!, item.end!).replace(/\s+/g, ' ')).toBe(item.text);
      expect(item.suggestion).not.toBeUndefined();
    }
    const audit = await auditRows(db, draft.id, 'import.create');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ sourceFormat: 'paste', items: 3 });
    expect(await getImportDraft(db, draft.id, editor)).toEqual(draft);
  });

  it('import: a suggested theme and the confident suggested sectors start as the chosen ones', async () => {
    suggestion.themeId = themeId;
    suggestion.sectorId = sectorId;
    try {
      const draft = await createImportDraft(db, { text: SAMPLE_REPORT }, editor);
      expect(draft.items[0]).toMatchObject({ themeId, sectorIds: [sectorId], suggestion: { themeId, themeConfidence: 0.9 } });
      expect(draft.items[1]).toMatchObject({ themeId: null, sectorIds: [] });
    } finally {
      suggestion.themeId = null;
    }
  });

  it('import: a DOCX file is extracted and parsed; the file name is kept', async () => {
    const draft = await createImportDraft(db, { bytes: await makeDocx(), fileName: 'regional.docx' }, editor);
    expect(draft.sourceFormat).toBe('docx');
    expect(draft.sourceFileName).toBe('regional.docx');
    expect(draft.items.length).toBeGreaterThanOrEqual(3);
    expect(draft.items[0]!.text).toContain('Governments should fund regional water agreements.');
  });

  it('import: a PDF file is extracted and parsed', async () => {
    const pdf = await makePdf([
      [
        'Seminar on Trade, 3 June 2019',
        '',
        'Recommendations',
        '',
        '1. The ministry should simplify export licences.',
        '2. Banks should offer trade finance to small firms.',
        '',
        'Annex',
      ],
    ]);
    const draft = await createImportDraft(db, { bytes: pdf, fileName: 'trade.pdf', contentType: 'application/pdf' }, editor);
    expect(draft.sourceFormat).toBe('pdf');
    expect(draft.items.map((item) => item.text)).toEqual(['The ministry should simplify export licences.', 'Banks should offer trade finance to small firms.']);
  });

  it('import: an empty file, or text named .pdf, is refused with ImportFileError and nothing is saved', async () => {
    const before = await db.importDraft.count();
    await expect(createImportDraft(db, { bytes: new Uint8Array(), fileName: 'empty.pdf' }, editor)).rejects.toMatchObject({ code: 'empty_file' });
    const mismatch = createImportDraft(db, { bytes: new TextEncoder().encode(SAMPLE_REPORT), fileName: 'report.pdf' }, editor);
    await expect(mismatch).rejects.toBeInstanceOf(ImportFileError);
    await expect(mismatch).rejects.toMatchObject({ code: 'type_mismatch' });
    expect(await db.importDraft.count()).toBe(before);
  });

  it('import: text without recommendations is still a draft, with a warning', async () => {
    const draft = await createImportDraft(db, { text: 'Minutes of the meeting.\n\nNothing was decided.\n' }, editor);
    expect(draft.items).toEqual([]);
    expect(draft.warnings.join(' ')).toMatch(/No recommendations were found/);
  });
});

describe('list and get', () => {
  it('import: the list shows DRAFT ones newest first with who started them; ALL shows discarded ones too', async () => {
    const first = await createImportDraft(db, { text: SAMPLE_REPORT }, editor);
    const second = await createImportDraft(db, { text: SAMPLE_REPORT }, otherEditor);
    await discardImportDraft(db, { draftId: first.id }, editor);
    const drafts = await listImportDrafts(db, {}, editor);
    expect(drafts.map((d) => d.id)).toContain(second.id);
    expect(drafts.map((d) => d.id)).not.toContain(first.id);
    expect(drafts[0]).toMatchObject({
      id: second.id,
      status: 'DRAFT',
      title: 'Water Security in South Asia',
      itemCount: 3,
      createdBy: { id: otherEditor.id, name: 'Amina Colleague' },
    });
    const all = await listImportDrafts(db, { status: 'ALL' }, editor);
    expect(all.find((d) => d.id === first.id)?.status).toBe('DISCARDED');
  });

  it('import: an unknown draft is not found', async () => {
    await expect(getImportDraft(db, 'no-such-draft', editor)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('update (autosave)', () => {
  it('import: saves the seminar and the items, bumps the version, keeps the server’s suggestions', async () => {
    const draft = await createImportDraft(db, { text: SAMPLE_REPORT }, editor);
    const [a, b, c] = draft.items as [ImportDraftView['items'][number], ImportDraftView['items'][number], ImportDraftView['items'][number]];
    const saved = await updateImportDraft(
      db,
      updateImportDraftSchema.parse({
        draftId: draft.id,
        expectedVersion: 1,
        seminar: { ...draft.seminar, kind: 'ROUND_TABLE', organiser: 'IRS' },
        items: [
          { ...c, themeId, sectorIds: [sectorId], suggestion: { themeId: 'forged', themeConfidence: 1, sectors: [], related: [] } },
          { ...a, text: 'Edited text of the first item.' },
          { key: 'typed-1', text: 'A recommendation the editor typed.', start: null, end: null },
        ],
      }),
      editor,
    );
    expect(saved.version).toBe(2);
    expect(saved.seminar).toMatchObject({ kind: 'ROUND_TABLE', organiser: 'IRS' });
    expect(saved.items.map((item) => item.key)).toEqual([c.key, a.key, 'typed-1']);
    expect(saved.items[0]).toMatchObject({ themeId, sectorIds: [sectorId], suggestion: c.suggestion });
    expect(saved.items[2]).toMatchObject({ start: null, end: null, suggestion: null, sectorIds: [], acceptedRelatedIds: [] });
    expect(saved.items.map((item) => item.key)).not.toContain(b.key);
  });

  it('import: a stale version is an EditConflictError naming who saved last; nothing is written', async () => {
    const draft = await createImportDraft(db, { text: SAMPLE_REPORT }, editor);
    await updateImportDraft(
      db,
      updateImportDraftSchema.parse({ draftId: draft.id, expectedVersion: 1, seminar: { ...draft.seminar, title: 'Theirs' } }),
      otherEditor,
    );
    const stale = updateImportDraft(
      db,
      updateImportDraftSchema.parse({ draftId: draft.id, expectedVersion: 1, seminar: { ...draft.seminar, title: 'Mine' } }),
      editor,
    );
    await expect(stale).rejects.toBeInstanceOf(EditConflictError);
    await expect(stale).rejects.toThrow(/Amina Colleague saved this import/);
    const now = await getImportDraft(db, draft.id, editor);
    expect(now).toMatchObject({ version: 2, seminar: { title: 'Theirs' } });
  });

  it('import: spans outside the source or overlapping, and unknown or merged terms, are field errors', async () => {
    const draft = await createImportDraft(db, { text: SAMPLE_REPORT }, editor);
    const [a, b] = draft.items as [ImportDraftView['items'][number], ImportDraftView['items'][number]];
    const merged = await seedVocabulary(db, 'theme', { mergedIntoId: themeId });
    const attempt = (items: unknown[]) => updateImportDraft(db, updateImportDraftSchema.parse({ draftId: draft.id, expectedVersion: 1, items }), editor);

    const outside = await attempt([{ ...a, end: SAMPLE_REPORT.length + 10 }]).catch((error: unknown) => error);
    expect(outside).toBeInstanceOf(RuleViolationError);
    expect((outside as RuleViolationError).fields).toHaveProperty(['items.0.end']);

    const overlap = await attempt([a, { ...b, start: a.start! + 5 }]).catch((error: unknown) => error);
    expect((overlap as RuleViolationError).fields).toHaveProperty(['items.1.start']);

    const terms = await attempt([{ ...a, themeId: merged, sectorIds: ['nope'], acceptedRelatedIds: ['gone'] }]).catch((error: unknown) => error);
    expect(Object.keys((terms as RuleViolationError).fields!).sort()).toEqual(['items.0.acceptedRelatedIds', 'items.0.sectorIds', 'items.0.themeId']);
    expect((await getImportDraft(db, draft.id, editor)).version).toBe(1);
  });

  it('import: the schema refuses a half span, an empty text, duplicate keys and too many items', () => {
    const base = { draftId: 'd', expectedVersion: 1 };
    const item = { key: 'k', text: 'Text.', start: 0, end: 4 };
    expect(updateImportDraftSchema.safeParse({ ...base, items: [{ ...item, end: null }] }).success).toBe(false);
    expect(updateImportDraftSchema.safeParse({ ...base, items: [{ ...item, text: '   ' }] }).success).toBe(false);
    expect(updateImportDraftSchema.safeParse({ ...base, items: [item, item] }).success).toBe(false);
    expect(
      updateImportDraftSchema.safeParse({ ...base, items: Array.from({ length: 501 }, (_, i) => ({ ...item, key: `k${i}`, start: null, end: null })) }).success,
    ).toBe(false);
    expect(updateImportDraftSchema.safeParse({ ...base, items: [item] }).success).toBe(true);
  });
});

describe('discard', () => {
  it('import: discarding keeps the row as DISCARDED with an audit row; it then refuses changes, a second discard and confirm', async () => {
    const draft = await createImportDraft(db, { text: SAMPLE_REPORT }, editor);
    const discarded = await discardImportDraft(db, { draftId: draft.id, expectedVersion: 1 }, otherEditor);
    expect(discarded).toMatchObject({ status: 'DISCARDED', version: 2 });
    expect(await auditRows(db, draft.id, 'import.discard')).toHaveLength(1);
    await expect(updateImportDraft(db, { draftId: draft.id, expectedVersion: 2 }, editor)).rejects.toThrow(/discarded by Amina Colleague/);
    await expect(discardImportDraft(db, { draftId: draft.id }, editor)).rejects.toBeInstanceOf(ConflictError);
    await expect(confirmImportDraft(db, confirmInput(discarded), editor)).rejects.toMatchObject({ code: 'already_discarded' });
  });

  it('import: discarding against a stale version is an edit conflict', async () => {
    const draft = await createImportDraft(db, { text: SAMPLE_REPORT }, editor);
    await updateImportDraft(db, updateImportDraftSchema.parse({ draftId: draft.id, expectedVersion: 1, seminar: draft.seminar }), otherEditor);
    await expect(discardImportDraft(db, { draftId: draft.id, expectedVersion: 1 }, editor)).rejects.toBeInstanceOf(EditConflictError);
  });
});

describe('confirm', () => {
  it('import: creates the seminar with its source, the items in order with spans, NOT_STARTED history on the seminar date, audit, tally and links', async () => {
    const [existing] = await seedRecommendations(db);
    let draft = await classifiedDraft();
    const items = draft.items.map((item, index) => (index === 0 ? { ...item, acceptedRelatedIds: [existing!.id] } : item));
    items.push({
      key: 'typed',
      text: 'Universities should publish river flow data openly.',
      start: null,
      end: null,
      themeId,
      sectorIds: [],
      suggestion: null,
      acceptedRelatedIds: [],
    });
    draft = await updateImportDraft(db, updateImportDraftSchema.parse({ draftId: draft.id, expectedVersion: draft.version, items }), editor);

    const result = await confirmImportDraft(db, confirmInput(draft), editor);
    expect(result.recommendations).toHaveLength(4);
    expect(result.links).toBe(1);
    expect(result.seminar).toMatchObject({ title: 'Water Security in South Asia', date: '2015-03-14' });
    expect(result.seminar.codePrefix).toMatch(/^2015/);
    expect(result.recommendations.map((r) => r.code)).toEqual([1, 2, 3, 4].map((n) => `${result.seminar.codePrefix}-R0${n}`));

    const seminar = await db.seminar.findUniqueOrThrow({ where: { id: result.seminar.id } });
    expect(seminar).toMatchObject({ kind: 'ROUND_TABLE', venue: 'Islamabad', sourceText: SAMPLE_REPORT, sourceFileName: null });
    const rows = await db.recommendation.findMany({
      where: { seminarId: seminar.id },
      orderBy: { position: 'asc' },
      include: { statusChanges: true, sectors: true, linksFrom: true },
    });
    expect(rows.map((r) => r.text)).toEqual([...SAMPLE_ITEM_TEXTS, 'Universities should publish river flow data openly.']);
    expect(rows[1]).toMatchObject({
      sourceStart: draft.items[1]!.start,
      sourceEnd: draft.items[1]!.end,
      sourceLineStart: 12,
      sourceLineEnd: 13,
      primaryThemeId: themeId,
      status: 'NOT_STARTED',
    });
    expect(rows[1]!.title).toBe('The treaty mechanisms should be strengthened through regular meetings of the commissioners');
    // The typed item is not in the report: no span, as for an item entered by hand.
    expect(rows[3]).toMatchObject({ sourceStart: null, sourceEnd: null, sourceLineStart: null, sourceLineEnd: null });
    for (const row of rows) {
      expect(row.statusChanges).toHaveLength(1);
      expect(row.statusChanges[0]).toMatchObject({ fromStatus: null, toStatus: 'NOT_STARTED' });
      expect(toDateOnly(row.statusChanges[0]!.effectiveDate)).toBe('2015-03-14');
    }
    expect(rows[0]!.sectors.map((s) => s.sectorId)).toEqual([sectorId]);
    expect(rows[0]!.linksFrom.map((l) => l.toId)).toEqual([existing!.id]);

    // Audit: the seminar, each item, the link, the confirm.
    expect(await auditRows(db, seminar.id, 'seminar.create')).toHaveLength(1);
    for (const row of rows) expect(await auditRows(db, row.id, 'recommendation.create')).toHaveLength(1);
    expect(await auditRows(db, rows[0]!.linksFrom[0]!.id, 'recommendation.link')).toHaveLength(1);
    expect(await auditRows(db, draft.id, 'import.confirm')).toHaveLength(1);

    // The tally holds exactly what the history says for the new items.
    const expected = [
      ...(
        await readItemTally(
          db,
          rows.map((r) => r.id),
        )
      ).values(),
    ].filter((row) => row.sectorId === null);
    const stored = await db.progressTally.findMany({ where: { themeId } });
    for (const row of expected) expect(stored.find((s) => s.status === row.status && s.quarter === row.quarter)?.moves).toBeGreaterThanOrEqual(row.moves);

    const after = await getImportDraft(db, draft.id, editor);
    expect(after).toMatchObject({
      status: 'CONFIRMED',
      confirmedSeminar: { id: seminar.id, codePrefix: result.seminar.codePrefix },
      seminar: { kind: 'ROUND_TABLE', venue: 'Islamabad' },
    });
  });

  it('import: a second confirm is a ConflictError naming who confirmed it, and creates nothing', async () => {
    const draft = await classifiedDraft();
    await confirmImportDraft(db, confirmInput(draft), otherEditor);
    const seminars = await db.seminar.count();
    const again = confirmImportDraft(db, confirmInput(draft, { expectedVersion: undefined }), editor);
    await expect(again).rejects.toBeInstanceOf(ConflictError);
    await expect(again).rejects.toThrow(/already confirmed by Amina Colleague/);
    expect(await db.seminar.count()).toBe(seminars);
  });

  it('import: two confirms at the same moment create exactly one seminar; the other is a 409-kind ConflictError', async () => {
    const draft = await classifiedDraft();
    const seminars = await db.seminar.count();
    const results = await Promise.allSettled([confirmImportDraft(db, confirmInput(draft), editor), confirmImportDraft(db, confirmInput(draft), otherEditor)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toBeInstanceOf(ConflictError);
    expect(await db.seminar.count()).toBe(seminars + 1);
    expect(await db.recommendation.count({ where: { seminarId: (await getImportDraft(db, draft.id, editor)).confirmedSeminar!.id } })).toBe(3);
  });

  it('import: confirm refuses items without a primary theme, a draft without items, and a stale version', async () => {
    const unclassified = await createImportDraft(db, { text: SAMPLE_REPORT }, editor);
    const missing = await confirmImportDraft(db, confirmInput(unclassified), editor).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(RuleViolationError);
    expect(Object.keys((missing as RuleViolationError).fields!)).toEqual(['items.0.themeId', 'items.1.themeId', 'items.2.themeId']);

    const empty = await createImportDraft(db, { text: 'Nothing here.\n' }, editor);
    await expect(confirmImportDraft(db, confirmInput(empty), editor)).rejects.toMatchObject({ code: 'no_items' });

    const draft = await classifiedDraft();
    await expect(confirmImportDraft(db, confirmInput(draft, { expectedVersion: 1 }), editor)).rejects.toBeInstanceOf(EditConflictError);
    const future = confirmImportDraftSchema.parse({ draftId: draft.id, seminar: { title: 'Later', kind: 'SEMINAR', date: '2999-01-01' } });
    await expect(confirmImportDraft(db, future, editor)).rejects.toMatchObject({ code: 'rule_violation', fields: { 'seminar.date': [expect.any(String)] } });
    expect((await getImportDraft(db, draft.id, editor)).status).toBe('DRAFT');
  });

  it('import: a second seminar of the same year gets the next free code prefix', async () => {
    const one = await confirmImportDraft(db, confirmInput(await classifiedDraft()), editor);
    const two = await confirmImportDraft(db, confirmInput(await classifiedDraft()), editor);
    expect(one.seminar.codePrefix).not.toBe(two.seminar.codePrefix);
    expect(two.seminar.codePrefix).toMatch(/^2015Z*[B-Z]$/);
  });

  it('import: the command line (SYSTEM_ACTOR) can run every step', async () => {
    const draft = await createImportDraft(db, { text: SAMPLE_REPORT }, SYSTEM_ACTOR);
    expect(draft.createdBy).toEqual({ id: null, name: SYSTEM_ACTOR.label });
    const classified = await updateImportDraft(
      db,
      updateImportDraftSchema.parse({ draftId: draft.id, expectedVersion: 1, items: draft.items.map((item) => ({ ...item, themeId })) }),
      SYSTEM_ACTOR,
    );
    const result = await confirmImportDraft(db, confirmInput(classified), SYSTEM_ACTOR);
    expect(result.recommendations).toHaveLength(3);
  });
});
