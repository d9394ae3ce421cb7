import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const SECRET_FILE = path.join(process.cwd(), 'data', 'auth-secret');

/**
 * The key that signs sessions: NEXTAUTH_SECRET when set; otherwise one generated on first start
 * and kept in data/auth-secret, so restarts do not sign everyone out. Several app servers behind
 * a load balancer must share NEXTAUTH_SECRET.
 */
export function ensureAuthSecret(file = SECRET_FILE): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
