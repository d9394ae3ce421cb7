'use server';

import { redirect } from 'next/navigation';
import { db } from '@/lib/db';
import { ApiError } from '@/lib/api/errors';
import type { ActionState } from '@/lib/auth/action';
import { createFirstAdmin } from '@/lib/users/first-run';
import { firstAdminSchema } from '@/lib/validations/user';
import { fieldErrors, formDataToObject } from '@/lib/validations/form-data';

// Public by design: it works only while no user exists (checked again inside the transaction).
export async function createFirstAdminAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const raw = formDataToObject(formData);
  const parsed = firstAdminSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      code: 'invalid',
      message: 'Check the highlighted fields.',
      errors: fieldErrors(parsed.error),
      values: { email: typeof raw.email === 'string' ? raw.email : '', name: typeof raw.name === 'string' ? raw.name : '' },
    };
  }
  try {
    await createFirstAdmin(db, parsed.data);
  } catch (error) {
    if (error instanceof ApiError) return { code: error.code, message: error.message };
    throw error;
  }
  redirect('/login?setup=1');
}
