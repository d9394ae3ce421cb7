/**
 * The client's address as the app sees it: the first X-Forwarded-For entry (set by a reverse
 * proxy in front of the app, or by Next's own server), else X-Real-IP.
 */
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined>): string {
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const forwarded = get('x-forwarded-for')?.split(',')[0]?.trim();
  return (forwarded || get('x-real-ip') || 'unknown').slice(0, 64);
}
