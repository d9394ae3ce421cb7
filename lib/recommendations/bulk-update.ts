import type { Db, Tx } from '@/lib/db';
import { DomainError, EditConflictError, RuleViolationError, type FieldErrors } from '@/lib/errors';
import { httpStatus } from '@/lib/api/errors';
import { writeAudit } from '@/lib/audit/write-audit';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { toDateOnly } from '@/lib/dates';
import { changeStatus } from '@/lib/status/change-status';
import { PRIORITY_LABEL, STATUS_LABEL } from '@/lib/status/status';
import { filtersToSearchParams } from '@/lib/validations/recommendation-filters';
import { MAX_BULK_ITEMS, type BulkChange, type BulkTarget, type BulkUpdateInput } from '@/lib/validations/bulk-update';
import { recommendationWhere } from './recommendation-query';
import { assertNotWithdrawn, assertVersion, bumpVersion, versionConflict } from './version-conflict';
import { withProgressTally } from '@/lib/progress/tally/with-progress-tally';

export type BulkUpdateResult = { changed: string[]; unchanged: string[] };
export type BulkFailure = { code: string; status: number; message: string };

type Item = {
  id: string;
  code: string;
  version: number;
  archived: boolean;
  priority: string;
  primaryThemeId: string;
  secondaryThemes: { themeId: string }[];
  sectors: { sectorId: string }[];
};

const ITEM_SELECT = {
  id: true,
  code: true,
  version: true,
  archived: true,
  priority: true,
  primaryThemeId: true,
  secondaryThemes: { select: { themeId: true } },
  sectors: { select: { sectorId: true } },
} as const;

type Target = { id: string; expectedVersion: number };

/**
 * Applies one change to many recommendations in ONE transaction: each item's own rules apply (a
 * status change goes through changeStatus, the same code as the item page), each item's version is
 * checked and bumped, each item gets its audit row, and one `recommendation.bulk_update` row sums it
 * up. If any item cannot take the change, nothing is written and the refusal lists every such item.
 * Items that already have what is asked for are left alone (version checked, not bumped).
 */
export async function bulkUpdateRecommendations(db: Db, input: BulkUpdateInput, actor: Actor, now = new Date()): Promise<BulkUpdateResult> {
  requireRole(actor, 'EDITOR');
  return db.$transaction(
    async (tx) => {
      const failures: BulkFailure[] = [];
      const { targets, total } = await resolveTargets(tx, input.target, now, failures);
      await refuseUnusableVocabulary(tx, input.change);
      const items = new Map(
        (await tx.recommendation.findMany({ where: { id: { in: targets.map((target) => target.id) } }, select: ITEM_SELECT })).map((item) => [item.id, item]),
      );
      const ordered = targets
        .map((target) => ({ target, item: items.get(target.id) }))
        .sort((a, b) => (a.item?.code ?? a.target.id).localeCompare(b.item?.code ?? b.target.id));

      const result: BulkUpdateResult = { changed: [], unchanged: [] };
      for (const { target, item } of ordered) {
        if (!item) {
          failures.push({ code: target.id, status: 404, message: 'This recommendation was not found.' });
          continue;
        }
        try {
          const changed = await applyChange(tx, item, target.expectedVersion, input.change, actor);
          (changed ? result.changed : result.unchanged).push(item.code);
        } catch (error) {
          // Every check in changeStatus and bumpVersion reads before it writes, so the transaction is
          // still usable and the other items are tried too: the refusal then lists all of them.
          if (!(error instanceof DomainError)) throw error;
          // The refusal lists each item with the status its own refusal would have had on its own.
          failures.push({ code: item.code, status: httpStatus(error), message: error.message });
        }
      }
      if (failures.length > 0) throw refusal(failures, total);
      if (result.changed.length > 0) {
        await writeAudit(tx, {
          actor,
          action: 'recommendation.bulk_update',
          entityType: 'recommendation',
          entityId: null,
          after: {
            change: describeForAudit(input.change),
            target:
              input.target.kind === 'items'
                ? { kind: 'items' }
                : { kind: 'filter', filters: filtersToSearchParams(input.target.filters).toString(), count: input.target.expectedCount },
            changed: result.changed,
            unchanged: result.unchanged,
          },
        });
      }
      return result;
    },
    // Hundreds of items, several statements each: more than Prisma's default 5 s.
    { maxWait: 10_000, timeout: 120_000 },
  );
}

/** The items to change, and how many were asked for (some may already be listed as failures). */
async function resolveTargets(tx: Tx, target: BulkTarget, now: Date, failures: BulkFailure[]): Promise<{ targets: Target[]; total: number }> {
  if (target.kind === 'items') return { targets: target.items, total: target.items.length };
  const where = await recommendationWhere(tx, target.filters, now);
  const count = await tx.recommendation.count({ where });
  if (count > MAX_BULK_ITEMS) {
    throw new RuleViolationError('too_many', `${count} recommendations match: change at most ${MAX_BULK_ITEMS} at a time. Narrow the filters.`);
  }
  if (count !== target.expectedCount) {
    throw new EditConflictError(
      'bulk_conflict',
      `The recommendations matching these filters changed since the page was shown (${target.expectedCount} then, ${count} now). Nothing was changed: reload the page and check them before changing them all.`,
    );
  }
  const rows = await tx.recommendation.findMany({ where, select: { id: true, code: true, version: true, updatedAt: true } });
  // The page did not show every matching item, so their versions were not posted: anything edited
  // after the page was shown counts as a conflicting edit, named like any other.
  for (const row of rows) {
    if (row.updatedAt.getTime() > target.asOf.getTime()) {
      const conflict = await versionConflict(tx, row.id);
      failures.push({ code: row.code, status: httpStatus(conflict), message: conflict.message });
    }
  }
  const targets = rows.filter((row) => row.updatedAt.getTime() <= target.asOf.getTime()).map((row) => ({ id: row.id, expectedVersion: row.version }));
  return { targets, total: rows.length };
}

/** Sectors and themes must exist and not be merged away: refused once for the whole bulk, by field. */
async function refuseUnusableVocabulary(tx: Tx, change: BulkChange): Promise<void> {
  const fields: FieldErrors = {};
  if (change.operation === 'sector') {
    const usable = await tx.sector.count({ where: { id: { in: change.sectorIds }, mergedIntoId: null } });
    if (usable !== change.sectorIds.length) fields.sectorIds = ['Choose sectors from the list: one does not exist or was merged into another.'];
  }
  if (change.operation === 'theme') {
    const usable = await tx.theme.count({ where: { id: change.themeId, mergedIntoId: null } });
    if (usable !== 1) fields.themeId = ['Choose a theme from the list: this one does not exist or was merged into another.'];
  }
  if (Object.keys(fields).length > 0) {
    throw new RuleViolationError('invalid_reference', 'Some choices are not available. Check the highlighted fields.', fields);
  }
}

/** Makes the change to one item; false when it already had it (nothing written). */
async function applyChange(tx: Tx, item: Item, expectedVersion: number, change: BulkChange, actor: Actor): Promise<boolean> {
  assertNotWithdrawn(item);
  if (change.operation === 'status') {
    await changeStatus(
      tx,
      { recommendationId: item.id, expectedVersion, status: change.status, effectiveDate: change.effectiveDate, note: change.note },
      actor,
    );
    return true;
  }

  const beforeSectors = item.sectors.map((row) => row.sectorId).sort();
  const beforeSecondary = item.secondaryThemes.map((row) => row.themeId).sort();
  let before: Record<string, unknown>;
  let after: Record<string, unknown>;
  let write: () => Promise<unknown>;

  if (change.operation === 'priority') {
    if (item.priority === change.priority) return unchanged(tx, item, expectedVersion);
    before = { priority: item.priority };
    after = { priority: change.priority };
    write = () => tx.recommendation.update({ where: { id: item.id }, data: { priority: change.priority } });
  } else if (change.operation === 'theme') {
    if (item.primaryThemeId === change.themeId) return unchanged(tx, item, expectedVersion);
    // The primary theme is not also a secondary one (as on the item's edit form).
    const secondary = beforeSecondary.filter((id) => id !== change.themeId);
    before = { primaryThemeId: item.primaryThemeId, ...(secondary.length !== beforeSecondary.length ? { secondaryThemeIds: beforeSecondary } : {}) };
    after = { primaryThemeId: change.themeId, ...(secondary.length !== beforeSecondary.length ? { secondaryThemeIds: secondary } : {}) };
    write = async () => {
      await tx.recommendation.update({ where: { id: item.id }, data: { primaryThemeId: change.themeId } });
      await tx.recommendationTheme.deleteMany({ where: { recommendationId: item.id, themeId: change.themeId } });
    };
  } else {
    const sectors = [...new Set(change.sectorMode === 'add' ? [...beforeSectors, ...change.sectorIds] : change.sectorIds)].sort();
    if (JSON.stringify(sectors) === JSON.stringify(beforeSectors)) return unchanged(tx, item, expectedVersion);
    before = { sectorIds: beforeSectors };
    after = { sectorIds: sectors };
    write = async () => {
      await tx.recommendationSector.deleteMany({ where: { recommendationId: item.id, sectorId: { notIn: sectors } } });
      const added = sectors.filter((id) => !beforeSectors.includes(id));
      await tx.recommendationSector.createMany({ data: added.map((sectorId) => ({ recommendationId: item.id, sectorId })) });
    };
  }

  const version = await bumpVersion(tx, item.id, expectedVersion);
  // Priority is not something the progress tally counts by; theme and sectors are.
  await withProgressTally(tx, change.operation === 'priority' ? [] : [item.id], write);
  await writeAudit(tx, {
    actor,
    action: 'recommendation.update',
    entityType: 'recommendation',
    entityId: item.id,
    before: { code: item.code, version: item.version, ...before },
    after: { code: item.code, version, bulk: true, ...after },
  });
  return true;
}

async function unchanged(tx: Tx, item: Item, expectedVersion: number): Promise<false> {
  await assertVersion(tx, item, expectedVersion);
  return false;
}

function refusal(failures: BulkFailure[], total: number): DomainError {
  const conflict = failures.some((failure) => failure.status === 409);
  const lines = failures.map((failure) => `${failure.code}: ${failure.message}`);
  const which = failures.length === 1 ? '1 recommendation' : `${failures.length} recommendations`;
  const message = conflict
    ? `Nothing was changed: ${which} of ${total} changed since you loaded the page, or cannot take this change. Reload the page, or untick them, and try again.`
    : `Nothing was changed: ${which} cannot take this change. Fix or untick ${failures.length === 1 ? 'it' : 'them'} and try again.`;
  return conflict
    ? new EditConflictError('bulk_conflict', message, { items: lines }, { failures })
    : new RuleViolationError('bulk_refused', message, { items: lines }, { failures });
}

function describeForAudit(change: BulkChange): Record<string, unknown> {
  switch (change.operation) {
    case 'status':
      return { operation: 'status', status: change.status, effectiveDate: toDateOnly(change.effectiveDate), note: change.note ?? null };
    case 'priority':
      return { operation: 'priority', priority: change.priority };
    case 'theme':
      return { operation: 'theme', primaryThemeId: change.themeId };
    case 'sector':
      return { operation: 'sector', mode: change.sectorMode, sectorIds: change.sectorIds };
  }
}

/** A short description of the change, for the confirmation message. */
export function describeBulkChange(change: BulkChange, names: { theme?: string; sectors?: string[] } = {}): string {
  switch (change.operation) {
    case 'status':
      return `status set to ${STATUS_LABEL[change.status]}`;
    case 'priority':
      return `priority set to ${PRIORITY_LABEL[change.priority]}`;
    case 'theme':
      return names.theme ? `primary theme set to ${names.theme}` : 'primary theme changed';
    case 'sector': {
      const list = names.sectors?.join(', ');
      return change.sectorMode === 'add' ? `owner sectors added${list ? `: ${list}` : ''}` : `owner sectors replaced${list ? ` by ${list}` : ''}`;
    }
  }
}
