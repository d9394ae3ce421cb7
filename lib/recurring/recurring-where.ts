import type { Db, Tx } from '@/lib/db';
import type { RecommendationWhereInput } from '@/lib/db/types';
import { RECURRING_GROUPS } from './recurrence-sql';
import * as Prisma from '@/lib/db/sql';

/** The items in a recurring group (recurrence-sql.ts): asked at more than one seminar. */
export async function recurringIds(client: Db | Tx): Promise<string[]> {
  const rows = await client.$queryRaw<{ id: string }[]>(
    Prisma.sql`${RECURRING_GROUPS} SELECT m.id AS "id" FROM member m JOIN recurring_group g ON g.grp = m.grp`,
  );
  return rows.map((row) => row.id);
}

/** The recommendations list's "recurring" filter. Links are made by hand, so the set stays small. */
export async function recurringWhere(client: Db | Tx): Promise<RecommendationWhereInput> {
  return { id: { in: await recurringIds(client) } };
}
