import bcrypt from 'bcryptjs';

// bcrypt: slow and salted. Cost 12 by default (a few hundred ms per hash); never below 10.
const cost = () => Math.max(10, Number(process.env.PASSWORD_HASH_COST) || 12);

/** bcrypt's input limit: the schemas refuse longer new passwords (lib/validations/user.ts); this is the backstop. */
const MAX_BYTES = 72;

export function hashPassword(password: string): Promise<string> {
  if (Buffer.byteLength(password, 'utf8') > MAX_BYTES) {
    return Promise.reject(new Error(`A password must be at most ${MAX_BYTES} bytes for bcrypt; longer ones are refused, not truncated.`));
  }
  return bcrypt.hash(password, cost());
}

// Verification still compares longer input the way bcrypt always has (its first 72 bytes), so a
// password chosen before the limit keeps working.
export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// Compared against when the email is unknown, so a wrong email costs as long as a wrong password.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= bcrypt.hash('no-such-user-password', cost());
  await bcrypt.compare(password, await dummyHash);
}
