// The one way recommendations come into being: the seed, an editor adding one by hand
// (add-recommendation.ts) and, later, an import's confirmation. In the caller's transaction.
import type { Tx } from '@/lib/db';
import { writeAudit, type AuditActor } from '@/lib/audit/write-audit';
import { addItemsToTally } from '@/lib/progress/tally/rebuild-progress-tally';
import type { Priority } from '@/lib/status/status';
import { recommendationCode } from './code';
import type { SourceSpan } from './source-span';

export type NewRecommendation = {
  /** Its place in the seminar; left out, the next after the highest ever used in that seminar. */
  position?: number;
  title: string;
  text: string;
  span: SourceSpan | null;
  primaryThemeId: string;
  secondaryThemeIds?: string[];
  sectorIds: string[];
  priority: Priority;
  targetDate?: Date | null;
};

export type CreatedRecommendation = { id: string; code: string; position: number };

/**
 * Creates the items, each NOT_STARTED effective on the seminar's date (recorded on that date too,
 * so the tracker shows "as of" any day from the seminar on), with its history row and audit row,
 * and adds them to the progress tally. Codes are the seminar's prefix and the position; positions
 * are never reused, since items are never deleted (a withdrawn R03 keeps R03). Callers that
 * allocate positions serialise on the seminar first (lockSeminar); the unique index on the code is
 * the last guard.
 */
export async function createRecommendations(
  tx: Tx,
  seminar: { id: string; codePrefix: string; date: Date },
  items: NewRecommendation[],
  actor: AuditActor,
): Promise<CreatedRecommendation[]> {
  let next = items.some((item) => item.position === undefined) ? (await highestPosition(tx, seminar.id)) + 1 : 0;
  const created: CreatedRecommendation[] = [];
  for (const item of items) {
    const position = item.position ?? next++;
    const code = recommendationCode(seminar.codePrefix, position);
    const row = await tx.recommendation.create({
      data: {
        code,
        seminarId: seminar.id,
        position,
        title: item.title,
        text: item.text,
        sourceStart: item.span?.start ?? null,
        sourceEnd: item.span?.end ?? null,
        sourceLineStart: item.span?.lineStart ?? null,
        sourceLineEnd: item.span?.lineEnd ?? null,
        primaryThemeId: item.primaryThemeId,
        status: 'NOT_STARTED',
        statusDate: seminar.date,
        priority: item.priority,
        targetDate: item.targetDate ?? null,
        lastActivityAt: seminar.date,
        secondaryThemes: { create: (item.secondaryThemeIds ?? []).map((themeId) => ({ themeId })) },
        sectors: { create: item.sectorIds.map((sectorId) => ({ sectorId })) },
        statusChanges: {
          create: { fromStatus: null, toStatus: 'NOT_STARTED', effectiveDate: seminar.date, recordedAt: seminar.date, note: 'Recommended at the seminar.' },
        },
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor,
      action: 'recommendation.create',
      entityType: 'recommendation',
      entityId: row.id,
      after: { code, title: item.title, status: 'NOT_STARTED' },
    });
    created.push({ id: row.id, code, position });
  }
  await addItemsToTally(
    tx,
    created.map((item) => item.id),
  );
  return created;
}

async function highestPosition(tx: Tx, seminarId: string): Promise<number> {
  const { _max } = await tx.recommendation.aggregate({ where: { seminarId }, _max: { position: true } });
  return _max.position ?? 0;
}
