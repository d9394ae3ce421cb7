'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/lib/db';
import { authedAction } from '@/lib/auth/action';
import { ROLE_LABEL } from '@/lib/auth/roles';
import { addUser } from '@/lib/users/add-user';
import { changeRole } from '@/lib/users/change-role';
import { issueSetPasswordLink, SET_PASSWORD_LINK_DAYS } from '@/lib/users/issue-set-password-link';
import { setUserActive } from '@/lib/users/set-user-active';
import { changeRoleSchema, newUserSchema, resetPasswordSchema, setUserActiveSchema } from '@/lib/validations/user';

const PAGE = '/admin/users';
const linkHint = `It works once, for ${SET_PASSWORD_LINK_DAYS} days. Send it to them privately.`;

export const createUserAction = authedAction(newUserSchema, 'ADMIN', async (input, actor) => {
  const { user, link } = await addUser(db, input, actor);
  revalidatePath(PAGE);
  const added = `${user.email} was added as ${ROLE_LABEL[input.role]}.`;
  return link
    ? { ok: true, message: `${added} Copy their set-password link now: it is shown only this once. ${linkHint}`, secret: link.url }
    : { ok: true, message: `${added} They can sign in with the password you chose.` };
});

export const changeRoleAction = authedAction(changeRoleSchema, 'ADMIN', async (input, actor) => {
  const user = await changeRole(db, input, actor);
  revalidatePath(PAGE);
  return { ok: true, message: `${user.email} is now ${ROLE_LABEL[input.role]}.` };
});

export const setUserActiveAction = authedAction(setUserActiveSchema, 'ADMIN', async (input, actor) => {
  const user = await setUserActive(db, input, actor);
  revalidatePath(PAGE);
  return {
    ok: true,
    message: user.active ? `${user.email} is active again.` : `${user.email} is deactivated and signed out everywhere.`,
  };
});

export const resetPasswordAction = authedAction(resetPasswordSchema, 'ADMIN', async (input, actor) => {
  const link = await issueSetPasswordLink(db, input, actor);
  revalidatePath(PAGE);
  return {
    ok: true,
    message: `${link.email}'s password no longer works and they are signed out. Copy the new set-password link now: it is shown only this once. ${linkHint}`,
    secret: link.url,
  };
});
