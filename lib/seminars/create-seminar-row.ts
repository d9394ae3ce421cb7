// Creates a seminar row with a free code prefix and its audit row, in the caller's transaction.
// The prefix is the seminar's year ("2015"), then "2015B", "2015C", ... when that year is taken:
// recommendation codes are looked up upper-cased, so a letter suffix stays typeable (2015B-R03).
import type { Tx } from '@/lib/db';
import { writeAudit, type AuditActor } from '@/lib/audit/write-audit';
import { toDateOnly } from '@/lib/dates';

export type NewSeminar = {
  title: string;
  kind: string;
  date: Date;
  venue: string | null;
  organiser: string | null;
  sourceFileName: string | null;
  sourceText: string;
};

export async function allocateCodePrefix(tx: Tx, date: Date): Promise<string> {
  const year = String(date.getUTCFullYear());
  const taken = new Set(
    (await tx.seminar.findMany({ where: { codePrefix: { startsWith: year } }, select: { codePrefix: true } })).map((row) => row.codePrefix.toUpperCase()),
  );
  if (!taken.has(year)) return year;
  for (let letter = 'B'.charCodeAt(0); letter <= 'Z'.charCodeAt(0); letter++) {
    const prefix = `${year}${String.fromCharCode(letter)}`;
    if (!taken.has(prefix)) return prefix;
  }
  let n = 2;
  while (taken.has(`${year}-${n}`)) n++;
  return `${year}-${n}`;
}

export async function createSeminarRow(tx: Tx, seminar: NewSeminar, actor: AuditActor, audit: { via?: string } = {}): Promise<{ id: string; codePrefix: string }> {
  const codePrefix = await allocateCodePrefix(tx, seminar.date);
  const row = await tx.seminar.create({ data: { ...seminar, codePrefix }, select: { id: true, codePrefix: true } });
  await writeAudit(tx, {
    actor,
    action: 'seminar.create',
    entityType: 'seminar',
    entityId: row.id,
    after: { codePrefix, title: seminar.title, kind: seminar.kind, date: toDateOnly(seminar.date), source: seminar.sourceFileName, ...(audit.via ? { via: audit.via } : {}) },
  });
  return row;
}
