import { z } from 'zod';

export const tokenNameSchema = z
  .string({ error: 'Name the token.' })
  .trim()
  .min(1, 'Name the token, e.g. "Quarterly report script".')
  .max(80, 'Use at most 80 characters.');

export const createApiTokenSchema = z.object({ name: tokenNameSchema });
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({
  tokenId: z.string({ error: 'Choose a token.' }).trim().min(1, 'Choose a token.').max(64, 'Choose a token.'),
});
export type RevokeApiTokenInput = z.infer<typeof revokeApiTokenSchema>;
