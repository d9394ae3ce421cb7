'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/lib/db';
import { authedAction } from '@/lib/auth/action';
import { currentSessionId } from '@/lib/auth/session';
import { changeOwnPassword } from '@/lib/users/change-own-password';
import { createApiToken } from '@/lib/tokens/create-api-token';
import { revokeApiToken } from '@/lib/tokens/revoke-api-token';
import { changeOwnPasswordSchema } from '@/lib/validations/user';
import { createApiTokenSchema, revokeApiTokenSchema } from '@/lib/validations/token';

const PAGE = '/account';

export const changeOwnPasswordAction = authedAction(changeOwnPasswordSchema, 'VIEWER', async (input, actor) => {
  await changeOwnPassword(db, input, actor, (await currentSessionId()) ?? undefined);
  return {
    ok: true,
    message: 'Your password is changed. Your other sessions are signed out and your API tokens revoked. Use the new password next time you sign in.',
  };
});

export const createApiTokenAction = authedAction(createApiTokenSchema, 'VIEWER', async (input, actor) => {
  const { token, apiToken } = await createApiToken(db, input, actor);
  revalidatePath(PAGE);
  return { ok: true, message: `Token "${apiToken.name}" is ready. Copy it now: it is shown only this once.`, secret: token };
});

export const revokeApiTokenAction = authedAction(revokeApiTokenSchema, 'VIEWER', async (input, actor) => {
  const token = await revokeApiToken(db, input, actor);
  revalidatePath(PAGE);
  return { ok: true, message: `Token "${token.name}" is revoked.` };
});
