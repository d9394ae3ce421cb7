// The rules of metrics.ts as the database counts them: SQL fragments for the dashboard's and the
// report's raw queries (written once for SQLite and PostgreSQL, taking column expressions), and
// Prisma conditions for the recommendations list. Same order as metrics.ts; metrics.db.test.ts
// checks each against its TypeScript version on a table of cases.
import * as Prisma from '@/lib/db/sql';
import type { RecommendationWhereInput } from '@/lib/db/types';
import { STATUS_WEIGHT, STATUSES } from './status';
import { CLOSED_STATUSES } from './metrics';

/** `status` is open (metrics.ts isOpen); NULL (no status yet) is not. */
export function isOpenSql(status: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${status} NOT IN (${Prisma.join(CLOSED_STATUSES)})`;
}

/**
 * Stale (metrics.ts isStale): `quiet` says the item had no activity after the stale cut-off, read
 * however the caller reads activity (quietSinceSql on a stored date, or NOT EXISTS over the rows).
 * `quiet` comes first: both databases stop at the first false operand, and `status` may be a
 * subquery (the status on a past day) that most items then never run.
 */
export function isStaleSql(status: Prisma.Sql, quiet: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${quiet} AND ${isOpenSql(status)})`;
}

/** The latest activity `lastActivity` is on or before the stale cut-off (metrics.ts staleCutoff). */
export function quietSinceSql(lastActivity: Prisma.Sql, cutoff: Prisma.Sql | Date): Prisma.Sql {
  return Prisma.sql`${lastActivity} <= ${cutoff}`;
}

/** Overdue (metrics.ts isOverdue): a NULL target date is never before anything. */
export function isOverdueSql(status: Prisma.Sql, targetDate: Prisma.Sql, day: Prisma.Sql | Date): Prisma.Sql {
  return Prisma.sql`(${targetDate} < ${day} AND ${isOpenSql(status)})`;
}

/**
 * A status's progress weight, NULL for NO_LONGER_RELEVANT: COUNT of it is the `counted` and SUM the
 * `weightSum` that metrics.ts progressOf divides.
 */
export function weightSql(status: Prisma.Sql): Prisma.Sql {
  const cases = STATUSES.filter((s) => STATUS_WEIGHT[s] !== null).map(
    // Weights are our own constants (lib/status/status.ts), not input: written as literals so the
    // database sees numbers, not untyped parameters.
    (s) => Prisma.sql`WHEN ${s} THEN ${Prisma.raw(Number(STATUS_WEIGHT[s]).toFixed(2))}`,
  );
  return Prisma.sql`(CASE ${status} ${Prisma.join(cases, ' ')} ELSE NULL END)`;
}

type Where = RecommendationWhereInput;

/** The list's stale filter on the stored status and last activity (kept current by lib/status/recompute-status.ts). */
export function staleWhere(cutoff: Date): Where {
  return { lastActivityAt: { lte: cutoff }, status: { notIn: [...CLOSED_STATUSES] } };
}

/** The list's overdue filter on the stored status and target date. */
export function overdueWhere(day: Date): Where {
  return { targetDate: { lt: day }, status: { notIn: [...CLOSED_STATUSES] } };
}
