import type { Db, Tx } from '@/lib/db';
import { NotFoundError, RuleViolationError, type FieldErrors } from '@/lib/errors';
import { writeAudit } from '@/lib/audit/write-audit';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { toDateOnly } from '@/lib/dates';
import type { RecommendationUpdateInput } from '@/lib/validations/recommendation';
import { assertNotWithdrawn, assertVersion, bumpVersion } from './version-conflict';
import { withProgressTally } from '@/lib/progress/tally/with-progress-tally';

type Fields = {
  primaryThemeId: string;
  secondaryThemeIds: string[];
  sectorIds: string[];
  priority: string;
  targetDate: string | null;
};

async function currentFields(tx: Tx, id: string) {
  const item = await tx.recommendation.findUnique({
    where: { id },
    select: {
      id: true,
      code: true,
      version: true,
      archived: true,
      primaryThemeId: true,
      priority: true,
      targetDate: true,
      secondaryThemes: { select: { themeId: true } },
      sectors: { select: { sectorId: true } },
    },
  });
  if (!item) return null;
  const fields: Fields = {
    primaryThemeId: item.primaryThemeId,
    secondaryThemeIds: item.secondaryThemes.map((row) => row.themeId).sort(),
    sectorIds: item.sectors.map((row) => row.sectorId).sort(),
    priority: item.priority,
    targetDate: item.targetDate ? toDateOnly(item.targetDate) : null,
  };
  return { item, fields };
}

/**
 * Refuses ids that are unknown or merged into another entry (merged ones are kept for history but
 * no longer chosen). Only ids this edit brings in are checked, so an item still filed under a
 * since-merged theme can have its other fields edited.
 */
async function refuseStaleVocabulary(tx: Tx, before: Fields, after: Fields): Promise<void> {
  const newThemes = [after.primaryThemeId, ...after.secondaryThemeIds].filter((id) => id !== before.primaryThemeId && !before.secondaryThemeIds.includes(id));
  const newSectors = after.sectorIds.filter((id) => !before.sectorIds.includes(id));
  const themes = await tx.theme.findMany({ where: { id: { in: newThemes }, mergedIntoId: null }, select: { id: true } });
  const sectors = await tx.sector.findMany({ where: { id: { in: newSectors }, mergedIntoId: null }, select: { id: true } });
  const usableThemes = new Set(themes.map((row) => row.id));
  const usableSectors = new Set(sectors.map((row) => row.id));
  const refused = (id: string, isNew: string[], usable: Set<string>) => isNew.includes(id) && !usable.has(id);
  const fields: FieldErrors = {};
  if (refused(after.primaryThemeId, newThemes, usableThemes)) {
    fields.primaryThemeId = ['Choose a primary theme from the list: this one does not exist or was merged into another.'];
  }
  if (after.secondaryThemeIds.some((id) => refused(id, newThemes, usableThemes))) {
    fields.secondaryThemeIds = ['Choose secondary themes from the list: one does not exist or was merged into another.'];
  }
  if (after.sectorIds.some((id) => refused(id, newSectors, usableSectors))) {
    fields.sectorIds = ['Choose owner sectors from the list: one does not exist or was merged into another.'];
  }
  if (Object.keys(fields).length > 0) {
    throw new RuleViolationError('invalid_reference', 'Some choices are not available. Check the highlighted fields.', fields);
  }
}

function changedKeys(before: Fields, after: Fields): (keyof Fields)[] {
  return (Object.keys(before) as (keyof Fields)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

/**
 * Edits a recommendation's classification: primary and secondary themes, owner sectors, priority,
 * target date. A field the input leaves out stays as it is; the join rows of a list that is sent
 * are replaced. Version-checked; an edit that changes nothing writes nothing.
 */
export async function updateRecommendation(
  db: Db,
  recommendationId: string,
  input: RecommendationUpdateInput,
  actor: Actor,
): Promise<{ id: string; code: string; version: number; changed: boolean }> {
  requireRole(actor, 'EDITOR');
  return db.$transaction(async (tx) => {
    const current = await currentFields(tx, recommendationId);
    if (!current) throw NotFoundError.of('The recommendation');
    const { item, fields: before } = current;
    await assertVersion(tx, item, input.expectedVersion);
    assertNotWithdrawn(item);

    const primaryThemeId = input.primaryThemeId ?? before.primaryThemeId;
    const after: Fields = {
      primaryThemeId,
      // The primary theme is not also a secondary one: picking it in both places means "primary".
      secondaryThemeIds: [...new Set(input.secondaryThemeIds ?? before.secondaryThemeIds)].filter((id) => id !== primaryThemeId).sort(),
      sectorIds: [...new Set(input.sectorIds ?? before.sectorIds)].sort(),
      priority: input.priority ?? before.priority,
      targetDate: input.targetDate === undefined ? before.targetDate : input.targetDate && toDateOnly(input.targetDate),
    };
    const changed = changedKeys(before, after);
    if (changed.length === 0) return { id: item.id, code: item.code, version: item.version, changed: false };
    await refuseStaleVocabulary(tx, before, after);

    const version = await bumpVersion(tx, item.id, input.expectedVersion);
    // The primary theme and owner sectors are what the progress tally counts items under.
    const tallied = changed.includes('primaryThemeId') || changed.includes('sectorIds') ? [item.id] : [];
    await withProgressTally(tx, tallied, async () => {
      await tx.recommendation.update({
        where: { id: item.id },
        data: {
          primaryThemeId: after.primaryThemeId,
          priority: after.priority,
          targetDate: input.targetDate === undefined ? undefined : input.targetDate,
        },
      });
      if (changed.includes('secondaryThemeIds')) {
        await tx.recommendationTheme.deleteMany({ where: { recommendationId: item.id } });
        await tx.recommendationTheme.createMany({ data: after.secondaryThemeIds.map((themeId) => ({ recommendationId: item.id, themeId })) });
      }
      if (changed.includes('sectorIds')) {
        await tx.recommendationSector.deleteMany({ where: { recommendationId: item.id } });
        await tx.recommendationSector.createMany({ data: after.sectorIds.map((sectorId) => ({ recommendationId: item.id, sectorId })) });
      }
    });
    const pick = (fields: Fields) => Object.fromEntries(changed.map((key) => [key, fields[key]]));
    await writeAudit(tx, {
      actor,
      action: 'recommendation.update',
      entityType: 'recommendation',
      entityId: item.id,
      before: { code: item.code, version: item.version, ...pick(before) },
      after: { code: item.code, version, ...pick(after) },
    });
    return { id: item.id, code: item.code, version, changed: true };
  });
}
