'use client';

import { useActionState, type FormEvent } from 'react';
import { changeRoleAction, resetPasswordAction, setUserActiveAction } from '@/app/(app)/admin/users/actions';
import { Button } from '@/components/ui/button';
import { useActionToast } from '@/components/ui/action-toast';
import { FormMessage } from '@/components/ui/form-message';
import { OneTimeSecret } from '@/components/ui/one-time-secret';
import type { ActionState } from '@/lib/auth/action';
import { ROLE_LABEL, ROLES, type Role } from '@/lib/auth/roles';

type Props = { user: { id: string; email: string; role: Role; active: boolean }; isSelf: boolean };

const ACTIONS = { role: changeRoleAction, active: setUserActiveAction, reset: resetPasswordAction } as const;

/** One user's row of controls. The three forms share one state, so the row shows the latest outcome. */
export function UserActions({ user, isSelf }: Props) {
  const [state, dispatch, pending] = useActionState<ActionState, FormData>(async (previous, formData) => {
    const intent = formData.get('intent') as keyof typeof ACTIONS;
    return ACTIONS[intent] ? ACTIONS[intent](previous, formData) : previous;
  }, {});
  useActionToast(state);
  const messageId = `user-${user.id}-message`;
  const roleId = `user-${user.id}-role`;

  function confirmReset(event: FormEvent<HTMLFormElement>) {
    const sure = window.confirm(`Reset ${user.email}'s password? Their current password stops working and they are signed out.`);
    if (!sure) event.preventDefault();
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <form action={dispatch} className="flex items-end gap-2">
          <input type="hidden" name="intent" value="role" />
          <input type="hidden" name="userId" value={user.id} />
          <label htmlFor={roleId} className="sr-only">
            Role for {user.email}
          </label>
          <select
            id={roleId}
            name="role"
            defaultValue={user.role}
            aria-describedby={messageId}
            className="min-h-10 rounded-md border border-border bg-surface px-2 py-2 text-sm"
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABEL[role]}
              </option>
            ))}
          </select>
          <Button type="submit" variant="secondary" disabled={pending}>
            Change role<span className="sr-only"> for {user.email}</span>
          </Button>
        </form>
        {!isSelf && (
          <form action={dispatch}>
            <input type="hidden" name="intent" value="active" />
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="active" value={user.active ? 'false' : 'true'} />
            <Button type="submit" variant={user.active ? 'danger' : 'secondary'} disabled={pending}>
              {user.active ? 'Deactivate' : 'Reactivate'}
              <span className="sr-only"> {user.email}</span>
            </Button>
          </form>
        )}
        {!isSelf && user.active && (
          <form action={dispatch} onSubmit={confirmReset}>
            <input type="hidden" name="intent" value="reset" />
            <input type="hidden" name="userId" value={user.id} />
            <Button type="submit" variant="secondary" disabled={pending}>
              Reset password<span className="sr-only"> for {user.email}</span>
            </Button>
          </form>
        )}
      </div>
      {isSelf && <p className="text-xs text-muted">This is you: change your own password on your account page.</p>}
      <div id={messageId}>
        <FormMessage state={state} announced />
      </div>
      {state.ok && state.secret && (
        <OneTimeSecret
          label={`Set-password link for ${user.email}`}
          value={state.secret}
          hint="Shown only now. Anyone with this link can set the password, so send it privately."
        />
      )}
    </div>
  );
}
