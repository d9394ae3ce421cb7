import Link from 'next/link';
import type { ImportDraftStatus, ImportDraftSummary } from '@/lib/import/draft-types';
import { formatDateTime, formatNumber } from '@/lib/format';

const STATUS_LABEL: Record<ImportDraftStatus, string> = { DRAFT: 'Draft', CONFIRMED: 'Confirmed', DISCARDED: 'Discarded' };

/** The Imports page's list: what each draft is, who started it and when, and a way back into it. */
export function DraftsTable({ drafts }: { drafts: ImportDraftSummary[] }) {
  return (
    <div role="region" aria-labelledby="drafts-caption" tabIndex={0} className="overflow-x-auto rounded-lg border border-border bg-surface">
      <table className="w-full text-left text-sm">
        <caption id="drafts-caption" className="sr-only">
          Report imports
        </caption>
        <thead className="border-b border-border bg-surface-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">
              Report
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Started by
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Started
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Last saved
            </th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">
              Items
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {drafts.map((draft) => (
            <tr key={draft.id} className="border-b border-border last:border-b-0">
              <th scope="row" className="px-3 py-2 font-normal">
                <Link href={`/imports/${encodeURIComponent(draft.id)}`} className="font-medium">
                  {draft.title || draft.sourceFileName || 'Untitled report'}
                </Link>
                {draft.status === 'DRAFT' && <span className="sr-only"> (resume the review)</span>}
                {draft.sourceFileName && draft.title && <span className="block text-xs text-muted">{draft.sourceFileName}</span>}
              </th>
              <td className="px-3 py-2">{draft.createdBy.name}</td>
              <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(new Date(draft.createdAt))}</td>
              <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(new Date(draft.updatedAt))}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatNumber(draft.itemCount)}</td>
              <td className="px-3 py-2">{STATUS_LABEL[draft.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
