import { afterAll, describe, expect, it } from 'vitest';
import { parseDateOnly } from '@/lib/dates';
import { addEvidence } from '@/lib/evidence/add-evidence';
import { editEvidence } from '@/lib/evidence/edit-evidence';
import { removeEvidence } from '@/lib/evidence/remove-evidence';
import { changeStatusNow } from '@/lib/status/change-status';
import { testDb } from '@/lib/test/test-db';
import { seedUser } from '@/lib/test/user-factory';
import { seedRecommendations, seedVocabulary } from '@/lib/test/recommendation-factory';
import { readerActor } from '@/lib/test/refusal';
import { bulkUpdateRecommendations } from './bulk-update';
import { correctRecommendationText } from './correct-recommendation-text';
import { getItemTimeline, type TimelineEntry } from './get-item-timeline';
import { linkRecommendations } from './link-recommendations';
import { updateRecommendation } from './update-recommendation';
import { restoreRecommendation, withdrawRecommendation } from './withdraw-recommendation';

const db = testDb();
afterAll(() => db.$disconnect());

const day = (text: string) => parseDateOnly(text)!;

type Of<K> = TimelineEntry extends infer E ? (E extends { kind: infer L } ? (K extends L ? E : never) : never) : never;
const ofKind = <K extends TimelineEntry['kind']>(entries: TimelineEntry[], kind: K) => entries.filter((entry) => entry.kind === kind) as Of<K>[];

describe('item timeline', () => {
  it('timeline: status, evidence, details, text, links and withdrawal in one list, newest first, each with who — readable by a viewer', async () => {
    const [item, other] = await seedRecommendations(db, { count: 2 });
    const editor = await seedUser(db, { role: 'EDITOR' });
    const actor = editor.actor;
    const person = (await db.user.findUniqueOrThrow({ where: { id: editor.id }, select: { name: true } })).name;
    const newTheme = await seedVocabulary(db, 'theme');
    const newSector = await seedVocabulary(db, 'sector');
    const [themeName, sectorName] = [
      (await db.theme.findUniqueOrThrow({ where: { id: newTheme } })).name,
      (await db.sector.findUniqueOrThrow({ where: { id: newSector } })).name,
    ];

    await changeStatusNow(db, { recommendationId: item!.id, expectedVersion: 1, status: 'IN_PROGRESS', effectiveDate: day('2018-01-01') }, actor);
    const note = await addEvidence(db, item!.id, { body: 'A **ministry** circular.', evidenceDate: day('2019-01-01') }, actor);
    await editEvidence(db, { evidenceId: note.id, expectedVersion: 1, body: 'A ministry circular, signed.', evidenceDate: day('2019-01-01') }, actor);
    const removed = await addEvidence(db, item!.id, { body: 'Entered twice.', evidenceDate: day('2019-02-01') }, actor);
    await removeEvidence(db, { evidenceId: removed.id }, actor);
    await updateRecommendation(
      db,
      item!.id,
      { expectedVersion: 2, priority: 'HIGH', primaryThemeId: newTheme, sectorIds: [newSector], targetDate: day('2027-06-30') },
      actor,
    );
    await bulkUpdateRecommendations(
      db,
      { target: { kind: 'items', items: [{ id: item!.id, expectedVersion: 3 }] }, change: { operation: 'priority', priority: 'LOW' } },
      actor,
    );
    await correctRecommendationText(
      db,
      { recommendationId: item!.id, expectedVersion: 4, title: 'Corrected title', text: 'Corrected text.', reason: 'Typo.' },
      actor,
    );
    await linkRecommendations(db, { recommendationId: other!.id, targetCode: item!.code }, actor);
    await withdrawRecommendation(db, { recommendationId: item!.id, expectedVersion: 5, reason: 'Entered by mistake.' }, actor);
    await restoreRecommendation(db, { recommendationId: item!.id, expectedVersion: 6 }, actor);

    // A viewer reads it (the audit log is for administrators only).
    const entries = (await getItemTimeline(db, item!.id, readerActor('VIEWER')))!;
    expect(entries).not.toBeNull();

    expect(ofKind(entries, 'status').map((entry) => [entry.fromStatus, entry.toStatus])).toEqual([
      ['NOT_STARTED', 'IN_PROGRESS'],
      [null, 'NOT_STARTED'],
    ]);
    expect(ofKind(entries, 'status')[0]!.by).toBe(person);
    expect(ofKind(entries, 'status')[1]!.by).toBe('the system');

    const evidence = ofKind(entries, 'evidence');
    expect(evidence.map((entry) => [entry.excerpt, entry.removed])).toEqual([
      ['Entered twice.', true],
      ['A ministry circular, signed.', false],
    ]);
    expect(ofKind(entries, 'evidence-edited')[0]!.changed).toEqual(['text']);
    expect(ofKind(entries, 'evidence-removed')[0]!.excerpt).toBe('Entered twice.');

    const fields = ofKind(entries, 'fields');
    expect(fields).toHaveLength(2);
    // Newest first: the bulk change to Low, then the edit form's change.
    expect(fields[0]!.bulk).toBe(true);
    expect(fields[0]!.changes).toEqual([{ field: 'priority', from: { names: ['High'] }, to: { names: ['Low'] } }]);
    const edit = Object.fromEntries(fields[1]!.changes.map((change) => [change.field, change]));
    expect(edit.priority).toMatchObject({ from: { names: ['Medium'] }, to: { names: ['High'] } });
    expect(edit.primaryTheme!.to).toEqual({ names: [themeName] });
    expect(edit.sectors!.to).toEqual({ names: [sectorName] });
    expect(edit.targetDate).toMatchObject({ from: null, to: { date: day('2027-06-30') } });
    expect(fields.every((entry) => entry.by === person)).toBe(true);

    expect(ofKind(entries, 'text')[0]).toMatchObject({ titleChanged: true, fromTitle: 'Working group 1', reason: 'Typo.' });
    expect(ofKind(entries, 'linked')[0]!.otherCode).toBe(other!.code);
    expect(ofKind(entries, 'withdrawn')[0]!.reason).toBe('Entered by mistake.');
    expect(ofKind(entries, 'restored')).toHaveLength(1);

    // Newest first by the day it happened, then by when it was recorded: today's edits lead, the
    // 2019 evidence and 2018 status change follow in their days, the seminar's start is last.
    const days = entries.map((entry) => entry.day.getTime());
    expect([...days].sort((a, b) => b - a)).toEqual(days);
    expect(entries.at(-1)).toMatchObject({ kind: 'status', fromStatus: null });
    expect(entries.slice(0, 6).map((entry) => entry.kind)).toEqual(['restored', 'withdrawn', 'linked', 'text', 'fields', 'fields']);
  });

  it('timeline: a fixed number of statements however long the history', async () => {
    const [item] = await seedRecommendations(db, { count: 1 });
    const editor = await seedUser(db, { role: 'EDITOR' });
    // Counts the client's operations (a findMany with its relations is one, whatever rows it reads).
    const statements = async () => {
      let count = 0;
      const counting = db.$extends({
        query: {
          $allOperations: async ({ args, query }) => {
            count += 1;
            return query(args);
          },
        },
      });
      await getItemTimeline(counting as unknown as typeof db, item!.id, readerActor());
      return count;
    };
    const short = await statements();
    for (const [index, priority] of (['HIGH', 'LOW', 'HIGH', 'LOW'] as const).entries()) {
      await updateRecommendation(db, item!.id, { expectedVersion: index + 1, priority }, editor.actor);
      await addEvidence(db, item!.id, { body: `Note ${index}.`, evidenceDate: day('2020-01-01') }, editor.actor);
    }
    expect(await statements()).toBe(short);
  });

  it('timeline: an unknown item is null', async () => {
    expect(await getItemTimeline(db, 'no-such-item', readerActor())).toBeNull();
  });
});
