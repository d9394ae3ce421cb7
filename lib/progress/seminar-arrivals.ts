import type { Db } from '@/lib/db';
import * as Prisma from '@/lib/db/sql';
import { weightSql } from '@/lib/status/metrics-sql';
import {
  asDouble,
  asInteger,
  dateValue,
  itemScopeSql,
  num,
  numOrNull,
  providerOf,
  quarterIndexSql,
  recordedCutOf,
  statusOnSql,
  type ItemScope,
} from './history-sql';
import type { QuarterPoint } from './quarters';

/**
 * A seminar's items entering the progress series: the items in scope whose first status holds from a
 * day in `quarter`, as measured on that quarter's day. A seminar whose items were added at different
 * times (by hand, later) has one arrival per quarter.
 */
export type SeminarArrival = {
  seminarId: string;
  title: string;
  /** The seminar's date. */
  date: Date;
  /** "2015-Q1": the quarter of the series the items first count in. */
  quarter: string;
  /** Items that arrived (with a status on the quarter's day). */
  items: number;
  /** Of those, the items that count towards progress (all but no longer relevant). */
  counted: number;
  /** Their summed progress weights on the quarter's day: 0 when they all start not started. */
  weightSum: number;
};

type Row = { seminarId: string; title: string; date: Date | string; q: unknown; items: unknown; counted: unknown; weightSum: unknown };

/**
 * When each seminar's items arrive in the quarters shown, read in ONE statement: per item in scope its
 * first status's effective date (known as of `asOf`), the quarter holding it, the item's status on that
 * quarter's day, summed per (seminar, quarter). The database does the work; only a row per seminar and
 * quarter comes back. Oldest first.
 */
export async function getSeminarArrivals(db: Db, input: { scope: ItemScope; quarters: QuarterPoint[]; asOf: Date }): Promise<SeminarArrival[]> {
  const { scope, quarters, asOf } = input;
  if (quarters.length === 0) return [];
  const provider = providerOf(db);
  const cut = recordedCutOf(asOf);
  const days = Prisma.join(quarters.map((quarter) => Prisma.sql`(CAST(${quarter.index} AS INTEGER), ${dateValue(provider, quarter.at)})`));
  const weight = weightSql(Prisma.sql`a."status"`);
  const rows = await db.$queryRaw<Row[]>`
    WITH "firsts" AS (
      SELECT r."id", r."seminarId",
             (SELECT MIN(sc."effectiveDate") FROM "StatusChange" sc
              WHERE sc."recommendationId" = r."id" AND sc."effectiveDate" <= ${asOf} AND sc."recordedAt" < ${cut}) AS "firstDate"
      FROM "Recommendation" r
      WHERE ${itemScopeSql(scope)}
    ),
    "days"("q", "at") AS (VALUES ${days}),
    "arrived" AS (
      SELECT f."seminarId", d."q", ${statusOnSql(Prisma.sql`f."id"`, Prisma.sql`d."at"`, cut)} AS "status"
      FROM "firsts" f
      JOIN "days" d ON d."q" = ${quarterIndexSql(provider, Prisma.sql`f."firstDate"`)}
      WHERE f."firstDate" IS NOT NULL
    )
    SELECT a."seminarId" AS "seminarId", s."title" AS "title", s."date" AS "date", a."q" AS "q",
           ${asInteger(Prisma.sql`COUNT(a."status")`)} AS "items",
           ${asInteger(Prisma.sql`COUNT(${weight})`)} AS "counted",
           ${asDouble(Prisma.sql`COALESCE(SUM(${weight}), 0)`)} AS "weightSum"
    FROM "arrived" a
    JOIN "Seminar" s ON s."id" = a."seminarId"
    GROUP BY a."seminarId", s."title", s."date", a."q"
    ORDER BY a."q", s."date", s."title", a."seminarId"`;
  const keyOf = new Map(quarters.map((quarter) => [quarter.index, quarter.key]));
  return rows
    .map((row) => ({
      seminarId: row.seminarId,
      title: row.title,
      date: row.date instanceof Date ? row.date : new Date(row.date),
      quarter: keyOf.get(num(row.q)) ?? '',
      items: num(row.items),
      counted: num(row.counted),
      weightSum: numOrNull(row.weightSum) ?? 0,
    }))
    .filter((arrival) => arrival.items > 0);
}
