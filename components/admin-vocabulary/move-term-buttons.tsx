'use client';

import { useActionState } from 'react';
import { moveTermAction } from '@/app/(app)/admin/vocabulary/actions';
import { useActionToast } from '@/components/ui/action-toast';
import { FormMessage } from '@/components/ui/form-message';
import type { ActionState } from '@/lib/auth/action';
import type { TermKind } from '@/lib/validations/taxonomy';

type Props = { kind: TermKind; id: string; name: string; isFirst: boolean; isLast: boolean };

const BUTTON = 'inline-flex h-10 w-10 items-center justify-center rounded-md border border-border bg-surface hover:bg-surface-muted disabled:opacity-40';

/** Up and down buttons; each names the term it moves, for screen readers. */
export function MoveTermButtons({ kind, id, name, isFirst, isLast }: Props) {
  const [state, action, pending] = useActionState<ActionState, FormData>(moveTermAction, {});
  // Sighted users also see the row move; the toast names the term for everyone.
  useActionToast(state, { successMessage: (done) => `${name}: ${done.message}` });
  return (
    <div className="space-y-1">
      <form action={action} className="flex gap-1">
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="id" value={id} />
        <button type="submit" name="direction" value="up" className={BUTTON} disabled={pending || isFirst} aria-label={`Move ${name} up`}>
          <span aria-hidden="true">↑</span>
        </button>
        <button type="submit" name="direction" value="down" className={BUTTON} disabled={pending || isLast} aria-label={`Move ${name} down`}>
          <span aria-hidden="true">↓</span>
        </button>
      </form>
      <FormMessage state={state} announced />
    </div>
  );
}
