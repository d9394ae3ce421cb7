import type { Db } from '@/lib/db';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { idOrCodeWhere } from './get-recommendation';
import { readableSource, type SourceParagraph } from './readable-source';

export type SourceExcerpt = {
  code: string;
  title: string;
  seminar: { title: string; date: Date; sourceFileName: string | null };
  lineStart: number;
  lineEnd: number;
  /** The report as readable paragraphs, the range highlighted in them (readable-source.ts). */
  paragraphs: SourceParagraph[];
  /** The whole report as extracted, split around this recommendation's range [sourceStart, sourceEnd). */
  before: string;
  highlight: string;
  after: string;
};

/** The seminar's report with one recommendation's range marked out, for "view in source". */
export async function getSourceExcerpt(db: Db, idOrCode: string, actor: Actor): Promise<SourceExcerpt | null> {
  requireRole(actor, 'VIEWER');
  const row = await db.recommendation.findFirst({
    where: idOrCodeWhere(idOrCode),
    select: {
      code: true,
      title: true,
      sourceStart: true,
      sourceEnd: true,
      sourceLineStart: true,
      sourceLineEnd: true,
      seminar: { select: { title: true, date: true, sourceFileName: true, sourceText: true } },
    },
  });
  // "View in source" only for an item with a span in a report.
  if (!row || row.sourceStart === null || row.sourceEnd === null || row.sourceLineStart === null || row.sourceLineEnd === null || !row.seminar.sourceText)
    return null;
  const { sourceText, ...seminar } = row.seminar;
  // Clamped so a range that no longer fits (the text was re-imported) still shows the report.
  const start = Math.max(0, Math.min(row.sourceStart, sourceText.length));
  const end = Math.max(start, Math.min(row.sourceEnd, sourceText.length));
  return {
    code: row.code,
    title: row.title,
    seminar,
    lineStart: row.sourceLineStart,
    lineEnd: row.sourceLineEnd,
    paragraphs: readableSource(sourceText, { start, end }),
    before: sourceText.slice(0, start),
    highlight: sourceText.slice(start, end),
    after: sourceText.slice(end),
  };
}
