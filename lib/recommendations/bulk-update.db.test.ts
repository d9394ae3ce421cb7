import { afterAll, describe, expect, it } from 'vitest';
import type { ApiError } from '@/lib/api/errors';
import { asHttp } from '@/lib/test/refusal';
import { parseDateOnly, today } from '@/lib/dates';
import { testDb } from '@/lib/test/test-db';
import { seedUser } from '@/lib/test/user-factory';
import { seedRecommendations, seedVocabulary, type SeededRecommendation } from '@/lib/test/recommendation-factory';
import { bulkUpdateSchema, type BulkChange, type BulkUpdateInput } from '@/lib/validations/bulk-update';
import { recommendationFiltersSchema } from '@/lib/validations/recommendation-filters';
import { bulkUpdateRecommendations } from './bulk-update';

const db = testDb();
afterAll(() => db.$disconnect());

async function editor() {
  return (await seedUser(db, { role: 'EDITOR' })).actor;
}

function selected(items: SeededRecommendation[], change: BulkChange, versions?: number[]): BulkUpdateInput {
  return { target: { kind: 'items', items: items.map((item, index) => ({ id: item.id, expectedVersion: versions?.[index] ?? 1 })) }, change };
}

async function snapshot(items: SeededRecommendation[]) {
  const ids = items.map((item) => item.id);
  const rows = await db.recommendation.findMany({
    where: { id: { in: ids } },
    orderBy: { code: 'asc' },
    select: { code: true, status: true, priority: true, version: true, primaryThemeId: true, sectors: { select: { sectorId: true } } },
  });
  const history = await db.statusChange.count({ where: { recommendationId: { in: ids } } });
  const audit = await db.auditLog.count({ where: { entityId: { in: ids } } });
  return { rows, history, audit };
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  return asHttp(error);
}

function summaryRows(actorId: string) {
  return db.auditLog.findMany({ where: { actorId, action: 'recommendation.bulk_update' } });
}

describe('bulk update: changes every chosen item in one go', () => {
  it('bulk: priority is set on each item, each version bumped, one audit row each and one summary', async () => {
    const actor = await editor();
    const items = await seedRecommendations(db, { count: 3 });
    const result = await bulkUpdateRecommendations(db, selected(items, { operation: 'priority', priority: 'HIGH' }), actor);
    expect(result.changed).toEqual(items.map((item) => item.code));
    const after = await snapshot(items);
    expect(after.rows.map((row) => [row.priority, row.version])).toEqual([
      ['HIGH', 2],
      ['HIGH', 2],
      ['HIGH', 2],
    ]);
    const audit = await db.auditLog.findMany({ where: { entityId: { in: items.map((item) => item.id) }, action: 'recommendation.update' } });
    expect(audit).toHaveLength(3);
    expect(JSON.parse(audit[0]!.before!)).toMatchObject({ priority: 'MEDIUM', version: 1 });
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ priority: 'HIGH', version: 2, bulk: true });
    const summary = await summaryRows(actor.id);
    expect(summary).toHaveLength(1);
    expect(JSON.parse(summary[0]!.after!)).toMatchObject({ change: { operation: 'priority', priority: 'HIGH' }, changed: result.changed });
  });

  it('bulk: an item that already has the value is left alone, not bumped', async () => {
    const actor = await editor();
    const items = await seedRecommendations(db, { count: 2 });
    await db.recommendation.update({ where: { id: items[1]!.id }, data: { priority: 'LOW' } });
    const result = await bulkUpdateRecommendations(db, selected(items, { operation: 'priority', priority: 'LOW' }), actor);
    expect(result).toEqual({ changed: [items[0]!.code], unchanged: [items[1]!.code] });
    expect((await snapshot(items)).rows.map((row) => row.version)).toEqual([2, 1]);
  });

  it('bulk: status goes through the same rules and history as on the item page', async () => {
    const actor = await editor();
    const items = await seedRecommendations(db, { count: 2 });
    await bulkUpdateRecommendations(
      db,
      selected(items, { operation: 'status', status: 'IN_PROGRESS', effectiveDate: today(), note: 'Ministry set up a desk.' }),
      actor,
    );
    const after = await snapshot(items);
    expect(after.rows.map((row) => [row.status, row.version])).toEqual([
      ['IN_PROGRESS', 2],
      ['IN_PROGRESS', 2],
    ]);
    expect(after.history).toBe(4);
    const notes = await db.statusChange.findMany({ where: { recommendationId: { in: items.map((item) => item.id) }, toStatus: 'IN_PROGRESS' } });
    expect(notes.map((row) => [row.note, row.authorId])).toEqual([
      ['Ministry set up a desk.', actor.id],
      ['Ministry set up a desk.', actor.id],
    ]);
    expect(await db.auditLog.count({ where: { entityId: { in: items.map((item) => item.id) }, action: 'recommendation.status_change' } })).toBe(2);
    expect(await summaryRows(actor.id)).toHaveLength(1);
  });

  it('bulk: owner sectors are added to, or replace, each item’s own', async () => {
    const actor = await editor();
    const items = await seedRecommendations(db, { count: 2 });
    const [original] = (await snapshot(items)).rows[0]!.sectors.map((row) => row.sectorId);
    const extra = await seedVocabulary(db, 'sector');
    await bulkUpdateRecommendations(db, selected(items, { operation: 'sector', sectorMode: 'add', sectorIds: [extra] }), actor);
    const added = await snapshot(items);
    expect(added.rows.map((row) => row.sectors.map((link) => link.sectorId).sort())).toEqual([[original!, extra].sort(), [original!, extra].sort()]);
    await bulkUpdateRecommendations(db, selected(items, { operation: 'sector', sectorMode: 'replace', sectorIds: [extra] }, [2, 2]), actor);
    const replaced = await snapshot(items);
    expect(replaced.rows.map((row) => row.sectors.map((link) => link.sectorId))).toEqual([[extra], [extra]]);
    expect(replaced.rows.map((row) => row.version)).toEqual([3, 3]);
  });

  it('bulk: a new primary theme stops being a secondary one', async () => {
    const actor = await editor();
    const items = await seedRecommendations(db, { count: 1 });
    const theme = await seedVocabulary(db, 'theme');
    await db.recommendationTheme.create({ data: { recommendationId: items[0]!.id, themeId: theme } });
    await bulkUpdateRecommendations(db, selected(items, { operation: 'theme', themeId: theme }), actor);
    const row = await db.recommendation.findUniqueOrThrow({ where: { id: items[0]!.id }, select: { primaryThemeId: true, secondaryThemes: true } });
    expect(row.primaryThemeId).toBe(theme);
    expect(row.secondaryThemes).toEqual([]);
  });
});

describe('bulk update: all or nothing', () => {
  it('bulk: items that break a rule refuse the whole bulk, each named with its reason, and nothing is written', async () => {
    const actor = await editor();
    const early = await seedRecommendations(db, { count: 2, seminarDate: '2015-02-12' });
    const late = await seedRecommendations(db, { count: 1, seminarDate: '2020-06-01' });
    // One early item has evidence, so only the other lacks it; the late item's seminar is after the date.
    await db.evidenceNote.create({ data: { recommendationId: early[0]!.id, body: 'Act passed.', evidenceDate: parseDateOnly('2018-01-01')! } });
    const items = [...early, ...late];
    const before = await snapshot(items);
    const error = await refusal(
      bulkUpdateRecommendations(db, selected(items, { operation: 'status', status: 'IMPLEMENTED', effectiveDate: parseDateOnly('2019-01-01')! }), actor),
    );
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/^Nothing was changed: 2 recommendations cannot take this change/);
    const lines = error.fields!.items!;
    expect(lines).toHaveLength(2);
    expect(lines.find((line) => line.startsWith(early[1]!.code))).toMatch(/needs evidence/);
    expect(lines.find((line) => line.startsWith(late[0]!.code))).toMatch(/before the seminar/);
    // The item that could take the change was not changed either.
    expect(await snapshot(items)).toEqual(before);
    expect(await summaryRows(actor.id)).toHaveLength(0);
  });

  it('bulk: an item changed since the page was shown refuses the bulk, naming who changed it', async () => {
    const actor = await editor();
    const colleague = await seedUser(db, { role: 'EDITOR' });
    const items = await seedRecommendations(db, { count: 2 });
    await bulkUpdateRecommendations(db, selected([items[1]!], { operation: 'priority', priority: 'LOW' }), colleague.actor);
    const before = await snapshot(items);
    // The page still shows version 1 of both.
    const error = await refusal(bulkUpdateRecommendations(db, selected(items, { operation: 'priority', priority: 'HIGH' }), actor));
    expect(error.status).toBe(409);
    expect(error.fields!.items).toHaveLength(1);
    expect(error.fields!.items![0]).toContain(items[1]!.code);
    expect(error.fields!.items![0]).toContain('Test User edited the details');
    expect(error.fields!.items![0]).not.toContain(colleague.email);
    expect(await snapshot(items)).toEqual(before);
  });

  it('bulk: a merged or unknown sector is refused for the whole bulk, by field', async () => {
    const actor = await editor();
    const items = await seedRecommendations(db, { count: 1 });
    const kept = await seedVocabulary(db, 'sector');
    const merged = await seedVocabulary(db, 'sector', { mergedIntoId: kept });
    const error = await refusal(bulkUpdateRecommendations(db, selected(items, { operation: 'sector', sectorMode: 'add', sectorIds: [merged] }), actor));
    expect(error.status).toBe(422);
    expect(error.fields!.sectorIds).toBeDefined();
    expect((await snapshot(items)).rows[0]!.version).toBe(1);
  });
});

describe('bulk update: all items matching the filters', () => {
  async function allMatching(items: SeededRecommendation[], expectedCount: number, asOf: Date, change: BulkChange): Promise<BulkUpdateInput> {
    const filters = recommendationFiltersSchema.parse({ seminar: items[0]!.seminarId });
    return { target: { kind: 'filter', filters, expectedCount, asOf }, change };
  }

  it('all matching: changes every match, including those not on the page', async () => {
    const actor = await editor();
    const items = await seedRecommendations(db, { count: 3 });
    const result = await bulkUpdateRecommendations(db, await allMatching(items, 3, new Date(), { operation: 'priority', priority: 'HIGH' }), actor);
    expect(result.changed).toHaveLength(3);
    expect((await snapshot(items)).rows.every((row) => row.priority === 'HIGH' && row.version === 2)).toBe(true);
    const summary = JSON.parse((await summaryRows(actor.id))[0]!.after!);
    expect(summary.target).toEqual({ kind: 'filter', filters: `seminar=${items[0]!.seminarId}`, count: 3 });
  });

  it('all matching: refused when the number matching changed since the page was shown', async () => {
    const actor = await editor();
    const items = await seedRecommendations(db, { count: 3 });
    const error = await refusal(bulkUpdateRecommendations(db, await allMatching(items, 2, new Date(), { operation: 'priority', priority: 'HIGH' }), actor));
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/2 then, 3 now/);
    expect((await snapshot(items)).rows.every((row) => row.version === 1)).toBe(true);
  });

  it('all matching: refused when a match was edited after the page was shown', async () => {
    const actor = await editor();
    const colleague = await seedUser(db, { role: 'EDITOR' });
    const items = await seedRecommendations(db, { count: 3 });
    const shownAt = new Date();
    // The clock has millisecond steps: make the colleague's edit strictly later than the page.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await bulkUpdateRecommendations(db, selected([items[2]!], { operation: 'priority', priority: 'LOW' }), colleague.actor);
    const before = await snapshot(items);
    const error = await refusal(bulkUpdateRecommendations(db, await allMatching(items, 3, shownAt, { operation: 'priority', priority: 'HIGH' }), actor));
    expect(error.status).toBe(409);
    expect(error.fields!.items).toHaveLength(1);
    expect(error.fields!.items![0]).toContain(items[2]!.code);
    expect(error.fields!.items![0]).toContain('Test User edited the details');
    expect(error.fields!.items![0]).not.toContain(colleague.email);
    expect(await snapshot(items)).toEqual(before);
  });
});

describe('bulk update: the form’s input', () => {
  it('form: ticked rows carry their versions; duplicates (table and card) count once', () => {
    const parsed = bulkUpdateSchema.parse({ scope: 'selected', items: ['a1:3', 'b2:1', 'a1:3'], operation: 'priority', priority: 'HIGH' });
    expect(parsed).toEqual({
      target: {
        kind: 'items',
        items: [
          { id: 'a1', expectedVersion: 3 },
          { id: 'b2', expectedVersion: 1 },
        ],
      },
      change: { operation: 'priority', priority: 'HIGH' },
    });
  });

  it('form: every missing field is reported at once', () => {
    const result = bulkUpdateSchema.safeParse({ scope: 'selected', operation: 'status', status: '', effectiveDate: '' });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.')).sort();
    expect(paths).toEqual(['effectiveDate', 'items', 'status']);
  });

  it('form: all matching reads the filters from the page’s query string', () => {
    const parsed = bulkUpdateSchema.parse({
      scope: 'all',
      query: 'status=STALLED&q=trade&page=2',
      expectedCount: '12',
      asOf: '2025-01-01T10:00:00.000Z',
      operation: 'sector',
      sectorMode: 'add',
      sectorIds: 's1',
    });
    expect(parsed.target).toMatchObject({
      kind: 'filter',
      expectedCount: 12,
      asOf: new Date('2025-01-01T10:00:00.000Z'),
      filters: { status: ['STALLED'], q: 'trade' },
    });
    expect(parsed.change).toEqual({ operation: 'sector', sectorMode: 'add', sectorIds: ['s1'] });
  });

  it('form: a tampered row or query string asks for a reload', () => {
    const result = bulkUpdateSchema.safeParse({ scope: 'selected', items: ['a1:zero'], operation: 'priority', priority: 'HIGH' });
    expect(result.error!.issues[0]!.message).toMatch(/Reload the page/);
    const query = bulkUpdateSchema.safeParse({
      scope: 'all',
      query: 'status=NOPE',
      expectedCount: '1',
      asOf: new Date().toISOString(),
      operation: 'priority',
      priority: 'LOW',
    });
    expect(query.error!.issues.map((issue) => issue.path[0])).toEqual(['query']);
  });
});
