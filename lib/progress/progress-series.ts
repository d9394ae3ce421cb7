import type { Db } from '@/lib/db';
import * as Prisma from '@/lib/db/sql';
import type { ProgressGrouping } from '@/lib/validations/progress';
import { asDouble, asInteger, groupLabelSql, historyCtes, isToday, num, numOrNull, providerOf, quarterIndexSql, type ItemScope } from './history-sql';
import { progressOf } from '@/lib/status/metrics';
import { weightSql } from '@/lib/status/metrics-sql';
import type { QuarterPoint } from './quarters';
import type { Provider } from '@/lib/db/config';

export type ProgressPoint = {
  /** "2015-Q1" */
  quarter: string;
  /** Items with a status on the quarter's day. */
  items: number;
  /** Of those, the items whose status has a weight (all but NO_LONGER_RELEVANT): the denominator. */
  counted: number;
  /** Weighted progress in [0, 1]; null when nothing counts. */
  progress: number | null;
  implemented: number;
};

export type ProgressSeries = { id: string; name: string; color: string | null; points: ProgressPoint[] };

/**
 * Several groups' points of one quarter as one point (all themes together, say): items, counted and
 * implemented add up; progress is the counted-weighted mean. An empty list is a point with no item.
 */
export function combinePoints(points: ProgressPoint[]): ProgressPoint {
  const total = { items: 0, counted: 0, weighted: 0, implemented: 0 };
  for (const point of points) {
    total.items += point.items;
    total.counted += point.counted;
    total.weighted += (point.progress ?? 0) * point.counted;
    total.implemented += point.implemented;
  }
  return {
    quarter: points[0]?.quarter ?? '',
    items: total.items,
    counted: total.counted,
    progress: progressOf(total.weighted, total.counted),
    implemented: total.implemented,
  };
}

export type ProgressSeriesInput = {
  by: ProgressGrouping;
  scope: ItemScope;
  quarters: QuarterPoint[];
  /** The day the history is read as of (see history-sql.ts). */
  asOf: Date;
};

type Row = { q: unknown; groupId: string; name: string; color: string | null; items: unknown; counted: unknown; weightSum: unknown; implemented: unknown };

/**
 * The quarterly progress of each group, in ONE statement, from the progress tally when it can answer
 * (tallyMovesSql), else from the history. Rather than reading every item in every
 * quarter (items x quarters rows), each status interval of the history (history-sql.ts) enters the
 * quarter whose day it first holds on and leaves the first quarter whose day it no longer holds on.
 * The database counts these entries and exits per (group, status, quarter), weighs them per (group,
 * quarter), and a running sum over at most groups x quarters rows (below) gives each quarter's
 * figures. The work grows with the number of status changes in scope, not with items x quarters.
 *
 * Why quarter numbers are enough: effective dates are calendar dates (midnight UTC), so an interval
 * [from, to) holds on the last day of quarter q exactly when quarter(from) <= q < quarter(to); and in
 * the quarter holding the as-of day, read on that day, nothing later is in the history, so only the
 * intervals still open hold, which quarter(to) <= that quarter says too.
 *
 * Groups come in display order; every series has a point for every quarter (no item: zero items and
 * null progress); groups with no item in any quarter shown are left out.
 */
export async function getProgressSeries(db: Db, input: ProgressSeriesInput): Promise<ProgressSeries[]> {
  const last = input.quarters.at(-1);
  if (!last) return [];
  const provider = providerOf(db);
  const label = groupLabelSql(input.by);
  const weight = weightSql(Prisma.sql`a."status"`);
  const moves = tallyMovesSql(input, last.index) ?? historyMovesSql(provider, input, last.index);
  const rows = await db.$queryRaw<Row[]>`
    WITH ${moves},
    "totals" AS (
      SELECT a."groupId", a."q",
             SUM(a."n") AS "items",
             SUM(CASE WHEN ${weight} IS NULL THEN 0 ELSE a."n" END) AS "counted",
             SUM(a."n" * ${weight}) AS "weightSum",
             SUM(CASE WHEN a."status" = ${'IMPLEMENTED'} THEN a."n" ELSE 0 END) AS "implemented"
      FROM "moves" a
      GROUP BY a."groupId", a."q"
    )
    SELECT a."q" AS "q", a."groupId" AS "groupId", ${label.columns},
           ${asInteger(Prisma.sql`a."items"`)} AS "items", ${asInteger(Prisma.sql`a."counted"`)} AS "counted",
           ${asDouble(Prisma.sql`a."weightSum"`)} AS "weightSum", ${asInteger(Prisma.sql`a."implemented"`)} AS "implemented"
    FROM "totals" a
    ${label.join}
    ORDER BY ${label.orderBy}, a."q"`;

  // Rows come per group, in display order: a running sum per group, read off at each quarter shown.
  const groups = new Map<string, { entry: ProgressSeries; moves: Map<number, Row> }>();
  for (const row of rows) {
    let group = groups.get(row.groupId);
    if (!group) {
      group = { entry: { id: row.groupId, name: row.name, color: row.color, points: [] }, moves: new Map() };
      groups.set(row.groupId, group);
    }
    group.moves.set(num(row.q), row);
  }
  return [...groups.values()]
    .map(({ entry, moves }) => fillPoints(entry, moves, input.quarters))
    .filter((entry) => entry.points.some((point) => point.items > 0));
}

function fillPoints(entry: ProgressSeries, moves: Map<number, Row>, quarters: QuarterPoint[]): ProgressSeries {
  const firstIndex = quarters[0]!.index;
  const total = { items: 0, counted: 0, weightSum: 0, implemented: 0 };
  const add = (row: Row) => {
    total.items += num(row.items);
    total.counted += num(row.counted);
    total.weightSum += numOrNull(row.weightSum) ?? 0;
    total.implemented += num(row.implemented);
  };
  // Intervals that began before the first quarter shown are already in force there.
  for (const [q, row] of moves) if (q < firstIndex) add(row);
  const points = quarters.map((quarter): ProgressPoint => {
    const row = moves.get(quarter.index);
    if (row) add(row);
    return {
      quarter: quarter.key,
      items: total.items,
      counted: total.counted,
      progress: progressOf(total.weightSum, total.counted),
      implemented: total.implemented,
    };
  });
  return { ...entry, points };
}

/**
 * CTE "moves"(groupId, status, q, n) from the history: each status interval enters the quarter it
 * first holds on and leaves the first quarter it no longer holds on. Reads every status change in
 * scope; what the series falls back to when the tally cannot answer (see tallyMovesSql).
 */
function historyMovesSql(provider: Provider, input: ProgressSeriesInput, lastIndex: number): Prisma.Sql {
  return Prisma.sql`${historyCtes(input.by, input.scope, input.asOf)},
    -- MATERIALIZED: read twice below, computed once.
    "spans" AS MATERIALIZED (
      SELECT h."groupId", h."status",
             ${quarterIndexSql(provider, Prisma.sql`h."fromDate"`)} AS "firstQ",
             CASE WHEN h."toDate" IS NULL THEN NULL ELSE ${quarterIndexSql(provider, Prisma.sql`h."toDate"`)} END AS "endQ"
      FROM "history" h
    ),
    -- An interval that ends in the quarter it starts never holds on a quarter's day; exits after the
    -- last quarter shown do not matter.
    "moves" AS (
      SELECT "groupId", "status", "firstQ" AS "q", COUNT(*) AS "n"
      FROM "spans" WHERE ("endQ" IS NULL OR "endQ" > "firstQ") AND "firstQ" <= ${lastIndex}
      GROUP BY "groupId", "status", "firstQ"
      UNION ALL
      SELECT "groupId", "status", "endQ" AS "q", -COUNT(*) AS "n"
      FROM "spans" WHERE "endQ" > "firstQ" AND "endQ" <= ${lastIndex}
      GROUP BY "groupId", "status", "endQ"
    )`;
}

/** Whether the progress tally answers a series exactly (see tallySourceSql). */
export function tallyAnswers(input: Pick<ProgressSeriesInput, 'by' | 'scope' | 'asOf'>): boolean {
  const { scope } = input;
  if (!isToday(input.asOf) || scope.seminar.length > 0) return false;
  return input.by === 'sector' || (input.by === 'theme' && scope.sector.length <= 1);
}

/**
 * The progress tally's rows (lib/progress/tally) that answer `input`, as `SELECT "groupId", "status",
 * "quarter", "moves"` up to quarter `lastIndex`: a few thousand rows however long the history is.
 * The tally holds the history as it stands today with everything recorded, per primary theme and
 * per (owner sector, primary theme), so it answers when read as of today, without a seminar filter,
 * and grouped by theme (with at most one sector chosen: an item in two chosen sectors must count
 * once) or by sector. Anything else returns null, and the caller reads the history or the items.
 */
export function tallySourceSql(input: Pick<ProgressSeriesInput, 'by' | 'scope' | 'asOf'>, lastIndex: number): Prisma.Sql | null {
  const { scope } = input;
  if (!tallyAnswers(input)) return null;
  const themes = scope.theme.length ? Prisma.sql`AND t."themeId" IN (${Prisma.join(scope.theme)})` : Prisma.empty;
  const sectors = scope.sector.length ? Prisma.sql`AND t."sectorId" IN (${Prisma.join(scope.sector)})` : Prisma.empty;
  if (input.by === 'theme' && scope.sector.length === 0) {
    return Prisma.sql`SELECT t."themeId" AS "groupId", t."status", t."quarter", t."moves" FROM "ProgressTally" t WHERE t."quarter" <= ${lastIndex} ${themes}`;
  }
  if (input.by === 'theme' && scope.sector.length === 1) {
    return Prisma.sql`SELECT t."themeId" AS "groupId", t."status", t."quarter", t."moves" FROM "SectorProgressTally" t WHERE t."quarter" <= ${lastIndex} ${themes} ${sectors}`;
  }
  if (input.by === 'sector') {
    return Prisma.sql`SELECT t."sectorId" AS "groupId", t."status", t."quarter", t."moves" FROM "SectorProgressTally" t WHERE t."quarter" <= ${lastIndex} ${themes} ${sectors}`;
  }
  return null;
}

/** CTE "moves" from the progress tally (tallySourceSql): the same numbers without reading the history. */
function tallyMovesSql(input: ProgressSeriesInput, lastIndex: number): Prisma.Sql | null {
  const source = tallySourceSql(input, lastIndex);
  if (!source) return null;
  return Prisma.sql`"moves" AS (
      SELECT s."groupId", s."status", s."quarter" AS "q", SUM(s."moves") AS "n"
      FROM (${source}) s
      GROUP BY s."groupId", s."status", s."quarter"
    )`;
}
