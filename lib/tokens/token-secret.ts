import { createHash, randomBytes } from 'node:crypto';

/** Tokens read "trk_" + 40 random characters; only their SHA-256 is stored. */
export const TOKEN_PREFIX = 'trk_';

export function newTokenSecret(): { token: string; prefix: string; hash: string } {
  const token = TOKEN_PREFIX + randomBytes(30).toString('base64url');
  return { token, prefix: token.slice(0, 10), hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
