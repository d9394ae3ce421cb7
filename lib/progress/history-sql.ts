// SQL pieces shared by the dashboard's aggregates, written once for SQLite and PostgreSQL.
//
// Everything is read from the effective-dated status history, so a back-dated change moves the past:
// the status of an item on day D is its latest StatusChange with effectiveDate <= D, ties broken by
// recordedAt, then id (the same order as lib/status/recompute-status.ts).
//
// "As of" a day cuts the history twice: changes effective after that day are ignored, and so are
// changes recorded after its end, so the dashboard shows what was known on that day.
//
// Two ways to read it, each where it is cheapest:
// - on one or two days (headline figures, status distribution): per item, the latest change by a
//   correlated ORDER BY ... LIMIT 1 on the (recommendationId, effectiveDate, recordedAt) index;
// - over every quarter (the series): the history as intervals [fromDate, toDate) by LEAD over each
//   item's changes, each interval an entry (+1) in the quarter it starts and an exit (-1) in the
//   quarter it ends, summed per (group, quarter) by GROUP BY; progress-series.ts adds them up.
//
// Portability: identifiers are double-quoted (PascalCase tables, camelCase columns). Dates are bound
// as parameters and compared with the columns directly: PostgreSQL compares timestamps; SQLite
// stores DateTime as fixed-width ISO text ("2015-03-31T00:00:00.000+00:00"), which the adapter also
// binds Date parameters as, so text order is time order. Only dates in a VALUES list need a cast on
// PostgreSQL, where nothing else tells it that an untyped parameter is a timestamp, and a date's
// quarter is read with each database's own functions (quarterIndexSql).
import type { Db, Tx } from '@/lib/db';
import type { Provider } from '@/lib/db/config';
import * as Prisma from '@/lib/db/sql';
import { providerOfClient } from '@/lib/db/client';
import type { ProgressGrouping } from '@/lib/validations/progress';
import { today } from '@/lib/dates';

const DAY_MS = 86_400_000;

/** The item filters the dashboard shares with its drill-down links. */
export type ItemScope = { seminar: string[]; theme: string[]; sector: string[] };

/** Changes recorded before this instant are known "as of" the day: the start of the next day, UTC. */
export function recordedCutOf(asOf: Date): Date {
  return new Date(asOf.getTime() + DAY_MS);
}

/**
 * Whether `asOf` is today (or later): then the history as it stands holds everything that was known,
 * and what is stored on each item (status, lastActivityAt) or in the progress tally can stand in for
 * reading it. Nothing takes effect in the future (lib/status/status-rules.ts).
 */
export function isToday(asOf: Date): boolean {
  return asOf.getTime() >= today().getTime();
}

export function daysBefore(date: Date, days: number): Date {
  return new Date(date.getTime() - days * DAY_MS);
}

export function providerOf(db: Db | Tx): Provider {
  return providerOfClient(db);
}

/**
 * `column` is one of `ids`, bound as ONE parameter (a JSON array read by json_each on SQLite, a
 * text[] on PostgreSQL) instead of one parameter per id. Prisma keeps the arguments of its latest
 * debug calls whether or not debugging is on, each parameter with an object describing its type;
 * for a quarterly report's chunks of 2,000 ids that kept about 40 MB alive at 100,000 items.
 * Both databases look each id up in the index on `column`, as they do for a list of parameters.
 */
export function idIn(provider: Provider, column: Prisma.Sql, ids: string[]): Prisma.Sql {
  return provider === 'postgresql'
    ? Prisma.sql`${column} = ANY(CAST(${ids} AS TEXT[]))`
    : Prisma.sql`${column} IN (SELECT "value" FROM json_each(${JSON.stringify(ids)}))`;
}

/** A date in a VALUES list: typed explicitly on PostgreSQL (see the file comment). */
export function dateValue(provider: Provider, date: Date): Prisma.Sql {
  return provider === 'postgresql' ? Prisma.sql`CAST(${date} AS TIMESTAMP(3))` : Prisma.sql`${date}`;
}

/**
 * The WHERE conditions on Recommendation `r` for the dashboard's filters: archived items are left
 * out (as in the recommendations list), `theme` is the PRIMARY theme, `sector` any owner sector.
 */
export function itemScopeSql(scope: ItemScope): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`r."archived" = false`];
  if (scope.seminar.length) conditions.push(Prisma.sql`r."seminarId" IN (${Prisma.join(scope.seminar)})`);
  if (scope.theme.length) conditions.push(Prisma.sql`r."primaryThemeId" IN (${Prisma.join(scope.theme)})`);
  if (scope.sector.length) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "RecommendationSector" rs0 WHERE rs0."recommendationId" = r."id" AND rs0."sectorId" IN (${Prisma.join(scope.sector)}))`,
    );
  }
  return Prisma.join(conditions, ' AND ');
}

/**
 * The items in scope, each with the group it counts in and its stored (current) status:
 * `SELECT "id", "groupId", "itemStatus"`. An item has one
 * primary theme and one seminar, and a row per owner sector (only the chosen sectors, when the
 * filter names some: an item's other sectors are not asked about).
 */
export function groupedScopeSql(by: ProgressGrouping, scope: ItemScope): Prisma.Sql {
  switch (by) {
    case 'theme':
      return Prisma.sql`SELECT r."id", r."primaryThemeId" AS "groupId", r."status" AS "itemStatus" FROM "Recommendation" r WHERE ${itemScopeSql(scope)}`;
    case 'seminar':
      return Prisma.sql`SELECT r."id", r."seminarId" AS "groupId", r."status" AS "itemStatus" FROM "Recommendation" r WHERE ${itemScopeSql(scope)}`;
    case 'sector': {
      const chosen = scope.sector.length ? Prisma.sql`AND rs."sectorId" IN (${Prisma.join(scope.sector)})` : Prisma.empty;
      return Prisma.sql`SELECT r."id", rs."sectorId" AS "groupId", r."status" AS "itemStatus" FROM "Recommendation" r
        JOIN "RecommendationSector" rs ON rs."recommendationId" = r."id" ${chosen}
        WHERE ${itemScopeSql(scope)}`;
    }
  }
}

/**
 * The group table joined to rows `a` that have a "groupId": its name and colour, and the display
 * order (themes and sectors by the administrators' sortOrder, seminars by date).
 */
export function groupLabelSql(by: ProgressGrouping): { join: Prisma.Sql; columns: Prisma.Sql; orderBy: Prisma.Sql } {
  switch (by) {
    case 'theme':
      return {
        join: Prisma.sql`JOIN "Theme" g ON g."id" = a."groupId"`,
        columns: Prisma.sql`g."name" AS "name", g."color" AS "color"`,
        orderBy: Prisma.sql`g."sortOrder", g."name", g."id"`,
      };
    case 'sector':
      return {
        join: Prisma.sql`JOIN "Sector" g ON g."id" = a."groupId"`,
        columns: Prisma.sql`g."name" AS "name", g."color" AS "color"`,
        orderBy: Prisma.sql`g."sortOrder", g."name", g."id"`,
      };
    case 'seminar':
      return {
        join: Prisma.sql`JOIN "Seminar" g ON g."id" = a."groupId"`,
        columns: Prisma.sql`g."title" AS "name", NULL AS "color"`,
        orderBy: Prisma.sql`g."date", g."title", g."id"`,
      };
  }
}

/**
 * CTEs "scope" (groupedScopeSql) and "history": the status intervals of each (item, group) known as
 * of `asOf`, history(groupId, status, fromDate, toDate), toDate NULL while in force. An item in two
 * sectors has its history once per sector. Start a WITH clause with it.
 */
export function historyCtes(by: ProgressGrouping, scope: ItemScope, asOf: Date): Prisma.Sql {
  return Prisma.sql`
  "scope" AS (${groupedScopeSql(by, scope)}),
  "history" AS (
    SELECT "scope"."groupId", sc."toStatus" AS "status", sc."effectiveDate" AS "fromDate",
           LEAD(sc."effectiveDate") OVER (
             PARTITION BY sc."recommendationId", "scope"."groupId"
             ORDER BY sc."effectiveDate", sc."recordedAt", sc."id"
           ) AS "toDate"
    FROM "StatusChange" sc
    JOIN "scope" ON "scope"."id" = sc."recommendationId"
    WHERE sc."effectiveDate" <= ${asOf} AND sc."recordedAt" < ${recordedCutOf(asOf)}
  )`;
}

/**
 * The status of item `itemId` (a column) on day `at` (a column or parameter), knowing what was recorded
 * before `cut`; NULL when it had none yet. One index range per item, newest first.
 */
export function statusOnSql(itemId: Prisma.Sql, at: Prisma.Sql, cut: Date): Prisma.Sql {
  return Prisma.sql`(
    SELECT c0."toStatus" FROM "StatusChange" c0
    WHERE c0."recommendationId" = ${itemId} AND c0."effectiveDate" <= ${at} AND c0."recordedAt" < ${cut}
    ORDER BY c0."effectiveDate" DESC, c0."recordedAt" DESC, c0."id" DESC
    LIMIT 1
  )`;
}

/**
 * The quarter of a date column as quarters.ts `quarterIndex` numbers it (year * 4 + quarter - 1).
 * SQLite reads the year and month from the stored ISO text; PostgreSQL extracts them.
 */
export function quarterIndexSql(provider: Provider, column: Prisma.Sql): Prisma.Sql {
  return provider === 'postgresql'
    ? Prisma.sql`(CAST(EXTRACT(YEAR FROM ${column}) AS INTEGER) * 4 + (CAST(EXTRACT(MONTH FROM ${column}) AS INTEGER) - 1) / 3)`
    : Prisma.sql`(CAST(substr(${column}, 1, 4) AS INTEGER) * 4 + (CAST(substr(${column}, 6, 2) AS INTEGER) - 1) / 3)`;
}

/** COUNT/SUM come back as bigint or numeric on PostgreSQL: cast so both databases return JS numbers. */
export function asInteger(expression: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CAST(${expression} AS INTEGER)`;
}

export function asDouble(expression: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CAST(${expression} AS DOUBLE PRECISION)`;
}

/** A number from a raw row: SQLite integers arrive as bigint, PostgreSQL numerics as text. */
export function num(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint' || typeof value === 'string') return Number(value);
  if (value === null || value === undefined) return 0;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a driver's numeric object (a Decimal) prints its value
  return Number(String(value));
}

export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : num(value);
}
