import type { Tx } from '@/lib/db';

/**
 * Sets a recommendation's current status from its history: the latest change by effective date
 * (ties broken by the time it was recorded), so a back-dated change lands in its place in the past.
 * Also refreshes lastActivityAt (latest status change or evidence date), what "stale" is measured from.
 */
export async function recomputeCurrentStatus(tx: Tx, recommendationId: string): Promise<{ status: string; statusDate: Date }> {
  const latest = await tx.statusChange.findFirst({
    where: { recommendationId },
    orderBy: [{ effectiveDate: 'desc' }, { recordedAt: 'desc' }, { id: 'desc' }],
    select: { toStatus: true, effectiveDate: true },
  });
  if (!latest) throw new Error(`Recommendation ${recommendationId} has no status history`);
  const latestEvidence = await tx.evidenceNote.findFirst({
    where: { recommendationId, deletedAt: null },
    orderBy: { evidenceDate: 'desc' },
    select: { evidenceDate: true },
  });
  const lastActivityAt = latestEvidence && latestEvidence.evidenceDate > latest.effectiveDate ? latestEvidence.evidenceDate : latest.effectiveDate;
  await tx.recommendation.update({
    where: { id: recommendationId },
    data: { status: latest.toStatus, statusDate: latest.effectiveDate, lastActivityAt },
  });
  return { status: latest.toStatus, statusDate: latest.effectiveDate };
}
