// The list filters as Prisma WHERE and ORDER BY clauses: shared by the list (one page) and the bulk
// update ("all N matching"), so both always mean the same set of recommendations.
import type { Db, Tx } from '@/lib/db';
import type { RecommendationWhereInput, RecommendationOrderByWithRelationInput } from '@/lib/db/types';
import { today } from '@/lib/dates';
import { staleCutoff } from '@/lib/status/metrics';
import { overdueWhere, staleWhere } from '@/lib/status/metrics-sql';
import { searchWhere } from './search-where';
import { recurringWhere } from '@/lib/recurring/recurring-where';
import type { CursorPosition, CursorValue, RecommendationFilters, SortDirection, SortKey } from '@/lib/validations/recommendation-filters';

type Where = RecommendationWhereInput;
type OrderBy = RecommendationOrderByWithRelationInput;

type WhereFilters = Pick<
  RecommendationFilters,
  'seminar' | 'theme' | 'themeScope' | 'sector' | 'status' | 'priority' | 'stale' | 'staleDays' | 'overdue' | 'recurring' | 'includeArchived' | 'q'
>;

/** Every filter as one WHERE. Different filters narrow (AND); values of one filter widen (any of them). */
export async function recommendationWhere(client: Db | Tx, filters: WhereFilters, now: Date): Promise<Where> {
  const and: Where[] = [];
  if (!filters.includeArchived) and.push({ archived: false });
  if (filters.seminar.length) and.push({ seminarId: { in: filters.seminar } });
  if (filters.theme.length && filters.themeScope === 'primary') {
    and.push({ primaryThemeId: { in: filters.theme } });
  } else if (filters.theme.length) {
    and.push({ OR: [{ primaryThemeId: { in: filters.theme } }, { secondaryThemes: { some: { themeId: { in: filters.theme } } } }] });
  }
  if (filters.sector.length) and.push({ sectors: { some: { sectorId: { in: filters.sector } } } });
  if (filters.status.length) and.push({ status: { in: filters.status } });
  if (filters.priority.length) and.push({ priority: { in: filters.priority } });
  // Stale and overdue today (lib/status/metrics.ts), on what recompute-status.ts keeps on the item.
  if (filters.stale) and.push(staleWhere(staleCutoff(today(now), filters.staleDays)));
  if (filters.overdue) and.push(overdueWhere(today(now)));
  if (filters.recurring) and.push(await recurringWhere(client));
  if (filters.q) {
    and.push(await searchWhere(client, filters.q));
  }
  return { AND: and };
}

/**
 * Each sort as its keys, most significant first. Only the first key follows the chosen direction;
 * tie-breakers stay ascending (a seminar sorted newest first still lists R01 before R02). The last
 * key is unique, so the order is total and a keyset cursor never skips or repeats a row.
 */
type SortKeySpec = {
  orderBy: (dir: SortDirection) => OrderBy;
  compare: (op: 'gt' | 'lt', value: CursorValue) => Where;
  equals: (value: CursorValue) => Where;
  valueOf: (row: SortableRow) => CursorValue;
};

export type SortableRow = {
  id: string;
  code: string;
  title: string;
  status: string;
  priorityRank: number;
  updatedAt: Date;
  lastActivityAt: Date;
  seminarId: string;
  position: number;
  seminar: { date: Date };
};

const byId: SortKeySpec = {
  orderBy: (dir) => ({ id: dir }),
  compare: (op, value) => ({ id: { [op]: value as string } }),
  equals: (value) => ({ id: value as string }),
  valueOf: (row) => row.id,
};
const byCode: SortKeySpec = {
  orderBy: (dir) => ({ code: dir }),
  compare: (op, value) => ({ code: { [op]: value as string } }),
  equals: (value) => ({ code: value as string }),
  valueOf: (row) => row.code,
};

const SORTS: Record<SortKey, SortKeySpec[]> = {
  code: [byCode],
  title: [
    {
      orderBy: (dir) => ({ title: dir }),
      compare: (op, value) => ({ title: { [op]: value as string } }),
      equals: (value) => ({ title: value as string }),
      valueOf: (row) => row.title,
    },
    byId,
  ],
  status: [
    {
      orderBy: (dir) => ({ status: dir }),
      compare: (op, value) => ({ status: { [op]: value as string } }),
      equals: (value) => ({ status: value as string }),
      valueOf: (row) => row.status,
    },
    byCode,
  ],
  priority: [
    {
      orderBy: (dir) => ({ priorityRank: dir }),
      compare: (op, value) => ({ priorityRank: { [op]: value as number } }),
      equals: (value) => ({ priorityRank: value as number }),
      valueOf: (row) => row.priorityRank,
    },
    byCode,
  ],
  activity: [
    {
      orderBy: (dir) => ({ lastActivityAt: dir }),
      compare: (op, value) => ({ lastActivityAt: { [op]: value as Date } }),
      equals: (value) => ({ lastActivityAt: value as Date }),
      valueOf: (row) => row.lastActivityAt,
    },
    byCode,
  ],
  updated: [
    {
      orderBy: (dir) => ({ updatedAt: dir }),
      compare: (op, value) => ({ updatedAt: { [op]: value as Date } }),
      equals: (value) => ({ updatedAt: value as Date }),
      valueOf: (row) => row.updatedAt,
    },
    byId,
  ],
  seminar: [
    {
      orderBy: (dir) => ({ seminar: { date: dir } }),
      compare: (op, value) => ({ seminar: { is: { date: { [op]: value as Date } } } }),
      equals: (value) => ({ seminar: { is: { date: value as Date } } }),
      valueOf: (row) => row.seminar.date,
    },
    {
      orderBy: (dir) => ({ seminarId: dir }),
      compare: (op, value) => ({ seminarId: { [op]: value as string } }),
      equals: (value) => ({ seminarId: value as string }),
      valueOf: (row) => row.seminarId,
    },
    {
      orderBy: (dir) => ({ position: dir }),
      compare: (op, value) => ({ position: { [op]: value as number } }),
      equals: (value) => ({ position: value as number }),
      valueOf: (row) => row.position,
    },
    byId,
  ],
};

function directionOf(index: number, dir: SortDirection): SortDirection {
  return index === 0 ? dir : 'asc';
}

export function recommendationOrderBy(sort: SortKey, dir: SortDirection): OrderBy[] {
  return SORTS[sort].map((key, index) => key.orderBy(directionOf(index, dir)));
}

/** Rows strictly after the cursor in the sort order: (k1 > v1) OR (k1 = v1 AND k2 > v2) OR ... */
export function afterCursorWhere(position: CursorPosition): Where {
  const keys = SORTS[position.sort];
  return {
    OR: keys.map((key, index) => ({
      AND: [
        ...keys.slice(0, index).map((earlier, earlierIndex) => earlier.equals(position.values[earlierIndex]!)),
        key.compare(directionOf(index, position.dir) === 'asc' ? 'gt' : 'lt', position.values[index]!),
      ],
    })),
  };
}

export function cursorAfter(row: SortableRow, sort: SortKey, dir: SortDirection): CursorPosition {
  return { sort, dir, values: SORTS[sort].map((key) => key.valueOf(row)) };
}
