'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/lib/db';
import { authedAction } from '@/lib/auth/action';
import { addEvidence } from '@/lib/evidence/add-evidence';
import { editEvidence } from '@/lib/evidence/edit-evidence';
import { removeEvidence } from '@/lib/evidence/remove-evidence';
import { linkRecommendations, unlinkRecommendations } from '@/lib/recommendations/link-recommendations';
import { updateRecommendation } from '@/lib/recommendations/update-recommendation';
import { correctRecommendationText } from '@/lib/recommendations/correct-recommendation-text';
import { restoreRecommendation, withdrawRecommendation } from '@/lib/recommendations/withdraw-recommendation';
import { changeStatusNow } from '@/lib/status/change-status';
import { STATUS_LABEL } from '@/lib/status/status';
import { formatDate } from '@/lib/format';
import { addEvidenceFormSchema, evidenceEditSchema, evidenceRemoveSchema } from '@/lib/validations/evidence';
import { correctTextSchema, linkSchema, recommendationUpdateFormSchema, restoreSchema, unlinkSchema, withdrawSchema } from '@/lib/validations/recommendation';
import { statusChangeFormSchema } from '@/lib/validations/status-change';

/** A recommendation's status and fields show on its page, the list, the seminars page and the dashboard. */
function revalidateRecommendation() {
  revalidatePath('/recommendations/[code]', 'page');
  revalidatePath('/recommendations');
  revalidatePath('/seminars');
  revalidatePath('/dashboard');
}

export const changeStatusAction = authedAction(statusChangeFormSchema, 'EDITOR', async (input, actor) => {
  const { recommendationId, ...change } = input;
  const result = await changeStatusNow(db, { recommendationId, ...change }, actor);
  revalidateRecommendation();
  const current = result.status === input.status ? '' : ` The current status is still ${STATUS_LABEL[result.status]}: a later change is in force.`;
  return { ok: true, message: `Recorded: ${STATUS_LABEL[input.status]} from ${formatDate(change.effectiveDate)}.${current}` };
});

export const addEvidenceAction = authedAction(addEvidenceFormSchema, 'EDITOR', async (input, actor) => {
  const { recommendationId, ...evidence } = input;
  await addEvidence(db, recommendationId, evidence, actor);
  revalidateRecommendation();
  return { ok: true, message: 'Evidence added.' };
});

export const editEvidenceAction = authedAction(evidenceEditSchema, 'EDITOR', async (input, actor) => {
  await editEvidence(db, input, actor);
  revalidateRecommendation();
  return { ok: true, message: 'Evidence saved.' };
});

export const removeEvidenceAction = authedAction(evidenceRemoveSchema, 'EDITOR', async (input, actor) => {
  await removeEvidence(db, input, actor);
  revalidateRecommendation();
  return { ok: true, message: 'Evidence removed. It stays in the audit log.' };
});

export const updateRecommendationAction = authedAction(recommendationUpdateFormSchema, 'EDITOR', async (input, actor) => {
  const { recommendationId, ...fields } = input;
  const result = await updateRecommendation(db, recommendationId, fields, actor);
  revalidateRecommendation();
  return { ok: true, message: result.changed ? 'Details saved.' : 'Nothing to save: the details are unchanged.' };
});

export const addLinkAction = authedAction(linkSchema, 'EDITOR', async (input, actor) => {
  const link = await linkRecommendations(db, input, actor);
  revalidateRecommendation();
  return { ok: true, message: `Linked to ${link.targetCode}.` };
});

export const removeLinkAction = authedAction(unlinkSchema, 'EDITOR', async (input, actor) => {
  await unlinkRecommendations(db, input, actor);
  revalidateRecommendation();
  return { ok: true, message: 'Link removed.' };
});

export const correctTextAction = authedAction(correctTextSchema, 'EDITOR', async (input, actor) => {
  const result = await correctRecommendationText(db, input, actor);
  revalidateRecommendation();
  return { ok: true, message: result.changed ? 'Text corrected. The earlier wording is kept in its history.' : 'Nothing to save: the text is unchanged.' };
});

export const withdrawAction = authedAction(withdrawSchema, 'EDITOR', async (input, actor) => {
  const result = await withdrawRecommendation(db, input, actor);
  // A withdrawn item leaves the counts, charts and reports too.
  revalidatePath('/', 'layout');
  return { ok: true, message: `${result.code} is withdrawn: it no longer counts anywhere. It can be restored here.` };
});

export const restoreAction = authedAction(restoreSchema, 'EDITOR', async (input, actor) => {
  const result = await restoreRecommendation(db, input, actor);
  revalidatePath('/', 'layout');
  return { ok: true, message: `${result.code} is restored and counts again.` };
});
