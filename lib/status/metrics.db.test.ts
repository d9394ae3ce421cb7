// The rules of metrics.ts and their database forms in metrics-sql.ts give the same answers: on one
// item per case (every status, activity just before, on and after the stale cut-off, no target
// date or one just before, on and after the day), read through real columns.
import { afterAll, describe, expect, it } from 'vitest';
import { parseDateOnly, toDateOnly } from '@/lib/dates';
import * as Prisma from '@/lib/db/sql';
import { asDouble, asInteger, num, numOrNull } from '@/lib/progress/history-sql';
import { seedRecommendations } from '@/lib/test/recommendation-factory';
import { testDb } from '@/lib/test/test-db';
import { isOpen, isOverdue, isStale, progressOf, staleCutoff, weightedProgress } from './metrics';
import { isOpenSql, isOverdueSql, isStaleSql, overdueWhere, quietSinceSql, staleWhere, weightSql } from './metrics-sql';
import { STATUSES, type Status } from './status';

const db = testDb();
afterAll(() => db.$disconnect());

const DAY_MS = 86_400_000;
const DAY = parseDateOnly('2024-05-15')!;
const STALE_DAYS = 90;
const CUTOFF = staleCutoff(DAY, STALE_DAYS);
const shift = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

type Case = { status: Status; lastActivityAt: Date; targetDate: Date | null };
const CASES: Case[] = STATUSES.flatMap((status) =>
  [-1, 0, 1].flatMap((activity) =>
    [null, -1, 0, 1].map((target) => ({ status, lastActivityAt: shift(CUTOFF, activity), targetDate: target === null ? null : shift(DAY, target) })),
  ),
);

type Row = { id: string; open: unknown; stale: unknown; overdue: unknown };

describe('metrics: the TypeScript rules and their SQL and Prisma forms agree', () => {
  it('metrics: open, stale and overdue agree on every case, and weighted progress with the SQL weights', async () => {
    expect(toDateOnly(CUTOFF)).toBe('2024-02-15');
    const items = await seedRecommendations(db, { seminarDate: '2020-01-10', count: CASES.length });
    await Promise.all(items.map((item, index) => db.recommendation.update({ where: { id: item.id }, data: CASES[index]! })));
    const ids = items.map((item) => item.id);
    const caseOf = new Map(ids.map((id, index) => [id, CASES[index]!]));
    const seminarId = items[0]!.seminarId;

    const status = Prisma.sql`r."status"`;
    const flag = (condition: Prisma.Sql) => asInteger(Prisma.sql`CASE WHEN ${condition} THEN 1 ELSE 0 END`);
    const rows = await db.$queryRaw<Row[]>`
      SELECT r."id" AS "id",
        ${flag(isOpenSql(status))} AS "open",
        ${flag(isStaleSql(status, quietSinceSql(Prisma.sql`r."lastActivityAt"`, CUTOFF)))} AS "stale",
        ${flag(isOverdueSql(status, Prisma.sql`r."targetDate"`, DAY))} AS "overdue"
      FROM "Recommendation" r WHERE r."seminarId" = ${seminarId}`;
    const staleIds = new Set(
      (await db.recommendation.findMany({ where: { AND: [{ seminarId }, staleWhere(CUTOFF)] }, select: { id: true } })).map((r) => r.id),
    );
    const overdueIds = new Set(
      (await db.recommendation.findMany({ where: { AND: [{ seminarId }, overdueWhere(DAY)] }, select: { id: true } })).map((r) => r.id),
    );

    expect(rows).toHaveLength(CASES.length);
    for (const row of rows) {
      const c = caseOf.get(row.id)!;
      const label = `${c.status} activity ${toDateOnly(c.lastActivityAt)} target ${c.targetDate ? toDateOnly(c.targetDate) : 'none'}`;
      const stale = isStale(c.status, c.lastActivityAt, CUTOFF);
      const overdue = isOverdue(c.status, c.targetDate, DAY);
      expect({ open: num(row.open) === 1, stale: num(row.stale) === 1, overdue: num(row.overdue) === 1 }, label).toEqual({
        open: isOpen(c.status),
        stale,
        overdue,
      });
      expect({ stale: staleIds.has(row.id), overdue: overdueIds.has(row.id) }, label).toEqual({ stale, overdue });
      // The report compares days as "YYYY-MM-DD" text: the same answers.
      const day = (date: Date | null) => (date === null ? null : toDateOnly(date));
      expect({ stale: isStale(c.status, day(c.lastActivityAt)!, day(CUTOFF)!), overdue: isOverdue(c.status, day(c.targetDate), day(DAY)!) }, label).toEqual({
        stale,
        overdue,
      });
    }
    // Some of each, so the comparison is not between empty sets.
    expect(staleIds.size).toBeGreaterThan(0);
    expect(overdueIds.size).toBeGreaterThan(0);
    expect(rows.filter((row) => num(row.stale) === 0 && num(row.open) === 1).length).toBeGreaterThan(0);

    const weight = weightSql(status);
    const byStatus = await db.$queryRaw<{ status: string; counted: unknown; weightSum: unknown }[]>`
      SELECT r."status" AS "status", ${asInteger(Prisma.sql`COUNT(${weight})`)} AS "counted", ${asDouble(Prisma.sql`SUM(${weight})`)} AS "weightSum"
      FROM "Recommendation" r WHERE r."seminarId" = ${seminarId} GROUP BY r."status"`;
    let counted = 0;
    let weightSum = 0;
    for (const row of byStatus) {
      const statuses = CASES.filter((c) => c.status === row.status).map((c) => c.status);
      expect(progressOf(numOrNull(row.weightSum), num(row.counted)), row.status).toBe(weightedProgress(statuses));
      counted += num(row.counted);
      weightSum += numOrNull(row.weightSum) ?? 0;
    }
    expect(progressOf(weightSum, counted)).toBeCloseTo(weightedProgress(CASES.map((c) => c.status))!);
  });
});
