import type { Db } from '@/lib/db';
import { writeAudit } from '@/lib/audit/write-audit';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { NotFoundError } from '@/lib/errors';
import type { CorrectTextInput } from '@/lib/validations/recommendation';
import { lockRecommendations } from './lock-recommendations';
import { assertNotWithdrawn, assertVersion, bumpVersion } from './version-conflict';

/**
 * Corrects a recommendation's title and text against the version the form was loaded with. The
 * earlier wording is kept: a RecommendationTextRevision row (the item page's history) and the
 * audit row both hold before and after. Its source span is left as it was, so the item page can
 * say that the text no longer matches the report. A correction that changes nothing writes nothing.
 */
export async function correctRecommendationText(
  db: Db,
  input: CorrectTextInput,
  actor: Actor,
): Promise<{ id: string; code: string; version: number; changed: boolean }> {
  requireRole(actor, 'EDITOR');
  return db.$transaction(async (tx) => {
    await lockRecommendations(tx, [input.recommendationId]);
    const item = await tx.recommendation.findUnique({
      where: { id: input.recommendationId },
      select: { id: true, code: true, version: true, archived: true, title: true, text: true },
    });
    if (!item) throw NotFoundError.of('The recommendation');
    await assertVersion(tx, item, input.expectedVersion);
    assertNotWithdrawn(item);
    if (item.title === input.title && item.text === input.text) return { id: item.id, code: item.code, version: item.version, changed: false };

    const version = await bumpVersion(tx, item.id, input.expectedVersion, { title: input.title, text: input.text });
    await tx.recommendationTextRevision.create({
      data: {
        recommendationId: item.id,
        fromTitle: item.title,
        toTitle: input.title,
        fromText: item.text,
        toText: input.text,
        reason: input.reason ?? null,
        authorId: actor.id,
      },
    });
    await writeAudit(tx, {
      actor,
      action: 'recommendation.correct_text',
      entityType: 'recommendation',
      entityId: item.id,
      before: { code: item.code, version: item.version, title: item.title, text: item.text },
      after: { code: item.code, version, title: input.title, text: input.text, reason: input.reason ?? null },
    });
    return { id: item.id, code: item.code, version, changed: true };
  });
}
