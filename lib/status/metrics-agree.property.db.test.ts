// Property: stale, overdue and progress are one rule (lib/status/metrics.ts) wherever they are counted.
// For random histories entered through the app's own operations (status changes back-dated in any
// order, evidence, target dates), on the same day and with the same filters, the dashboard's headline
// figures (as of today from the stored status and the tally, and through the history with a seminar
// filter), the recommendations list's stale and overdue filters, the quarterly report's headline, and
// the slow reference computation (lib/test/reference-headline.ts) all give the same numbers: today,
// and at the end of the previous quarter (the headline's and the report's "previous" figures, and
// the previous quarter's report), where each item's status is read from its history.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { today, toDateOnly } from '@/lib/dates';
import { addEvidence } from '@/lib/evidence/add-evidence';
import { getHeadlineFigures } from '@/lib/progress/headline-figures';
import { previousQuarter, quarterEnd, quarterOf, quarterStart } from '@/lib/progress/quarters';
import { listRecommendations } from '@/lib/recommendations/list-recommendations';
import { buildQuarterlyReport } from '@/lib/reporting/build-quarterly-report';
import { seedRecommendations } from '@/lib/test/recommendation-factory';
import { referenceHeadline } from '@/lib/test/reference-headline';
import { testDb } from '@/lib/test/test-db';
import { seedUser } from '@/lib/test/user-factory';
import { evidenceSchema } from '@/lib/validations/evidence';
import { recommendationFiltersSchema } from '@/lib/validations/recommendation-filters';
import { changeStatusNow } from './change-status';
import { DEFAULT_STALE_DAYS } from './metrics';
import { STATUSES } from './status';
import { readerActor } from '@/lib/test/refusal';

const db = testDb();
afterAll(() => db.$disconnect());

const DAY_MS = 86_400_000;
const NOW = today();
const SEMINAR_AGO = 600;
const dayAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);
const agoOf = (date: Date) => Math.round((NOW.getTime() - date.getTime()) / DAY_MS);

// Days on which a figure turns: the quarters' edges and the stale windows' edges, and a day either side.
const PREVIOUS_END = quarterEnd(previousQuarter(quarterOf(NOW)));
const EDGES = [0, agoOf(quarterStart(quarterOf(NOW))), agoOf(PREVIOUS_END), agoOf(quarterStart(previousQuarter(quarterOf(NOW))))]
  .flatMap((ago) => [ago, ago + DEFAULT_STALE_DAYS])
  .flatMap((ago) => [ago - 1, ago, ago + 1])
  .filter((ago) => ago >= 0 && ago <= SEMINAR_AGO);
const dayArb = fc.oneof(fc.integer({ min: 0, max: SEMINAR_AGO }), fc.constantFrom(...EDGES));

const itemArb = fc.record({
  changes: fc.array(fc.record({ status: fc.constantFrom(...STATUSES), ago: dayArb }), { maxLength: 4 }),
  evidence: fc.array(dayArb, { maxLength: 2 }),
  // Days from today: past (overdue if open), on the day, or ahead.
  target: fc.option(fc.oneof(fc.integer({ min: -SEMINAR_AGO, max: 60 }), fc.constantFrom(...EDGES.map((ago) => -ago))), { nil: null }),
});

describe('stale, overdue and progress agree everywhere', () => {
  it('agreement: headline figures, list filters, the quarterly report and the reference give the same counts', async () => {
    const actor = (await seedUser(db, { role: 'EDITOR' })).actor;
    await fc.assert(
      fc.asyncProperty(fc.array(itemArb, { minLength: 1, maxLength: 3 }), async (drawn) => {
        const items = await seedRecommendations(db, { seminarDate: toDateOnly(dayAgo(SEMINAR_AGO)), count: drawn.length });
        for (const [index, item] of items.entries()) {
          const plan = drawn[index]!;
          for (const ago of plan.evidence) {
            await addEvidence(db, item.id, evidenceSchema.parse({ body: 'Minutes.', evidenceDate: toDateOnly(dayAgo(ago)) }), actor);
          }
          for (const change of plan.changes) {
            const { version } = await db.recommendation.findUniqueOrThrow({ where: { id: item.id }, select: { version: true } });
            const effectiveDate = dayAgo(change.ago);
            const evidence = evidenceSchema.parse({ body: 'Report.', evidenceDate: toDateOnly(effectiveDate) });
            try {
              await changeStatusNow(
                db,
                { recommendationId: item.id, expectedVersion: version, status: change.status, effectiveDate, note: 'Test.', evidence },
                actor,
              );
            } catch (error) {
              // "It was already that status on that day": the app refuses the change; draw on.
              if (!(error instanceof Error) || !/already/i.test(error.message)) throw error;
            }
          }
          if (plan.target !== null) await db.recommendation.update({ where: { id: item.id }, data: { targetDate: dayAgo(-plan.target) } });
        }
        const ids = items.map((item) => item.id);
        const seminarId = items[0]!.seminarId;
        const { primaryThemeId } = await db.recommendation.findUniqueOrThrow({ where: { id: ids[0]! }, select: { primaryThemeId: true } });
        // The seminar's items are exactly the theme's: the theme takes the stored status and the
        // tally, the seminar filter the history.
        const byTheme = { seminar: [], theme: [primaryThemeId], sector: [] };
        const bySeminar = { seminar: [seminarId], theme: [], sector: [] };

        const [fast, slow, reference, current, previous] = await Promise.all([
          getHeadlineFigures(db, { scope: byTheme, asOf: NOW }),
          getHeadlineFigures(db, { scope: bySeminar, asOf: NOW }),
          referenceHeadline(db, ids, NOW),
          buildQuarterlyReport(db, { quarter: quarterOf(NOW), ...bySeminar, generatedBy: 'Test' }),
          buildQuarterlyReport(db, { quarter: previousQuarter(quarterOf(NOW)), ...byTheme, generatedBy: 'Test' }),
        ]);
        const list = async (filter: 'stale' | 'overdue') =>
          (await listRecommendations(db, recommendationFiltersSchema.parse({ seminar: [seminarId], [filter]: 'true' }), readerActor('VIEWER'))).total;
        const listed = { stale: await list('stale'), overdue: await list('overdue') };

        const { headline } = current.data;
        const before = previous.data.headline;
        for (const key of ['stale', 'overdue'] as const) {
          const counts = {
            fastNow: fast[key].current,
            slowNow: slow[key].current,
            referenceNow: reference.now[key],
            listNow: listed[key],
            reportNow: headline[key].current,
            fastThen: fast[key].previous,
            slowThen: slow[key].previous,
            referenceThen: reference.then[key],
            reportThen: headline[key].previous,
            previousReportNow: before[key].current,
          };
          const expected = reference.now[key];
          const expectedThen = reference.then[key];
          expect(counts, key).toEqual({
            fastNow: expected,
            slowNow: expected,
            referenceNow: expected,
            listNow: expected,
            reportNow: expected,
            fastThen: expectedThen,
            slowThen: expectedThen,
            referenceThen: expectedThen,
            reportThen: expectedThen,
            previousReportNow: expectedThen,
          });
        }
        const close = (value: number | null, expected: number | null) =>
          expected === null ? expect(value).toBeNull() : expect(value).toBeCloseTo(expected, 9);
        for (const progress of [fast.progress, slow.progress, headline.progress]) {
          close(progress.current, reference.now.progress);
          close(progress.previous, reference.then.progress);
        }
        close(before.progress.current, reference.then.progress);
        expect([fast.tracked.current, slow.tracked.current, headline.tracked.current]).toEqual(Array(3).fill(reference.now.tracked));
      }),
      { numRuns: 6 },
    );
  });
});
