import type { Db } from '@/lib/db';
import type { RecommendationWhereInput } from '@/lib/db/types';
import { isStatus, type Status } from '@/lib/status/status';
import { recordedCutOf, type ItemScope } from './history-sql';

type ActivityItem = { code: string; title: string };

export type ActivityEntry =
  | {
      kind: 'status';
      id: string;
      /** When it was entered. */
      at: Date;
      /** When it happened (may be long before `at`: back-dated). */
      effectiveDate: Date;
      item: ActivityItem;
      who: string;
      fromStatus: Status | null;
      toStatus: Status;
    }
  | {
      kind: 'evidence';
      id: string;
      at: Date;
      effectiveDate: Date;
      item: ActivityItem;
      who: string;
      /** The source title, or the start of the note. */
      summary: string;
    };

const SUMMARY_LENGTH = 140;

/** The dashboard's item filters as a Prisma where on Recommendation (the same items as history-sql.ts). */
export function itemScopeWhere(scope: ItemScope): RecommendationWhereInput {
  return {
    archived: false,
    ...(scope.seminar.length ? { seminarId: { in: scope.seminar } } : {}),
    ...(scope.theme.length ? { primaryThemeId: { in: scope.theme } } : {}),
    ...(scope.sector.length ? { sectors: { some: { sectorId: { in: scope.sector } } } } : {}),
  };
}

function summarise(body: string, sourceTitle: string | null): string {
  if (sourceTitle) return sourceTitle;
  const text = body.replace(/\s+/g, ' ').trim();
  return text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH - 1)}…` : text;
}

/**
 * The latest `limit` status changes and evidence notes, newest entered first, as known on the as-of
 * day: two indexed queries of `limit` rows each, merged. Removed notes count until their removal.
 */
export async function listRecentActivity(db: Db, input: { scope: ItemScope; asOf: Date; limit?: number }): Promise<ActivityEntry[]> {
  const limit = input.limit ?? 10;
  const cut = recordedCutOf(input.asOf);
  const recommendation = itemScopeWhere(input.scope);
  const item = { select: { code: true, title: true } } as const;
  const author = { select: { name: true } } as const;
  const [changes, notes] = await Promise.all([
    db.statusChange.findMany({
      where: { recordedAt: { lt: cut }, recommendation },
      orderBy: [{ recordedAt: 'desc' }, { id: 'desc' }],
      take: limit,
      select: { id: true, recordedAt: true, effectiveDate: true, fromStatus: true, toStatus: true, recommendation: item, author },
    }),
    db.evidenceNote.findMany({
      where: { createdAt: { lt: cut }, OR: [{ deletedAt: null }, { deletedAt: { gte: cut } }], recommendation },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
      select: { id: true, createdAt: true, evidenceDate: true, body: true, sourceTitle: true, recommendation: item, author },
    }),
  ]);
  const entries: ActivityEntry[] = [
    ...changes.flatMap((change): ActivityEntry[] =>
      isStatus(change.toStatus)
        ? [
            {
              kind: 'status',
              id: change.id,
              at: change.recordedAt,
              effectiveDate: change.effectiveDate,
              item: change.recommendation,
              who: change.author?.name ?? 'System',
              fromStatus: isStatus(change.fromStatus) ? change.fromStatus : null,
              toStatus: change.toStatus,
            },
          ]
        : [],
    ),
    ...notes.map((note): ActivityEntry => ({
      kind: 'evidence',
      id: note.id,
      at: note.createdAt,
      effectiveDate: note.evidenceDate,
      item: note.recommendation,
      who: note.author?.name ?? 'System',
      summary: summarise(note.body, note.sourceTitle),
    })),
  ];
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}
