// As of today the headline figures are read from the stored status, the progress tally and index
// ranges instead of every item's history: they must equal the figures read from the history (the
// path a seminar filter takes, which the tally does not answer) and the slow reference computation.
import { afterAll, describe, expect, it } from 'vitest';
import { today } from '@/lib/dates';
import { addEvidence } from '@/lib/evidence/add-evidence';
import { changeStatusNow } from '@/lib/status/change-status';
import type { Status } from '@/lib/status/status';
import { seedRecommendations, type SeededRecommendation } from '@/lib/test/recommendation-factory';
import { referenceHeadline } from '@/lib/test/reference-headline';
import { testDb } from '@/lib/test/test-db';
import { seedUser } from '@/lib/test/user-factory';
import { evidenceSchema } from '@/lib/validations/evidence';
import { getHeadlineFigures } from './headline-figures';
import { daysBefore } from './history-sql';
import { previousQuarter, quarterEnd, quarterOf, quarterStart } from './quarters';

const db = testDb();
afterAll(() => db.$disconnect());

const iso = (date: Date) => date.toISOString().slice(0, 10);

describe('headline figures as of today', () => {
  it('headline: read from stored status and the tally, they equal the figures read from the history', async () => {
    const now = today();
    const current = quarterOf(now);
    const previous = previousQuarter(current);
    const previousEnd = quarterEnd(previous);
    const inPrevious = daysBefore(previousEnd, 20);
    const items = await seedRecommendations(db, { seminarDate: iso(daysBefore(now, 800)), count: 6 });
    const [a, b, c, d, e, f] = items as [
      SeededRecommendation,
      SeededRecommendation,
      SeededRecommendation,
      SeededRecommendation,
      SeededRecommendation,
      SeededRecommendation,
    ];
    const actor = (await seedUser(db, { role: 'EDITOR' })).actor;
    const version = async (item: SeededRecommendation) =>
      (await db.recommendation.findUniqueOrThrow({ where: { id: item.id }, select: { version: true } })).version;
    const change = async (item: SeededRecommendation, status: Status, effectiveDate: Date) =>
      changeStatusNow(db, { recommendationId: item.id, expectedVersion: await version(item), status, effectiveDate, note: 'Test.' }, actor);

    await change(a, 'IN_PROGRESS', inPrevious);
    await change(b, 'IN_PROGRESS', quarterStart(current));
    await change(c, 'STALLED', daysBefore(now, 400));
    await change(d, 'NO_LONGER_RELEVANT', inPrevious);
    // Evidence shortly before the previous quarter's end: e was active then, and is stale by now only
    // if that is more than the stale window ago.
    await addEvidence(db, e.id, evidenceSchema.parse({ body: 'Minutes.', evidenceDate: iso(daysBefore(previousEnd, 10)) }), actor);
    await db.recommendation.update({ where: { id: c.id }, data: { targetDate: daysBefore(previousEnd, 30) } });
    await db.recommendation.update({ where: { id: d.id }, data: { targetDate: daysBefore(previousEnd, 30) } });
    await db.recommendation.update({ where: { id: e.id }, data: { targetDate: quarterStart(current) } });
    // f: past its target date and open at the end of the previous quarter, closed since: overdue then, not now.
    await db.recommendation.update({ where: { id: f.id }, data: { targetDate: daysBefore(previousEnd, 30) } });
    await change(f, 'NO_LONGER_RELEVANT', quarterStart(current));

    const scope = {
      seminar: [],
      theme: [(await db.recommendation.findUniqueOrThrow({ where: { id: a.id }, select: { primaryThemeId: true } })).primaryThemeId],
      sector: [],
    };
    const fast = await getHeadlineFigures(db, { scope, asOf: now });
    // The seminar's items are exactly the theme's (seedRecommendations gives them one fresh theme).
    const slow = await getHeadlineFigures(db, { scope: { seminar: [a.seminarId], theme: [], sector: [] }, asOf: now });
    const { progress: fastProgress, ...fastRest } = fast;
    const { progress: slowProgress, ...slowRest } = slow;
    expect(fastRest).toEqual(slowRest);
    expect(fastProgress.current).toBeCloseTo(slowProgress.current!);
    expect(fastProgress.previous).toBeCloseTo(slowProgress.previous!);
    const reference = await referenceHeadline(
      db,
      items.map((item) => item.id),
      now,
    );
    for (const [name, key] of [
      ['tracked', 'tracked'],
      ['implemented', 'implemented'],
      ['changedThisQuarter', 'changed'],
      ['stale', 'stale'],
      ['overdue', 'overdue'],
    ] as const) {
      expect(fast[name], name).toEqual({ previous: reference.then[key], current: reference.now[key], change: reference.now[key] - reference.then[key] });
    }
    expect(fastProgress.current).toBeCloseTo(reference.now.progress!);
    expect(fastProgress.previous).toBeCloseTo(reference.then.progress!);
    // Figures that exercise each part: a change in each quarter, an overdue item then and now.
    expect(fast.tracked).toEqual({ current: 6, previous: 6, change: 0 });
    expect(fast.changedThisQuarter.previous).toBe(2);
    expect(fast.changedThisQuarter.current).toBe(2);
    expect(fast.overdue.previous).toBe(2);
    expect(fast.overdue.current).toBe(now.getTime() > quarterStart(current).getTime() ? 2 : 1);
  });
});
