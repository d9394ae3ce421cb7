import { TextField } from '@/components/ui/field';
import type { FieldErrors } from '@/lib/api/errors';
import { PASSWORD_MIN_LENGTH } from '@/lib/validations/user';

/** A new password and its repetition, as every form that sets one asks for them (limits from the schema). */
export function NewPasswordFields({
  errors,
  labels = { password: 'New password', again: 'New password again' },
}: {
  errors?: FieldErrors;
  labels?: { password: string; again: string };
}) {
  return (
    <>
      <TextField
        name="password"
        label={labels.password}
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        errors={errors?.password}
        required
      />
      <TextField name="confirmPassword" label={labels.again} type="password" autoComplete="new-password" errors={errors?.confirmPassword} required />
    </>
  );
}
