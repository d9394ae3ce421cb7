import { formatDateTime } from '@/lib/format';
import type { ApiTokenListItem } from '@/lib/tokens/list-api-tokens';
import { RevokeTokenButton } from './revoke-token-button';

export function TokensTable({ tokens }: { tokens: ApiTokenListItem[] }) {
  if (tokens.length === 0) return <p className="text-muted">You have no API tokens.</p>;
  return (
    <div
      role="region"
      aria-label="Your API tokens (scrolls sideways on narrow screens)"
      tabIndex={0}
      className="relative overflow-x-auto rounded-lg border border-border bg-surface"
    >
      <table className="w-full min-w-[40rem] text-left text-sm">
        <caption className="p-3 text-left text-muted">Your API tokens. Only the first characters of each are kept, to recognise it.</caption>
        <thead className="border-b border-border bg-surface-muted">
          <tr>
            <th scope="col" className="p-3 font-medium">
              Name
            </th>
            <th scope="col" className="p-3 font-medium">
              Starts with
            </th>
            <th scope="col" className="p-3 font-medium">
              Access
            </th>
            <th scope="col" className="p-3 font-medium">
              Created
            </th>
            <th scope="col" className="p-3 font-medium">
              Last used
            </th>
            <th scope="col" className="p-3 font-medium">
              Status
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {tokens.map((token) => (
            <tr key={token.id} className="align-top">
              <th scope="row" className="p-3 font-medium break-words">
                {token.name}
              </th>
              <td className="p-3 font-mono">{token.prefix}…</td>
              <td className="p-3">{token.scope === 'write' ? 'Read and write' : 'Read only'}</td>
              <td className="p-3 whitespace-nowrap">{formatDateTime(token.createdAt)}</td>
              <td className="p-3 whitespace-nowrap">{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'}</td>
              <td className="p-3">
                {token.revokedAt ? (
                  <span className="text-muted">Revoked {formatDateTime(token.revokedAt)}</span>
                ) : token.expired && token.expiresAt ? (
                  <span className="text-muted">Expired {formatDateTime(token.expiresAt)}</span>
                ) : (
                  <div className="space-y-1">
                    {token.expiresAt && <p className="text-muted">Expires {formatDateTime(token.expiresAt)}</p>}
                    <RevokeTokenButton tokenId={token.id} name={token.name} />
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
