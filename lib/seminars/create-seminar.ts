import type { Db } from '@/lib/db';
import { writeAudit } from '@/lib/audit/write-audit';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { today, toDateOnly } from '@/lib/dates';
import { ConflictError, RuleViolationError } from '@/lib/errors';
import type { CreateSeminarInput } from '@/lib/validations/seminar';
import { nextCodePrefix } from './code-prefix';

export type CreatedSeminar = {
  id: string;
  codePrefix: string;
  title: string;
  kind: string;
  date: Date;
  venue: string | null;
  organiser: string | null;
  sourceFileName: string | null;
  hasSourceText: boolean;
  speakers: { name: string; designation: string | null }[];
  version: number;
  createdAt: Date;
};

const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === 'P2002';

/**
 * Enters a seminar by hand, optionally with its report's text. Its code prefix is its year, or the
 * year and the next letter when the year already has one (code-prefix.ts), allocated in the
 * transaction; should two be created at the same moment on PostgreSQL, the unique index refuses
 * the second, which is told to send it again.
 */
export async function createSeminar(db: Db, input: CreateSeminarInput, actor: Actor): Promise<CreatedSeminar> {
  requireRole(actor, 'EDITOR');
  if (input.date.getTime() > today().getTime()) {
    const message = 'The seminar’s date cannot be in the future: its recommendations start on that day.';
    throw new RuleViolationError('rule_violation', message, { date: [message] });
  }
  const year = input.date.getUTCFullYear();
  try {
    return await db.$transaction(async (tx) => {
      const taken = await tx.seminar.findMany({ where: { codePrefix: { startsWith: String(year) } }, select: { codePrefix: true } });
      const codePrefix = nextCodePrefix(
        year,
        taken.map((row) => row.codePrefix),
      );
      const seminar = await tx.seminar.create({
        data: {
          codePrefix,
          title: input.title,
          kind: input.kind,
          date: input.date,
          venue: input.venue,
          organiser: input.organiser,
          sourceFileName: input.sourceText ? input.sourceFileName : null,
          sourceText: input.sourceText,
          speakers: { create: input.speakers.map((speaker, index) => ({ ...speaker, position: index + 1 })) },
        },
        select: { id: true, version: true, createdAt: true },
      });
      await writeAudit(tx, {
        actor,
        action: 'seminar.create',
        entityType: 'seminar',
        entityId: seminar.id,
        after: {
          codePrefix,
          title: input.title,
          kind: input.kind,
          date: toDateOnly(input.date),
          venue: input.venue,
          organiser: input.organiser,
          speakers: input.speakers,
          source: input.sourceText ? (input.sourceFileName ?? `${input.sourceText.length} characters of text`) : null,
        },
      });
      return {
        id: seminar.id,
        codePrefix,
        title: input.title,
        kind: input.kind,
        date: input.date,
        venue: input.venue,
        organiser: input.organiser,
        sourceFileName: input.sourceText ? input.sourceFileName : null,
        hasSourceText: input.sourceText !== '',
        speakers: input.speakers,
        version: seminar.version,
        createdAt: seminar.createdAt,
      };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new ConflictError('code_prefix_taken', `Another seminar of ${year} was entered at the same moment and took the next code prefix. Send it again.`);
  }
}

/** The API's view of a seminar: its date as YYYY-MM-DD. */
export function seminarToJson(seminar: CreatedSeminar) {
  return { ...seminar, date: toDateOnly(seminar.date), createdAt: seminar.createdAt.toISOString() };
}
