import type { Db } from '@/lib/db';
import { requireRole, type Actor } from '@/lib/auth/actor';

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

/** Every seminar, newest first, with how many recommendations and speakers it has (counted by the database). */
export async function listSeminarsForAdmin(db: Db, actor: Actor): Promise<SeminarAdminRow[]> {
  requireRole(actor, 'ADMIN');
  const seminars = await db.seminar.findMany({
    orderBy: [{ date: 'desc' }, { codePrefix: 'asc' }],
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
  return seminars.map(({ _count, ...seminar }) => ({ ...seminar, recommendationCount: _count.recommendations, speakerCount: _count.speakers }));
}
