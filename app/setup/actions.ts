'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { db } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import type { ActionState } from '@/lib/auth/action';
import { clientAddress } from '@/lib/auth/client-address';
import { setUpFirstAdmin } from '@/lib/users/set-up-first-admin';
import { firstAdminSchema } from '@/lib/validations/user';
import { fieldErrors, formDataToObject } from '@/lib/validations/form-data';
import { unstorableTextErrors } from '@/lib/validations/storable-text';

// Public by design: it works only while no user exists (checked again inside the transaction),
// with the setup code npm start printed, and a few attempts per address.
export async function createFirstAdminAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const raw = formDataToObject(formData);
  const parsed = firstAdminSchema.safeParse(raw);
  const unstorable = unstorableTextErrors(raw);
  if (!parsed.success || unstorable) {
    return {
      code: 'invalid',
      message: 'Check the highlighted fields.',
      errors: unstorable ?? (parsed.error ? fieldErrors(parsed.error) : {}),
      values: { email: typeof raw.email === 'string' ? raw.email : '', name: typeof raw.name === 'string' ? raw.name : '' },
    };
  }
  try {
    await setUpFirstAdmin(db, parsed.data, clientAddress(await headers()));
  } catch (error) {
    if (error instanceof DomainError) {
      return { code: error.code, message: error.message, errors: error.fields, values: { email: parsed.data.email, name: parsed.data.name } };
    }
    throw error;
  }
  redirect('/login?setup=1');
}
