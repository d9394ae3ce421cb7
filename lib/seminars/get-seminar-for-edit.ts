import type { Db } from '@/lib/db';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { toDateOnly } from '@/lib/dates';

export type SeminarForEdit = {
  id: string;
  codePrefix: string;
  title: string;
  kind: string;
  /** YYYY-MM-DD, as the date field shows it. */
  date: string;
  venue: string | null;
  organiser: string | null;
  version: number;
  sourceFileName: string | null;
  recommendationCount: number;
  speakers: { name: string; designation: string | null }[];
};

/** What the seminar edit form needs, or null when there is no such seminar. */
export async function getSeminarForEdit(db: Db, id: string, actor: Actor): Promise<SeminarForEdit | null> {
  requireRole(actor, 'ADMIN');
  const seminar = await db.seminar.findUnique({
    where: { id },
    select: {
      id: true,
      codePrefix: true,
      title: true,
      kind: true,
      date: true,
      venue: true,
      organiser: true,
      version: true,
      sourceFileName: true,
      speakers: { orderBy: { position: 'asc' }, select: { name: true, designation: true } },
      _count: { select: { recommendations: true } },
    },
  });
  if (!seminar) return null;
  const { _count, date, ...rest } = seminar;
  return { ...rest, date: toDateOnly(date), recommendationCount: _count.recommendations };
}
