// Property: for random status histories (back-dated entries, late recording, same-day ties, ups and
// downs, NO_LONGER_RELEVANT), the database's quarterly series equals the slow reference computation.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDateOnly, today } from '@/lib/dates';
import { recommendationCode } from '@/lib/recommendations/code';
import { STATUSES } from '@/lib/status/status';
import { seedVocabulary } from '@/lib/test/recommendation-factory';
import { testDb, uniqueId } from '@/lib/test/test-db';
import type { ProgressGrouping } from '@/lib/validations/progress';
import { getProgressSeries, type ProgressPoint } from './progress-series';
import { dashboardQuarters, quarterEnd, quartersBetween } from './quarters';
import { addItemsToTally } from './tally/rebuild-progress-tally';
import { referenceSeries, type ReferenceChange, type ReferenceItem } from '@/lib/test/reference-series';

const db = testDb();
afterAll(() => db.$disconnect());

/** The values an arbitrary draws. */
type Drawn<A> = A extends fc.Arbitrary<infer T> ? T : never;

const DAY_MS = 86_400_000;
const EPOCH = parseDateOnly('2020-01-01')!.getTime();
const SEMINAR_DATE = parseDateOnly('2020-02-10')!;
/** Few distinct times of day, so that changes on the same day are often recorded at the same instant. */
const TIMES_OF_DAY = [0, 12 * 3_600_000, DAY_MS - 1];
/** How late a change is entered: the same day, soon, or long after (back-dated). */
const LAGS_IN_DAYS = [0, 1, 30, 200, 400];

/** Days (from EPOCH) on which a quarter ends, where the series reads the history. */
const QUARTER_END_DAYS = quartersBetween({ year: 2020, quarter: 1 }, { year: 2023, quarter: 1 }).map((q) => (quarterEnd(q).getTime() - EPOCH) / DAY_MS);

const changeArb = fc.record({
  status: fc.constantFrom(...STATUSES),
  // Effective dates on a coarse grid (every 25 days over ~3 years), or on a quarter's last day, the
  // edge of the quarter it counts in.
  effectiveDay: fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 44 }).map((step) => step * 25), weight: 3 },
    { arbitrary: fc.constantFrom(...QUARTER_END_DAYS), weight: 1 },
  ),
  lag: fc.oneof({ arbitrary: fc.constant(0), weight: 2 }, { arbitrary: fc.constantFrom(...LAGS_IN_DAYS), weight: 3 }),
  time: fc.constantFrom(...TIMES_OF_DAY),
  // Ties on purpose: the same effective day as the item's previous change, or the very same instant too.
  repeat: fc.constantFrom('no', 'no', 'day', 'instant'),
  // Orders same-instant ties; hex keeps the id order the same in JS and in any database collation.
  idKey: fc.stringMatching(/^[0-9a-f]{6}$/),
});

type DrawnChange = Drawn<typeof changeArb>;
type ConcreteChange = { status: DrawnChange['status']; effectiveDay: number; recordedMs: number; idKey: string };

/** The drawn changes with their repeats resolved: days from EPOCH, recorded instants in ms. */
function concrete(changes: DrawnChange[]): ConcreteChange[] {
  const out: ConcreteChange[] = [];
  for (const change of changes) {
    const previous = out.at(-1);
    const effectiveDay = previous && change.repeat !== 'no' ? previous.effectiveDay : change.effectiveDay;
    const recordedMs = previous && change.repeat === 'instant' ? previous.recordedMs : EPOCH + (effectiveDay + change.lag) * DAY_MS + change.time;
    out.push({ status: change.status, effectiveDay, recordedMs, idKey: change.idKey });
  }
  return out;
}

const itemArb = fc.record({
  theme: fc.integer({ min: 0, max: 2 }),
  sectors: fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 3 }),
  changes: fc.array(changeArb, { minLength: 0, maxLength: 6 }).map(concrete),
});

const historyArb = fc
  .record({
    items: fc.array(itemArb, { minLength: 1, maxLength: 5 }),
    themeFilter: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
    // Quarters left out at either end (the from/to filters); 0 = from the first seminar, to the as-of day.
    skipFirst: fc.constantFrom(0, 1, 2, 3),
    skipLast: fc.constantFrom(0, 1, 2, 3),
  })
  .chain((drawn) => {
    // Mostly a day on which some change takes effect or is recorded (or the day before), to probe
    // both edges of the "as of" cut; sometimes any day.
    const days = drawn.items.flatMap((item) =>
      item.changes.flatMap((c) => [c.effectiveDay, Math.floor((c.recordedMs - EPOCH) / DAY_MS), Math.max(0, c.effectiveDay - 1)]),
    );
    const anyDay = fc.integer({ min: 0, max: 1200 });
    const asOfDay = days.length ? fc.oneof({ arbitrary: fc.constantFrom(...days), weight: 3 }, { arbitrary: anyDay, weight: 1 }) : anyDay;
    return asOfDay.map((day) => ({ ...drawn, asOfDay: day }));
  });

type History = Drawn<typeof historyArb>;

let themes: string[] = [];
let sectors: string[] = [];

beforeAll(async () => {
  themes = [await seedVocabulary(db, 'theme'), await seedVocabulary(db, 'theme'), await seedVocabulary(db, 'theme')];
  sectors = [await seedVocabulary(db, 'sector'), await seedVocabulary(db, 'sector'), await seedVocabulary(db, 'sector')];
});

/** Writes the history for a fresh seminar of its own; returns it as the reference reads it. */
async function writeHistory(history: History) {
  const prefix = uniqueId('P').toUpperCase();
  const seminar = await db.seminar.create({
    data: { codePrefix: prefix, title: `Property ${prefix}`, kind: 'ROUND_TABLE', date: SEMINAR_DATE, sourceText: 'Recommendations' },
    select: { id: true },
  });
  const items: { id: string; theme: string; sectors: string[] }[] = [];
  const changes: ReferenceChange[] = [];
  for (const [index, drawn] of history.items.entries()) {
    const item = await db.recommendation.create({
      data: {
        code: recommendationCode(prefix, index + 1),
        seminarId: seminar.id,
        position: index + 1,
        title: `Item ${index + 1}`,
        text: 'Text',
        sourceStart: 0,
        sourceEnd: 4,
        sourceLineStart: 1,
        sourceLineEnd: 1,
        primaryThemeId: themes[drawn.theme]!,
        status: 'NOT_STARTED',
        statusDate: SEMINAR_DATE,
        lastActivityAt: SEMINAR_DATE,
        sectors: { create: drawn.sectors.map((s) => ({ sectorId: sectors[s]! })) },
      },
      select: { id: true },
    });
    items.push({ id: item.id, theme: themes[drawn.theme]!, sectors: drawn.sectors.map((s) => sectors[s]!) });
    for (const [n, change] of drawn.changes.entries()) {
      changes.push({
        id: `${prefix.toLowerCase()}${change.idKey}${n}`,
        itemId: item.id,
        toStatus: change.status,
        effectiveDate: new Date(EPOCH + change.effectiveDay * DAY_MS),
        recordedAt: new Date(change.recordedMs),
      });
    }
  }
  await db.statusChange.createMany({
    data: changes.map((c) => ({ id: c.id, recommendationId: c.itemId, toStatus: c.toStatus, effectiveDate: c.effectiveDate, recordedAt: c.recordedAt })),
  });
  return { seminarId: seminar.id, items, changes };
}

function asRecord(series: Map<string, ProgressPoint[]>): Record<string, ProgressPoint[]> {
  return Object.fromEntries([...series.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe('progress series (property)', () => {
  it('progress: for random histories the database series equals the reference computation', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, async (history) => {
        const { seminarId, items, changes } = await writeHistory(history);
        const asOf = new Date(EPOCH + history.asOfDay * DAY_MS);
        const all = dashboardQuarters({ firstSeminarDate: SEMINAR_DATE, asOf });
        const quarters = all.slice(history.skipFirst, Math.max(history.skipFirst, all.length - history.skipLast));
        const themeFilter = history.themeFilter === null ? [] : [themes[history.themeFilter]!];
        const inScope = items.filter((item) => themeFilter.length === 0 || themeFilter.includes(item.theme));
        const groupsBy: Record<ProgressGrouping, (item: (typeof items)[number]) => string[]> = {
          theme: (item) => [item.theme],
          sector: (item) => item.sectors,
          seminar: () => [seminarId],
        };
        for (const by of ['theme', 'sector', 'seminar'] as const) {
          const actual = await getProgressSeries(db, { by, scope: { seminar: [seminarId], theme: themeFilter, sector: [] }, quarters, asOf });
          const referenceItems: ReferenceItem[] = inScope.map((item) => ({ id: item.id, groupIds: groupsBy[by](item) }));
          const expected = referenceSeries(referenceItems, changes, quarters, asOf);
          expect(asRecord(new Map(actual.map((s) => [s.id, s.points]))), `by ${by}`).toEqual(asRecord(expected));
        }
      }),
      { numRuns: 30 },
    );
  });

  it('tally: as of today, the series read from the progress tally equals the reference computation', async () => {
    // The tally is global: this file's themes and sectors collect the items of every run, so the
    // reference reads every item written so far. Items are added the way the seed adds new ones.
    const written: { items: { id: string; theme: string; sectors: string[] }[]; changes: ReferenceChange[] } = { items: [], changes: [] };
    const asOf = today();
    const quarters = dashboardQuarters({ firstSeminarDate: SEMINAR_DATE, asOf });
    await fc.assert(
      fc.asyncProperty(historyArb, fc.integer({ min: 0, max: 2 }), async (history, sectorIndex) => {
        const { items, changes } = await writeHistory(history);
        await addItemsToTally(
          db,
          items.map((item) => item.id),
        );
        written.items.push(...items);
        written.changes.push(...changes);
        const sector = sectors[sectorIndex]!;
        const cases = [
          { by: 'theme' as const, scope: { seminar: [], theme: themes, sector: [] }, groupIds: (item: (typeof items)[number]) => [item.theme] },
          { by: 'sector' as const, scope: { seminar: [], theme: themes, sector: [] }, groupIds: (item: (typeof items)[number]) => item.sectors },
          {
            by: 'theme' as const,
            scope: { seminar: [], theme: themes, sector: [sector] },
            groupIds: (item: (typeof items)[number]) => (item.sectors.includes(sector) ? [item.theme] : []),
          },
        ];
        for (const { by, scope, groupIds } of cases) {
          const actual = await getProgressSeries(db, { by, scope, quarters, asOf });
          const referenceItems: ReferenceItem[] = written.items.map((item) => ({ id: item.id, groupIds: groupIds(item) }));
          const expected = new Map(
            [...referenceSeries(referenceItems, written.changes, quarters, asOf)].filter(([, points]) => points.some((p) => p.items > 0)),
          );
          expect(asRecord(new Map(actual.map((s) => [s.id, s.points]))), `by ${by}, sectors ${scope.sector.join()}`).toEqual(asRecord(expected));
        }
      }),
      { numRuns: 15 },
    );
  });
});
