'use client';

import { useActionState, type FormEvent } from 'react';
import { revokeApiTokenAction } from '@/app/(app)/account/actions';
import { Button } from '@/components/ui/button';
import { useToastedAction } from '@/components/ui/action-toast';
import { FormMessage } from '@/components/ui/form-message';
import type { ActionState } from '@/lib/auth/action';

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  // Once revoked, the row shows "Revoked" instead of this button: the action itself shows the toast.
  const revoke = useToastedAction(revokeApiTokenAction, { successTitle: 'Revoked' });
  const [state, action, pending] = useActionState<ActionState, FormData>(revoke, {});

  function confirmRevoke(event: FormEvent<HTMLFormElement>) {
    if (!window.confirm(`Revoke the token "${name}"? Anything using it stops working at once.`)) event.preventDefault();
  }

  return (
    <form action={action} onSubmit={confirmRevoke} className="space-y-2">
      <input type="hidden" name="tokenId" value={tokenId} />
      <Button type="submit" variant="danger" disabled={pending}>
        Revoke<span className="sr-only"> token {name}</span>
      </Button>
      <FormMessage state={state} announced />
    </form>
  );
}
