import type { Db, Tx } from '@/lib/db';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { ConflictError, NotFoundError, RuleViolationError, type FieldErrors } from '@/lib/errors';
import { lockSeminar } from '@/lib/seminars/lock-seminar';
import type { AddRecommendationInput } from '@/lib/validations/recommendation';
import { createRecommendations } from './create-recommendations';
import { findSourceSpan } from './source-span';

const TITLE_MAX = 100;

/** A short title from the text's first sentence, cut at a word under 100 characters. */
export function titleFromText(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const sentence = /^(.+?[.!?;:])(?:\s|$)/.exec(flat)?.[1] ?? flat;
  const withoutStop = sentence.replace(/[.;:]$/, '');
  if (withoutStop.length <= TITLE_MAX) return withoutStop;
  const cut = withoutStop.slice(0, TITLE_MAX - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > TITLE_MAX / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/**
 * The classification the item gets, checked: chosen themes and sectors must exist and not be
 * merged into another. No primary theme chosen (the API allows it) means the first theme in the
 * administrators' order, to be classified later.
 */
async function classification(tx: Tx, input: AddRecommendationInput) {
  const themes = await tx.theme.findMany({ where: { mergedIntoId: null }, orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }], select: { id: true } });
  const usableThemes = new Set(themes.map((theme) => theme.id));
  const sectorIds = [...new Set(input.sectorIds ?? [])];
  const usableSectors = new Set(
    (await tx.sector.findMany({ where: { id: { in: sectorIds }, mergedIntoId: null }, select: { id: true } })).map((sector) => sector.id),
  );
  const primaryThemeId = input.primaryThemeId ?? themes[0]?.id;
  const secondaryThemeIds = [...new Set(input.secondaryThemeIds ?? [])].filter((id) => id !== primaryThemeId);
  const fields: FieldErrors = {};
  if (!primaryThemeId || !usableThemes.has(primaryThemeId)) {
    fields.primaryThemeId = [
      themes.length
        ? 'Choose a primary theme from the list: this one does not exist or was merged into another.'
        : 'There are no themes yet: an administrator adds them first.',
    ];
  }
  if (secondaryThemeIds.some((id) => !usableThemes.has(id))) {
    fields.secondaryThemeIds = ['Choose secondary themes from the list: one does not exist or was merged into another.'];
  }
  if (sectorIds.some((id) => !usableSectors.has(id))) {
    fields.sectorIds = ['Choose owner sectors from the list: one does not exist or was merged into another.'];
  }
  if (Object.keys(fields).length > 0) {
    throw new RuleViolationError('invalid_reference', 'Some choices are not available. Check the highlighted fields.', fields);
  }
  return { primaryThemeId: primaryThemeId!, secondaryThemeIds, sectorIds };
}

/**
 * Adds one recommendation to a seminar by hand: the next code of the seminar (after the highest
 * position ever used), NOT_STARTED from the seminar's date, with its history, audit row and place
 * in the progress tally (create-recommendations.ts). When the seminar has its report's text and
 * the item's text is in it, the span is recorded for "view in source".
 */
export async function addRecommendation(db: Db, seminarId: string, input: AddRecommendationInput, actor: Actor): Promise<{ id: string; code: string }> {
  requireRole(actor, 'EDITOR');
  try {
    return await db.$transaction(async (tx) => {
      await lockSeminar(tx, seminarId);
      const seminar = await tx.seminar.findUnique({ where: { id: seminarId }, select: { id: true, codePrefix: true, date: true, sourceText: true } });
      if (!seminar) throw NotFoundError.of('The seminar');
      const chosen = await classification(tx, input);
      const [created] = await createRecommendations(
        tx,
        seminar,
        [
          {
            title: input.title ?? titleFromText(input.text),
            text: input.text,
            span: findSourceSpan(seminar.sourceText, input.text),
            ...chosen,
            priority: input.priority ?? 'MEDIUM',
            targetDate: input.targetDate ?? null,
          },
        ],
        actor,
      );
      return { id: created!.id, code: created!.code };
    });
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code !== 'P2002') throw error;
    throw new ConflictError('code_taken', 'Another recommendation was added to this seminar at the same moment and took the next code. Send it again.');
  }
}
