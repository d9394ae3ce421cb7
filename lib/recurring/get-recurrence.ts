import type { Db } from '@/lib/db';
import { requireRole, type Actor } from '@/lib/auth/actor';
import * as Prisma from '@/lib/db/sql';
import { isStatus, type Status } from '@/lib/status/status';
import { groupOf } from './recurrence-sql';

export type Ask = {
  id: string;
  code: string;
  title: string;
  status: Status | null;
  seminar: { id: string; title: string; date: Date };
};

/** Where an item's ask was made before, and made again since: the other items in its group (recurrence-sql.ts). */
export type Recurrence = { askedBefore: Ask[]; askedAgain: Ask[] };

const NONE: Recurrence = { askedBefore: [], askedAgain: [] };

/** What an ask shows, read with Prisma's select (also by get-recurring-asks.ts). */
export const ASK_SELECT = { id: true, code: true, title: true, status: true, seminar: { select: { id: true, title: true, date: true } } } as const;

export function toAsk(row: Omit<Ask, 'status'> & { status: string }): Ask {
  return { ...row, status: isStatus(row.status) ? row.status : null };
}

/**
 * The item's group split around its own seminar: items from earlier seminars were "asked before",
 * from later ones "asked again"; items of the same seminar are neither (they are linked, and shown
 * as links). Oldest first. Empty for an item with no links, or a withdrawn one.
 */
export async function getRecurrence(db: Db, recommendationId: string, actor: Actor): Promise<Recurrence> {
  requireRole(actor, 'VIEWER');
  const self = await db.recommendation.findUnique({
    where: { id: recommendationId },
    select: { archived: true, seminarId: true, seminar: { select: { date: true } } },
  });
  if (!self || self.archived) return NONE;
  const rows = await db.$queryRaw<{ node: string }[]>(Prisma.sql`${groupOf(recommendationId)} SELECT node FROM reach`);
  const others = rows.map((row) => row.node).filter((id) => id !== recommendationId);
  if (others.length === 0) return NONE;
  const items = await db.recommendation.findMany({
    where: { id: { in: others }, archived: false, seminarId: { not: self.seminarId } },
    orderBy: [{ seminar: { date: 'asc' } }, { code: 'asc' }],
    select: ASK_SELECT,
  });
  const asks = items.map(toAsk);
  const mine = self.seminar.date.getTime();
  return {
    askedBefore: asks.filter((ask) => ask.seminar.date.getTime() <= mine),
    askedAgain: asks.filter((ask) => ask.seminar.date.getTime() > mine),
  };
}

export function recurrenceToJson(recurrence: Recurrence) {
  const ask = (item: Ask) => ({ ...item, seminar: { ...item.seminar, date: item.seminar.date.toISOString().slice(0, 10) } });
  return { askedBefore: recurrence.askedBefore.map(ask), askedAgain: recurrence.askedAgain.map(ask) };
}
