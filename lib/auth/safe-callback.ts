// Where the browser goes after sign-in. Only a path on this site: a browser reads `/\host` and
// `/<tab>/host` as `//host` (another site), so backslashes and control characters are refused
// outright, and what is left must parse, against this site's origin, to that same origin.

const PLACEHOLDER_ORIGIN = 'http://tracker.invalid';

export function safeCallbackPath(raw: string | null | undefined, origin: string = PLACEHOLDER_ORIGIN): string {
  if (!raw || raw.length > 2048 || !raw.startsWith('/') || raw.startsWith('//')) return '/';
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return '/';
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return '/';
  }
  if (url.origin !== new URL(origin).origin) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
