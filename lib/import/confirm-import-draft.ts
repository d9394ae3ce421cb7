import type { Db, Tx } from '@/lib/db';
import { writeAudit } from '@/lib/audit/write-audit';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { today, toDateOnly } from '@/lib/dates';
import { ConflictError, EditConflictError, RuleViolationError } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { createRecommendations } from '@/lib/recommendations/create-recommendations';
import { insertRecommendationLink } from '@/lib/recommendations/link-recommendations';
import { createSeminarRow } from '@/lib/seminars/create-seminar-row';
import type { ConfirmImportDraftInput } from '@/lib/validations/import-draft';
import type { ConfirmedImport, DraftSeminar } from './draft-types';
import { checkDraftItems } from './check-draft-items';
import { actorName, closedDraftError, draftItems, findDraft, type DraftRow } from './draft-record';
import { draftItemsToRecommendations } from './draft-to-recommendations';

function staleDraftError(row: Pick<DraftRow, 'version' | 'updatedByName' | 'updatedAt'>): EditConflictError {
  return new EditConflictError(
    'version_conflict',
    `${row.updatedByName} saved this import at ${formatDateTime(row.updatedAt)}, after you loaded it — reload and check their changes before confirming.`,
    {},
    { currentVersion: row.version, changedBy: row.updatedByName, changedAt: row.updatedAt.toISOString() },
  );
}

/**
 * Creates the seminar and its recommendations from the draft in one transaction and marks the draft
 * CONFIRMED. The draft is claimed first, by a conditional update on (status DRAFT, version): of two
 * confirms at once, the second waits on that row and then matches nothing, so it writes nothing and
 * answers ConflictError ("already confirmed by ...").
 */
export async function confirmImportDraft(db: Db, input: ConfirmImportDraftInput, actor: Actor): Promise<ConfirmedImport> {
  requireRole(actor, 'EDITOR');
  try {
    return await db.$transaction((tx) => confirmInTransaction(tx, input, actor), { timeout: 60_000, maxWait: 30_000 });
  } catch (error) {
    // Another import took the same code prefix a moment earlier (PostgreSQL runs both at once).
    if ((error as { code?: string } | null)?.code === 'P2002') {
      throw new ConflictError(
        'code_prefix_taken',
        `Another seminar of ${input.seminar.date.getUTCFullYear()} was created at the same moment and took the next code prefix. Confirm again.`,
      );
    }
    throw error;
  }
}

async function confirmInTransaction(tx: Tx, input: ConfirmImportDraftInput, actor: Actor): Promise<ConfirmedImport> {
  // As for a seminar entered by hand (create-seminar.ts): its items' history starts on that day.
  if (input.seminar.date.getTime() > today().getTime()) {
    const message = 'The seminar’s date cannot be in the future: its recommendations start on that day.';
    throw new RuleViolationError('rule_violation', message, { 'seminar.date': [message] });
  }
  const row = await findDraft(tx, input.draftId);
  if (row.status !== 'DRAFT') throw closedDraftError(row);
  const expectedVersion = input.expectedVersion ?? row.version;
  if (row.version !== expectedVersion) throw staleDraftError(row);

  const items = draftItems(row);
  if (items.length === 0) {
    throw new RuleViolationError('no_items', 'There are no recommendations to import. Mark at least one in the text, or discard the import.');
  }
  await checkDraftItems(tx, row.sourceText, items, { requireTheme: true });

  const name = await actorName(tx, actor);
  const seminar: DraftSeminar = {
    title: input.seminar.title,
    kind: input.seminar.kind,
    date: toDateOnly(input.seminar.date),
    venue: input.seminar.venue,
    organiser: input.seminar.organiser,
  };
  const { count } = await tx.importDraft.updateMany({
    where: { id: row.id, status: 'DRAFT', version: expectedVersion },
    data: { status: 'CONFIRMED', version: { increment: 1 }, updatedByName: name, seminar: JSON.stringify(seminar) },
  });
  if (count !== 1) {
    const now = await findDraft(tx, row.id);
    throw now.status !== 'DRAFT' ? closedDraftError(now) : staleDraftError(now);
  }

  const created = await createSeminarRow(
    tx,
    {
      title: input.seminar.title,
      kind: input.seminar.kind,
      date: input.seminar.date,
      venue: input.seminar.venue,
      organiser: input.seminar.organiser,
      sourceFileName: row.sourceFileName,
      sourceText: row.sourceText,
    },
    actor,
    { via: `import ${row.id}` },
  );
  const newItems = draftItemsToRecommendations(row.sourceText, items);
  const recommendations = await createRecommendations(tx, { ...created, date: input.seminar.date }, newItems, actor);

  const relatedIds = [...new Set(items.flatMap((item) => item.acceptedRelatedIds))];
  const related = new Map(
    (relatedIds.length ? await tx.recommendation.findMany({ where: { id: { in: relatedIds } }, select: { id: true, code: true } }) : []).map((r) => [r.id, r]),
  );
  let links = 0;
  for (const [index, item] of items.entries()) {
    const from = recommendations[index]!;
    for (const id of new Set(item.acceptedRelatedIds)) {
      const to = related.get(id);
      if (!to) continue;
      await insertRecommendationLink(tx, { from, to, note: 'Accepted when the report was imported.' }, actor);
      links += 1;
    }
  }

  await tx.importDraft.update({ where: { id: row.id }, data: { confirmedSeminarId: created.id } });
  await writeAudit(tx, {
    actor,
    action: 'import.confirm',
    entityType: 'import_draft',
    entityId: row.id,
    before: { status: 'DRAFT', version: expectedVersion },
    after: { status: 'CONFIRMED', seminarId: created.id, codePrefix: created.codePrefix, recommendations: recommendations.length, links },
  });
  return {
    draftId: row.id,
    seminar: { id: created.id, codePrefix: created.codePrefix, title: input.seminar.title, date: toDateOnly(input.seminar.date) },
    recommendations: recommendations.map(({ id, code }, index) => ({ id, code, title: newItems[index]!.title })),
    links,
  };
}
