import './no-eval-in-browser';
import { z } from 'zod';
import { ROLES } from '@/lib/auth/roles';

export const emailSchema = z
  .string({ error: 'Enter an email address.' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter an email address.')
  .max(254, 'Email addresses are at most 254 characters.')
  .pipe(z.email({ error: 'Enter a valid email address, like name@example.org.' }));

/** bcrypt reads only the first 72 bytes of a password; a longer one would silently count only that much. */
export const PASSWORD_MAX_BYTES = 72;
export const passwordBytes = (password: string) => new TextEncoder().encode(password).length;

/** The shortest password accepted (the forms' hint too). */
export const PASSWORD_MIN_LENGTH = 12;

export const passwordSchema = z
  .string({ error: 'Enter a password.' })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_BYTES, `Use at most ${PASSWORD_MAX_BYTES} characters.`)
  .refine((password) => passwordBytes(password) <= PASSWORD_MAX_BYTES, {
    message: `Use at most ${PASSWORD_MAX_BYTES} bytes: fewer characters if they include accented letters or other scripts.`,
  });

export const nameSchema = z.string({ error: 'Enter a name.' }).trim().min(1, 'Enter a name.').max(120, 'Use at most 120 characters.');

export const roleSchema = z.enum(ROLES, { error: 'Choose a role: viewer, editor or admin.' });

export const createUserSchema = z.object({
  email: emailSchema,
  name: nameSchema,
  role: roleSchema,
  password: passwordSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

/** A new password typed twice. */
export const newPasswordFields = {
  password: passwordSchema,
  confirmPassword: z.string({ error: 'Type the password again.' }),
};

export function passwordsMatch<T extends { password: string; confirmPassword: string }>(schema: z.ZodType<T>) {
  return schema.refine((value) => value.password === value.confirmPassword, {
    message: 'The two passwords differ.',
    path: ['confirmPassword'],
  });
}

export const setupCodeSchema = z
  .string({ error: 'Enter the setup code.' })
  .trim()
  .min(1, 'Enter the setup code from the server’s console.')
  .max(64, 'Enter the setup code from the server’s console.');

export const firstAdminSchema = passwordsMatch(z.object({ setupCode: setupCodeSchema, email: emailSchema, name: nameSchema, ...newPasswordFields }));
export type FirstAdminInput = z.infer<typeof firstAdminSchema>;

export const signInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address.'),
  password: z.string().min(1, 'Enter your password.').max(1024, 'Enter your password.'),
});

// ---- Administering users (app/(app)/admin/users) and one's own account (app/(app)/account) ----

export const userIdSchema = z.string({ error: 'Choose a user.' }).trim().min(1, 'Choose a user.').max(64, 'Choose a user.');

/** A new user gets their first password through a one-time link (the default) or one the admin types. */
export const newUserSchema = z.discriminatedUnion(
  'passwordSetup',
  [
    z.object({ passwordSetup: z.literal('link'), email: emailSchema, name: nameSchema, role: roleSchema }),
    z.object({ passwordSetup: z.literal('password'), email: emailSchema, name: nameSchema, role: roleSchema, password: passwordSchema }),
  ],
  { error: 'Choose how they will get a password.' },
);
export type NewUserInput = z.infer<typeof newUserSchema>;

export const changeRoleSchema = z.object({ userId: userIdSchema, role: roleSchema });
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

export const setUserActiveSchema = z.object({
  userId: userIdSchema,
  active: z.stringbool({ error: 'Say whether the account should be active.' }),
});
export type SetUserActiveInput = z.infer<typeof setUserActiveSchema>;

export const resetPasswordSchema = z.object({ userId: userIdSchema });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

/** The secret part of /set-password/<token>; base64url, so anything else cannot be one. */
export const setPasswordTokenSchema = z.string({ error: 'This link is not valid.' }).regex(/^[A-Za-z0-9_-]{20,200}$/, 'This link is not valid.');

export const setPasswordSchema = passwordsMatch(z.object({ token: setPasswordTokenSchema, ...newPasswordFields }));
export type SetPasswordInput = z.infer<typeof setPasswordSchema>;

export const changeOwnPasswordSchema = passwordsMatch(
  z.object({ currentPassword: z.string({ error: 'Enter your current password.' }).min(1, 'Enter your current password.'), ...newPasswordFields }),
).refine((value) => value.password !== value.currentPassword, {
  message: 'Choose a password different from your current one.',
  path: ['password'],
});
export type ChangeOwnPasswordInput = z.infer<typeof changeOwnPasswordSchema>;
