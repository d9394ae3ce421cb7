'use client';

import { useActionState, type FormEvent } from 'react';
import { revokeApiTokenAction } from '@/app/(app)/account/actions';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import type { ActionState } from '@/lib/auth/action';

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(revokeApiTokenAction, {});

  function confirmRevoke(event: FormEvent<HTMLFormElement>) {
    if (!window.confirm(`Revoke the token "${name}"? Anything using it stops working at once.`)) event.preventDefault();
  }

  return (
    <form action={action} onSubmit={confirmRevoke} className="space-y-2">
      <input type="hidden" name="tokenId" value={tokenId} />
      <Button type="submit" variant="danger" disabled={pending}>
        Revoke<span className="sr-only"> token {name}</span>
      </Button>
      {!state.ok && <FormMessage state={state} />}
    </form>
  );
}
