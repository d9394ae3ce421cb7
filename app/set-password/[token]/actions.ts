'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { db } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import type { ActionState } from '@/lib/auth/action';
import { clientAddress } from '@/lib/auth/client-address';
import { limitPublicAction } from '@/lib/auth/public-action-limit';
import { redeemSetPasswordLink } from '@/lib/users/use-set-password-link';
import { setPasswordSchema } from '@/lib/validations/user';
import { fieldErrors, formDataToObject } from '@/lib/validations/form-data';
import { unstorableTextErrors } from '@/lib/validations/storable-text';

// Public by design: no session is needed, the one-time token in the form is the credential.
// A few attempts per address (lib/auth/public-action-limit.ts), and a dead link is never hashed for.
export async function setPasswordAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const raw = formDataToObject(formData);
  const parsed = setPasswordSchema.safeParse(raw);
  const unstorable = unstorableTextErrors(raw);
  if (!parsed.success || unstorable) {
    const errors = unstorable ?? (parsed.error ? fieldErrors(parsed.error) : {});
    // A tampered token field is not something the person can fix in the form.
    if (errors.token) return { code: 'invalid_link', message: errors.token[0] };
    return { code: 'invalid', message: 'Check the highlighted fields.', errors };
  }
  try {
    await limitPublicAction(db, 'set-password', clientAddress(await headers()));
    await redeemSetPasswordLink(db, parsed.data);
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, message: error.message };
    throw error;
  }
  redirect('/login?reset=1');
}
