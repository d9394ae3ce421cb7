// TESTS ONLY: hand-made status histories for the *.db.test.ts files of lib/progress. Rows are
// written directly (not through changeStatus) so a test can say when each was recorded.
import type { Db } from '@/lib/db';
import { parseDateOnly } from '@/lib/dates';
import type { Status } from '@/lib/status/status';
import { seedRecommendations, type SeededRecommendation } from '@/lib/test/recommendation-factory';
import { withProgressTally } from '@/lib/progress/tally/with-progress-tally';

export const day = (text: string): Date => parseDateOnly(text)!;

export const TEST_SEMINAR_DATE = '2015-02-12';

/**
 * `count` items of a fresh seminar held on 2015-02-12, sharing one fresh theme and one fresh sector,
 * each NOT_STARTED from the seminar day and recorded that day, so any "as of" date sees it.
 */
export async function seedHistoryItems(db: Db, count: number): Promise<SeededRecommendation[]> {
  const items = await seedRecommendations(db, { seminarDate: TEST_SEMINAR_DATE, count });
  await db.statusChange.updateMany({ where: { recommendationId: { in: items.map((i) => i.id) } }, data: { recordedAt: day(TEST_SEMINAR_DATE) } });
  return items;
}

/** A status change entered at `recordedAt`: by default at noon on its effective day, i.e. not back-dated. */
export async function recordChange(
  db: Db,
  item: { id: string },
  toStatus: Status,
  effective: string,
  options: { recordedAt?: string; id?: string; fromStatus?: Status | null; authorId?: string } = {},
): Promise<void> {
  await withProgressTally(db, [item.id], () =>
    db.statusChange.create({
      data: {
        ...(options.id ? { id: options.id } : {}),
        recommendationId: item.id,
        fromStatus: options.fromStatus === undefined ? 'NOT_STARTED' : options.fromStatus,
        toStatus,
        effectiveDate: day(effective),
        recordedAt: new Date(options.recordedAt ?? `${effective}T12:00:00.000Z`),
        authorId: options.authorId ?? null,
      },
    }),
  );
}

/** An evidence note dated `evidenceDate`, entered at `createdAt` (default: noon that day). */
export async function recordEvidence(
  db: Db,
  item: { id: string },
  evidenceDate: string,
  options: { createdAt?: string; deletedAt?: string; body?: string; sourceTitle?: string; authorId?: string } = {},
): Promise<string> {
  const note = await db.evidenceNote.create({
    data: {
      recommendationId: item.id,
      body: options.body ?? 'Minutes of the joint commission.',
      sourceTitle: options.sourceTitle ?? null,
      evidenceDate: day(evidenceDate),
      createdAt: new Date(options.createdAt ?? `${evidenceDate}T12:00:00.000Z`),
      deletedAt: options.deletedAt ? new Date(options.deletedAt) : null,
      authorId: options.authorId ?? null,
    },
    select: { id: true },
  });
  return note.id;
}
