// The one way a seminar's recommendations come into being (the seed, a confirmed report import):
// codes allocated from the seminar's prefix and the item's position, the NOT_STARTED entry that
// starts every history on the seminar's date, themes and owner sectors, one audit row per item and
// the progress tally, all in the caller's transaction. No role check here: the callers check theirs.
import type { Tx } from '@/lib/db';
import { writeAudit, type AuditActor } from '@/lib/audit/write-audit';
import { addItemsToTally } from '@/lib/progress/tally/rebuild-progress-tally';
import type { Priority } from '@/lib/status/status';
import { recommendationCode } from './code';

export type NewRecommendation = {
  /** 1-based place among the seminar's recommendations; omitted, the next free one after the last. */
  position?: number;
  title: string;
  text: string;
  /** Where it is in the seminar's sourceText: [start, end) and the 1-based lines. */
  source: { start: number; end: number; lineStart: number; lineEnd: number };
  primaryThemeId: string;
  secondaryThemeIds?: string[];
  sectorIds: string[];
  priority?: Priority;
};

export type CreatedRecommendation = { id: string; code: string; title: string; position: number };

/** How a history starts: the item was recommended at the seminar, on its date. */
export const RECOMMENDED_AT_SEMINAR_NOTE = 'Recommended at the seminar.';

export async function createRecommendations(
  tx: Tx,
  seminar: { id: string; codePrefix: string; date: Date },
  items: NewRecommendation[],
  actor: AuditActor,
): Promise<CreatedRecommendation[]> {
  if (items.length === 0) return [];
  const last = await tx.recommendation.findFirst({ where: { seminarId: seminar.id }, orderBy: { position: 'desc' }, select: { position: true } });
  let next = (last?.position ?? 0) + 1;

  const created: CreatedRecommendation[] = [];
  for (const item of items) {
    const position = item.position ?? next;
    next = Math.max(next, position + 1);
    const code = recommendationCode(seminar.codePrefix, position);
    const recommendation = await tx.recommendation.create({
      data: {
        code,
        seminarId: seminar.id,
        position,
        title: item.title,
        text: item.text,
        sourceStart: item.source.start,
        sourceEnd: item.source.end,
        sourceLineStart: item.source.lineStart,
        sourceLineEnd: item.source.lineEnd,
        primaryThemeId: item.primaryThemeId,
        status: 'NOT_STARTED',
        statusDate: seminar.date,
        priority: item.priority ?? 'MEDIUM',
        lastActivityAt: seminar.date,
        secondaryThemes: { create: (item.secondaryThemeIds ?? []).map((themeId) => ({ themeId })) },
        sectors: { create: item.sectorIds.map((sectorId) => ({ sectorId })) },
        statusChanges: {
          // Recorded on the seminar date too: the tracker shows "as of" any past day from the seminar on.
          create: { fromStatus: null, toStatus: 'NOT_STARTED', effectiveDate: seminar.date, recordedAt: seminar.date, note: RECOMMENDED_AT_SEMINAR_NOTE },
        },
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor,
      action: 'recommendation.create',
      entityType: 'recommendation',
      entityId: recommendation.id,
      after: { code, title: item.title, status: 'NOT_STARTED' },
    });
    created.push({ id: recommendation.id, code, title: item.title, position });
  }
  await addItemsToTally(tx, created.map((item) => item.id));
  return created;
}
