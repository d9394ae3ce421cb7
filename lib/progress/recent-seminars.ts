import type { Db } from '@/lib/db';
import * as Prisma from '@/lib/db/sql';
import { asInteger, isToday, itemScopeSql, num, recordedCutOf, statusOnSql, type ItemScope } from './history-sql';
import { getStatusDistribution, type StatusDistributionRow } from './status-distribution';

/** How many seminars the dashboard's "Progress by seminar" chart shows: the most recent in the filters. */
export const RECENT_SEMINARS = 12;

export type RecentSeminarDistribution = {
  /** The most recent seminars' distributions, oldest first (the chart's order). */
  rows: StatusDistributionRow[];
  /** Seminars in scope with an item that has a status on the day: the seminars page lists them all. */
  total: number;
};

/**
 * The status distribution of the `count` most recent seminars in scope, and how many there are in
 * all. A seminar counts when one of its items in scope has a status on the as-of day (as the
 * distribution counts its items). Only those seminars' items are counted: three statements, and the
 * work grows with the seminars shown, not with the whole history of every seminar.
 */
export async function getRecentSeminarDistribution(db: Db, input: { scope: ItemScope; asOf: Date; count?: number }): Promise<RecentSeminarDistribution> {
  const count = input.count ?? RECENT_SEMINARS;
  const { scope, asOf } = input;
  const hasStatus = isToday(asOf) ? Prisma.empty : Prisma.sql`AND ${statusOnSql(Prisma.sql`r."id"`, Prisma.sql`${asOf}`, recordedCutOf(asOf))} IS NOT NULL`;
  const held = Prisma.sql`EXISTS (SELECT 1 FROM "Recommendation" r WHERE r."seminarId" = g."id" AND ${itemScopeSql(scope)} ${hasStatus})`;
  const [recent, totals] = await Promise.all([
    // The reverse of the distribution's display order (history-sql.ts groupLabelSql): the last ones shown.
    count > 0
      ? db.$queryRaw<{ id: string }[]>`SELECT g."id" AS "id" FROM "Seminar" g WHERE ${held} ORDER BY g."date" DESC, g."title" DESC, g."id" DESC LIMIT ${count}`
      : [],
    db.$queryRaw<{ seminars: unknown }[]>`SELECT ${asInteger(Prisma.sql`COUNT(*)`)} AS "seminars" FROM "Seminar" g WHERE ${held}`,
  ]);
  const rows = recent.length ? await getStatusDistribution(db, { by: 'seminar', scope: { ...scope, seminar: recent.map((row) => row.id) }, asOf }) : [];
  return { rows, total: num(totals[0]?.seminars) };
}
