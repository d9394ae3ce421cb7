import type { Db } from '@/lib/db';
import { ConflictError, InvalidInputError } from '@/lib/errors';
import { limitPublicAction } from '@/lib/auth/public-action-limit';
import type { FirstAdminInput } from '@/lib/validations/user';
import type { UserSummary } from './create-user';
import { createFirstAdmin, needsFirstAdmin } from './first-run';
import { checkSetupCode, removeSetupCode, setupCodeFile } from './setup-code';

export const WRONG_SETUP_CODE = 'The setup code is not right. It is printed in the server’s console and kept in its data directory.';

/**
 * The public setup form's work, cheapest checks first: the address's attempt limit, whether setup
 * is still open, the setup code; only then is the password hashed and the administrator created.
 */
export async function setUpFirstAdmin(db: Db, input: FirstAdminInput, address: string, codeFile = setupCodeFile()): Promise<UserSummary> {
  await limitPublicAction(db, 'setup', address);
  if (!(await needsFirstAdmin(db))) throw new ConflictError('setup_done', 'The first administrator already exists. Sign in instead.');
  if (!checkSetupCode(input.setupCode, codeFile)) {
    throw new InvalidInputError('wrong_setup_code', WRONG_SETUP_CODE, { setupCode: [WRONG_SETUP_CODE] });
  }
  const admin = await createFirstAdmin(db, input);
  removeSetupCode(codeFile);
  return admin;
}
