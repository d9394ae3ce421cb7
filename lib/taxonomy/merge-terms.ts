import type { Db, Tx } from '@/lib/db';
import { NotFoundError, ConflictError, EditConflictError } from '@/lib/errors';
import { writeAudit } from '@/lib/audit/write-audit';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { TERM_KIND_LABEL, type MergeTermsInput, type TermKind } from '@/lib/validations/taxonomy';
import { findTerm, type TermRow } from './term-store';
import { rebuildProgressTally } from '@/lib/progress/tally/rebuild-progress-tally';

export type MergeResult = {
  source: { id: string; name: string };
  target: { id: string; name: string };
  /** Recommendations whose primary theme moved (always 0 for sectors). */
  primaryMoved: number;
  /** Secondary-theme or sector links moved to the target. */
  linksMoved: number;
  /** Links dropped because the item already had the target. */
  duplicatesDropped: number;
  recommendationCodes: string[];
};

type Moved = Pick<MergeResult, 'primaryMoved' | 'linksMoved' | 'duplicatesDropped'>;

async function moveThemeReferences(tx: Tx, sourceId: string, targetId: string, primaryIds: string[]): Promise<Moved> {
  const primaryMoved = (await tx.recommendation.updateMany({ where: { primaryThemeId: sourceId }, data: { primaryThemeId: targetId } })).count;
  // A secondary link to the source is dropped where the item already has the target, as primary
  // (possibly just moved there) or as another secondary link: an item lists a theme once.
  const droppedSource = await tx.recommendationTheme.deleteMany({
    where: {
      themeId: sourceId,
      OR: [{ recommendation: { primaryThemeId: targetId } }, { recommendation: { secondaryThemes: { some: { themeId: targetId } } } }],
    },
  });
  // Items whose primary just became the target and that also listed it as secondary.
  const droppedTarget = await tx.recommendationTheme.deleteMany({ where: { themeId: targetId, recommendationId: { in: primaryIds } } });
  const linksMoved = (await tx.recommendationTheme.updateMany({ where: { themeId: sourceId }, data: { themeId: targetId } })).count;
  return { primaryMoved, linksMoved, duplicatesDropped: droppedSource.count + droppedTarget.count };
}

async function moveSectorReferences(tx: Tx, sourceId: string, targetId: string): Promise<Moved> {
  const dropped = await tx.recommendationSector.deleteMany({
    where: { sectorId: sourceId, recommendation: { sectors: { some: { sectorId: targetId } } } },
  });
  const linksMoved = (await tx.recommendationSector.updateMany({ where: { sectorId: sourceId }, data: { sectorId: targetId } })).count;
  return { primaryMoved: 0, linksMoved, duplicatesDropped: dropped.count };
}

function refuseUnlessMergeable(kind: TermKind, source: TermRow | null, target: TermRow | null, mergedNames: Map<string, string>) {
  const label = TERM_KIND_LABEL[kind];
  if (!source) throw NotFoundError.of(`The ${label.one} to merge away`);
  if (!target) throw NotFoundError.of(`The ${label.one} to keep`);
  if (source.mergedIntoId) {
    const message = `“${source.name}” was already merged into “${mergedNames.get(source.mergedIntoId) ?? 'another ' + label.one}”.`;
    throw new ConflictError('already_merged', message, { sourceId: [message] });
  }
  if (target.mergedIntoId) {
    const into = mergedNames.get(target.mergedIntoId) ?? `another ${label.one}`;
    const message = `“${target.name}” was itself merged into “${into}”. Merge into “${into}” instead.`;
    throw new ConflictError('already_merged', message, { targetId: [message] });
  }
}

/**
 * Merges one theme or sector into another, all or nothing: every reference moves to the target
 * without creating duplicates, each affected recommendation's version is bumped (so forms opened
 * before the merge get the conflict message instead of writing the old term back), and the
 * source is kept, marked merged and hidden from pickers, never deleted.
 */
export async function mergeTerms(db: Db, input: MergeTermsInput, actor: Actor): Promise<MergeResult> {
  requireRole(actor, 'ADMIN');
  const { kind, sourceId, targetId } = input;
  try {
    // Serializable: two admins merging A into B and B into C at once must not both succeed
    // (SQLite serialises writers anyway; PostgreSQL reports the clash as P2034).
    return await db.$transaction(
      async (tx) => {
        const [source, target] = await Promise.all([findTerm(tx, kind, sourceId), findTerm(tx, kind, targetId)]);
        const mergedInto = [source?.mergedIntoId, target?.mergedIntoId].filter((id): id is string => !!id);
        const intoNames = new Map(
          (await Promise.all(mergedInto.map((id) => findTerm(tx, kind, id)))).flatMap((term) => (term ? [[term.id, term.name] as const] : [])),
        );
        refuseUnlessMergeable(kind, source, target, intoNames);
        const from = source!;
        const to = target!;

        const affectedWhere =
          kind === 'theme'
            ? { OR: [{ primaryThemeId: from.id }, { secondaryThemes: { some: { themeId: from.id } } }] }
            : { sectors: { some: { sectorId: from.id } } };
        const affected = await tx.recommendation.findMany({
          where: affectedWhere,
          select: { id: true, code: true, primaryThemeId: true },
          orderBy: { code: 'asc' },
        });
        if (affected.length > 0) {
          await tx.recommendation.updateMany({ where: { id: { in: affected.map((item) => item.id) } }, data: { version: { increment: 1 } } });
        }
        const moved =
          kind === 'theme'
            ? await moveThemeReferences(
                tx,
                from.id,
                to.id,
                affected.filter((item) => item.primaryThemeId === from.id).map((item) => item.id),
              )
            : await moveSectorReferences(tx, from.id, to.id);
        // Items moved from one term to the other: recount both terms' rows of the progress tally.
        await rebuildProgressTally(tx, kind === 'theme' ? { themeIds: [from.id, to.id] } : { sectorIds: [from.id, to.id] });

        // Terms merged into the source earlier now point at the live target, so "merged into"
        // always names a term that can still be picked.
        const mergeArgs = { where: { mergedIntoId: from.id }, data: { mergedIntoId: to.id } };
        const repointed = kind === 'theme' ? await tx.theme.updateMany(mergeArgs) : await tx.sector.updateMany(mergeArgs);
        const markArgs = { where: { id: from.id, mergedIntoId: null }, data: { mergedIntoId: to.id } };
        const marked = kind === 'theme' ? await tx.theme.updateMany(markArgs) : await tx.sector.updateMany(markArgs);
        if (marked.count !== 1) throw new EditConflictError('conflict', `“${from.name}” was merged by someone else at the same moment. Reload the page.`);

        const recommendationCodes = affected.map((item) => item.code);
        await writeAudit(tx, {
          actor,
          action: `${kind}.merge`,
          entityType: kind,
          entityId: from.id,
          before: { source: { id: from.id, name: from.name }, target: { id: to.id, name: to.name } },
          after: { mergedIntoId: to.id, ...moved, earlierMergesRepointed: repointed.count, recommendationCodes },
        });
        // Each recommendation's own history shows the change too, and names it to anyone whose
        // edit now meets the version conflict.
        if (affected.length > 0) {
          await tx.auditLog.createMany({
            data: affected.map((item) => ({
              actorId: actor.id,
              actorLabel: actor.label,
              action: `recommendation.${kind}_merged`,
              entityType: 'recommendation',
              entityId: item.id,
              before: JSON.stringify({ [kind]: from.name }),
              after: JSON.stringify({ [kind]: to.name }),
            })),
          });
        }
        return { source: { id: from.id, name: from.name }, target: { id: to.id, name: to.name }, ...moved, recommendationCodes };
      },
      { isolationLevel: 'Serializable' },
    );
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'P2034') {
      throw new EditConflictError('conflict', `Someone else changed the ${TERM_KIND_LABEL[kind].many} at the same moment. Reload the page and try again.`);
    }
    throw error;
  }
}
