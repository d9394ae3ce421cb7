import { z } from 'zod';

export const tokenNameSchema = z
  .string({ error: 'Name the token.' })
  .trim()
  .min(1, 'Name the token, e.g. "Quarterly report script".')
  .max(80, 'Use at most 80 characters.');

/** What a token may do: "read" answers GET requests only; "write" whatever its user's role allows. */
export const TOKEN_SCOPES = ['read', 'write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const TOKEN_MAX_DAYS = 366;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Optional expiry: a calendar date (the token works through that day, UTC) or a moment (ISO 8601).
 * It must be in the future and at most TOKEN_MAX_DAYS ahead. Empty means no expiry.
 */
export const tokenExpirySchema = z
  .union([z.literal(''), z.iso.date(), z.iso.datetime({ offset: true })], { error: 'Give a date such as 2027-06-30, or leave it empty.' })
  .optional()
  .transform((value, ctx) => {
    if (!value) return undefined;
    const at = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(Date.parse(`${value}T00:00:00Z`) + DAY_MS) : new Date(value);
    if (at.getTime() <= Date.now()) {
      ctx.addIssue({ code: 'custom', message: 'Choose a date in the future.' });
      return z.NEVER;
    }
    if (at.getTime() > Date.now() + TOKEN_MAX_DAYS * DAY_MS) {
      ctx.addIssue({ code: 'custom', message: `Choose a date at most ${TOKEN_MAX_DAYS} days ahead.` });
      return z.NEVER;
    }
    return at;
  });

export const createApiTokenSchema = z.object({
  name: tokenNameSchema,
  scope: z.enum(TOKEN_SCOPES, { error: 'Choose read-only or read and write.' }).default('read'),
  expiresAt: tokenExpirySchema,
});
export type CreateApiTokenInput = { name: string; scope?: TokenScope; expiresAt?: Date };

export const revokeApiTokenSchema = z.object({
  tokenId: z.string({ error: 'Choose a token.' }).trim().min(1, 'Choose a token.').max(64, 'Choose a token.'),
});
export type RevokeApiTokenInput = z.infer<typeof revokeApiTokenSchema>;
