import type { Db } from '@/lib/db';
import { toDateOnly } from '@/lib/dates';
import type { ItemScope } from '@/lib/progress/history-sql';
import { itemScopeWhere } from '@/lib/progress/recent-activity';
import type { ReportCut } from './report-cut';
import type { ReportEvidence } from './report-types';

/**
 * The evidence notes DATED in the quarter (up to the report's day) for the items in scope, however
 * late they were entered; removed notes are left out. Indexed on evidenceDate; in date order, then
 * item code, then entry, so the list is the same every time.
 */
export async function listQuarterEvidence(db: Db, input: { scope: ItemScope; cut: ReportCut }): Promise<ReportEvidence[]> {
  const { cut } = input;
  const notes = await db.evidenceNote.findMany({
    where: {
      recommendation: itemScopeWhere(input.scope),
      evidenceDate: { gte: cut.start, lte: cut.day },
      createdAt: { lt: cut.recordedBefore },
      OR: [{ deletedAt: null }, { deletedAt: { gte: cut.recordedBefore } }],
    },
    orderBy: [{ evidenceDate: 'asc' }, { recommendation: { code: 'asc' } }, { createdAt: 'asc' }, { id: 'asc' }],
    select: {
      evidenceDate: true,
      body: true,
      sourceTitle: true,
      sourceUrl: true,
      author: { select: { name: true } },
      recommendation: { select: { code: true, title: true } },
    },
  });
  return notes.map((note) => ({
    code: note.recommendation.code,
    title: note.recommendation.title,
    evidenceDate: toDateOnly(note.evidenceDate),
    sourceTitle: note.sourceTitle,
    sourceUrl: note.sourceUrl,
    body: note.body,
    who: note.author?.name ?? 'System',
  }));
}
