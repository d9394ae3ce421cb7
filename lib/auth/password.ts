import bcrypt from 'bcryptjs';

// bcrypt: slow and salted. Cost 12 by default (a few hundred ms per hash); never below 10.
const cost = () => Math.max(10, Number(process.env.PASSWORD_HASH_COST) || 12);

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, cost());
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// Compared against when the email is unknown, so a wrong email costs as long as a wrong password.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= bcrypt.hash('no-such-user-password', cost());
  await bcrypt.compare(password, await dummyHash);
}
