import type { Db, Tx } from '@/lib/db';
import { NotFoundError, EditConflictError, RuleViolationError } from '@/lib/errors';
import { writeAudit } from '@/lib/audit/write-audit';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { lastAuditEntry } from '@/lib/audit/list-audit-log';
import { toDateOnly } from '@/lib/dates';
import { formatDate, formatDateTime } from '@/lib/format';
import { STATUS_LABEL, isStatus } from '@/lib/status/status';
import type { UpdateSeminarInput } from '@/lib/validations/seminar';

type Snapshot = {
  title: string;
  kind: string;
  date: string;
  venue: string | null;
  organiser: string | null;
  speakers: { name: string; designation: string | null }[];
};

async function staleSeminarError(tx: Tx, seminar: { id: string; title: string }): Promise<EditConflictError> {
  const last = await lastAuditEntry(tx, 'seminar', seminar.id);
  const who = last ? `${last.actorLabel} changed it on ${formatDateTime(last.createdAt)}` : 'Someone else changed it';
  return new EditConflictError(
    'conflict',
    `“${seminar.title}” changed while you were editing: ${who}. Reload the page to see their changes; what you typed is kept below.`,
  );
}

/**
 * A recommendation's status history starts on the seminar's date ("recommended at the
 * seminar") and nothing may happen to it before then. So the seminar cannot move later than the
 * earliest recorded change after that initial entry. The initial entries themselves are history
 * (append-only) and keep their date.
 */
async function refuseDateAfterLaterChanges(tx: Tx, seminarId: string, date: Date): Promise<void> {
  const earliest = await tx.statusChange.findFirst({
    where: { recommendation: { seminarId }, fromStatus: { not: null } },
    orderBy: [{ effectiveDate: 'asc' }, { recordedAt: 'asc' }],
    select: { effectiveDate: true, toStatus: true, recommendation: { select: { code: true } } },
  });
  if (!earliest || date.getTime() <= earliest.effectiveDate.getTime()) return;
  const status = isStatus(earliest.toStatus) ? STATUS_LABEL[earliest.toStatus] : earliest.toStatus;
  const day = formatDate(earliest.effectiveDate);
  const message = `The seminar cannot be dated after ${day}: ${earliest.recommendation.code} changed to “${status}” on that day, and nothing can happen to a recommendation before its seminar. Choose ${day} or earlier, or correct that status change first.`;
  throw new RuleViolationError('rule_violation', message, { date: [message] });
}

const same = (a: Snapshot, b: Snapshot) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Edits a seminar's details and speakers against the version the form was loaded with. The
 * speakers list is replaced as a whole (rows carry no identity of their own); the audit row
 * keeps the list before and after.
 */
export async function updateSeminar(db: Db, input: UpdateSeminarInput, actor: Actor): Promise<{ version: number; changed: boolean }> {
  requireRole(actor, 'ADMIN');
  return db.$transaction(async (tx) => {
    const seminar = await tx.seminar.findUnique({
      where: { id: input.id },
      select: {
        id: true,
        title: true,
        kind: true,
        date: true,
        venue: true,
        organiser: true,
        version: true,
        speakers: { orderBy: { position: 'asc' }, select: { name: true, designation: true } },
      },
    });
    if (!seminar) throw NotFoundError.of('The seminar');
    if (seminar.version !== input.expectedVersion) throw await staleSeminarError(tx, seminar);

    const before: Snapshot = {
      title: seminar.title,
      kind: seminar.kind,
      date: toDateOnly(seminar.date),
      venue: seminar.venue,
      organiser: seminar.organiser,
      speakers: seminar.speakers,
    };
    const after: Snapshot = {
      title: input.title,
      kind: input.kind,
      date: toDateOnly(input.date),
      venue: input.venue,
      organiser: input.organiser,
      speakers: input.speakers,
    };
    if (same(before, after)) return { version: seminar.version, changed: false };
    if (after.date > before.date) await refuseDateAfterLaterChanges(tx, seminar.id, input.date);

    const { count } = await tx.seminar.updateMany({
      where: { id: seminar.id, version: input.expectedVersion },
      data: { title: input.title, kind: input.kind, date: input.date, venue: input.venue, organiser: input.organiser, version: { increment: 1 } },
    });
    if (count !== 1) throw await staleSeminarError(tx, seminar);

    if (JSON.stringify(before.speakers) !== JSON.stringify(after.speakers)) {
      await tx.speaker.deleteMany({ where: { seminarId: seminar.id } });
      if (after.speakers.length > 0) {
        await tx.speaker.createMany({
          data: after.speakers.map((speaker, index) => ({ seminarId: seminar.id, name: speaker.name, designation: speaker.designation, position: index + 1 })),
        });
      }
    }
    await writeAudit(tx, { actor, action: 'seminar.update', entityType: 'seminar', entityId: seminar.id, before, after });
    return { version: seminar.version + 1, changed: true };
  });
}
