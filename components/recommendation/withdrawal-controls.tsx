'use client';

import { restoreAction, withdrawAction } from '@/app/(app)/recommendations/[code]/actions';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useActionToast } from '@/components/ui/action-toast';
import { FormMessage } from '@/components/ui/form-message';
import { useKeptForm } from '@/components/ui/use-kept-form';
import { REASON_MAX } from '@/lib/validations/recommendation';

/** Withdraws an item entered by mistake, with a reason. */
export function WithdrawForm({ recommendationId, version, code }: { recommendationId: string; version: number; code: string }) {
  const { state, action, pending, onSubmit } = useKeptForm(withdrawAction);
  useActionToast(state, { successTitle: 'Withdrawn' });
  return (
    <form action={action} onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Withdraw this recommendation">
      <FormMessage state={state} announced />
      <p className="text-sm text-muted">
        For an item entered by mistake. {code} then leaves the lists, counts, charts and reports, stays readable at this address, and can be restored. Nothing
        is deleted.
      </p>
      <input type="hidden" name="recommendationId" value={recommendationId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <TextField id="withdraw-reason" name="reason" label="Why it is withdrawn" maxLength={REASON_MAX} errors={state.errors?.reason} required />
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? 'Withdrawing…' : 'Withdraw'}
      </Button>
    </form>
  );
}

/** Brings a withdrawn item back. */
export function RestoreForm({ recommendationId, version }: { recommendationId: string; version: number }) {
  const { state, action, pending, onSubmit } = useKeptForm(restoreAction);
  useActionToast(state, { successTitle: 'Restored' });
  return (
    <form action={action} onSubmit={onSubmit} className="space-y-2" noValidate aria-label="Restore this recommendation">
      <FormMessage state={state} announced />
      <input type="hidden" name="recommendationId" value={recommendationId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Restoring…' : 'Restore'}
      </Button>
    </form>
  );
}
