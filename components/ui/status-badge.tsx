import { STATUS_LABEL, type Status } from '@/lib/status/status';

/** A status as text with a coloured marker: colour is never the only carrier of meaning. */
export function StatusBadge({ status }: { status: Status }) {
  const color = `var(--status-${status.toLowerCase().replace(/_/g, '-')})`;
  return (
    <span
      className="inline-flex items-center gap-1.5 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium"
      style={{ borderColor: color, color }}
    >
      <span aria-hidden="true" className="inline-block h-2 w-2 rounded-full" style={{ background: color }} />
      {STATUS_LABEL[status]}
    </span>
  );
}
