import Link from 'next/link';
import { formatNumber } from '@/lib/format';
import { SEMINAR_CHOICES } from '@/lib/seminars/list-seminar-options';

/** Under a seminar filter that offers only the most recent seminars (listSeminarChoices): where the others are. */
export function OlderSeminarsNote({ total }: { total: number }) {
  if (total <= SEMINAR_CHOICES) return null;
  return (
    <p className="pt-2 text-sm text-muted">
      The {formatNumber(SEMINAR_CHOICES)} most recent of {formatNumber(total)} seminars. To filter by an older one, open it from the{' '}
      <Link href="/seminars">seminars page</Link>.
    </p>
  );
}
