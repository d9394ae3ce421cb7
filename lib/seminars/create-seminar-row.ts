// Creates a seminar row with the next free code prefix of its year (code-prefix.ts, as
// create-seminar.ts allocates it) and its audit row, in the caller's transaction: a confirmed report
// import creates its seminar and items at once. Should two be created at the same moment on
// PostgreSQL, the unique index on the prefix refuses the second (P2002): the caller says so.
import type { Tx } from '@/lib/db';
import { writeAudit, type AuditActor } from '@/lib/audit/write-audit';
import { toDateOnly } from '@/lib/dates';
import { nextCodePrefix } from './code-prefix';

export type NewSeminar = {
  title: string;
  kind: string;
  date: Date;
  venue: string | null;
  organiser: string | null;
  sourceFileName: string | null;
  sourceText: string;
};

export async function createSeminarRow(
  tx: Tx,
  seminar: NewSeminar,
  actor: AuditActor,
  audit: { via?: string } = {},
): Promise<{ id: string; codePrefix: string }> {
  const year = seminar.date.getUTCFullYear();
  const taken = await tx.seminar.findMany({ where: { codePrefix: { startsWith: String(year) } }, select: { codePrefix: true } });
  const codePrefix = nextCodePrefix(
    year,
    taken.map((row) => row.codePrefix),
  );
  const row = await tx.seminar.create({ data: { ...seminar, codePrefix }, select: { id: true, codePrefix: true } });
  await writeAudit(tx, {
    actor,
    action: 'seminar.create',
    entityType: 'seminar',
    entityId: row.id,
    after: {
      codePrefix,
      title: seminar.title,
      kind: seminar.kind,
      date: toDateOnly(seminar.date),
      venue: seminar.venue,
      organiser: seminar.organiser,
      source: seminar.sourceFileName ?? `${seminar.sourceText.length} characters of text`,
      ...(audit.via ? { via: audit.via } : {}),
    },
  });
  return row;
}
