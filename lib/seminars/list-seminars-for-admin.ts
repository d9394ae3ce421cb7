import type { Db } from '@/lib/db';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { providerOfClient } from '@/lib/db/client';
import { containsText, LIKE_WILDCARD } from '@/lib/db/contains-text';
import type { SeminarWhereInput } from '@/lib/db/types';

export type SeminarAdminRow = {
  id: string;
  codePrefix: string;
  title: string;
  kind: string;
  date: Date;
  venue: string | null;
  organiser: string | null;
  recommendationCount: number;
  speakerCount: number;
};

export type SeminarAdminPage = { seminars: SeminarAdminRow[]; total: number; page: number; pageCount: number };

export type SeminarAdminQuery = {
  page: number;
  pageSize: number;
  /** Text to find in the title or the code prefix, ignoring case; absent for every seminar. */
  q?: string;
};

/**
 * The seminars whose title or code prefix contains `q`, ignoring case (lib/db/contains-text.ts). On
 * SQLite a term with a LIKE wildcard (% or _) is also narrowed to the seminars that hold it
 * literally, since Prisma's LIKE there cannot escape it.
 */
async function seminarSearchWhere(db: Db, q: string): Promise<SeminarWhereInput> {
  const provider = providerOfClient(db);
  const matches: SeminarWhereInput = {
    OR: [{ title: containsText<'Seminar'>(q, provider) }, { codePrefix: containsText<'Seminar'>(q, provider) }],
  };
  if (provider !== 'sqlite' || !LIKE_WILDCARD.test(q)) return matches;
  const literal = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Seminar" WHERE instr(lower("title"), lower(${q})) > 0 OR instr(lower("codePrefix"), lower(${q})) > 0`;
  return { AND: [matches, { id: { in: literal.map((row) => row.id) } }] };
}

/**
 * One page of seminars, newest first, each with how many recommendations and speakers it has:
 * two statements whatever the number of seminars (a count, and the page with its counts, both
 * computed by the database). A page past the last shows the last.
 */
export async function listSeminarsForAdmin(db: Db, input: SeminarAdminQuery, actor: Actor): Promise<SeminarAdminPage> {
  requireRole(actor, 'ADMIN');
  const where = input.q ? await seminarSearchWhere(db, input.q) : {};
  const total = await db.seminar.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / input.pageSize));
  const page = Math.min(input.page, pageCount);
  const seminars = await db.seminar.findMany({
    where,
    orderBy: [{ date: 'desc' }, { codePrefix: 'asc' }],
    skip: (page - 1) * input.pageSize,
    take: input.pageSize,
    select: {
      id: true,
      codePrefix: true,
      title: true,
      kind: true,
      date: true,
      venue: true,
      organiser: true,
      _count: { select: { recommendations: true, speakers: true } },
    },
  });
  return {
    total,
    page,
    pageCount,
    seminars: seminars.map(({ _count, ...seminar }) => ({ ...seminar, recommendationCount: _count.recommendations, speakerCount: _count.speakers })),
  };
}
