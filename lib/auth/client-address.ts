// The client's address, for the per-address sign-in limit and the audit log.
//
// The connection's own address is the only one a client cannot write. Next does not expose it,
// so npm start loads scripts/lib/peer-address.mjs into the server, which records it in
// PEER_ADDRESS_HEADER (overwriting any value a client sent). X-Forwarded-For is trusted only as far
// as TRUSTED_PROXY_HOPS says: each reverse proxy in front of the app appends the address it saw, so
// with N proxies the client's address is the Nth entry from the right of the chain
// "X-Forwarded-For entries, then the connection's address". Entries further left are the client's own
// writing and are never read.

export const PEER_ADDRESS_HEADER = 'x-tracker-peer-address';

/** Reverse proxies in front of the app (TRUSTED_PROXY_HOPS, default 0: none, the client connects directly). */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const raw = env.TRUSTED_PROXY_HOPS?.trim();
  if (!raw) return 0;
  const hops = Number(raw);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
    throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10 (the reverse proxies in front of the app); it is "${raw}".`);
  }
  return hops;
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

export function clientAddress(headers: HeaderSource, hops: number = trustedProxyHops()): string {
  // Without the recorded address (a server not started by npm start) every client shares one
  // address: the per-address limit is then coarse, but a client cannot step around it.
  const peer = header(headers, PEER_ADDRESS_HEADER)?.trim() || 'unknown';
  if (hops === 0) return peer.slice(0, 64);
  const forwarded = (header(headers, 'x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  // A shorter chain than expected means the request skipped a proxy; the leftmost is then the best there is.
  return (chain[Math.max(0, chain.length - 1 - hops)] ?? peer).slice(0, 64);
}
