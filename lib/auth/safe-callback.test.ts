import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './safe-callback';

describe('safeCallbackPath: where sign-in may send the browser', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    expect(safeCallbackPath('/recommendations?status=open#top')).toBe('/recommendations?status=open#top');
    expect(safeCallbackPath('/admin/users', 'https://tracker.example.org')).toBe('/admin/users');
  });

  it.each([
    ['a backslash, which a browser reads as a slash', '/\\evil.example'],
    ['a backslash after the slash, percent-decoded by the router', decodeURIComponent('/%5Cevil.example')],
    ['a protocol-relative address', '//evil.example'],
    ['a tab inside the double slash', '/\t/evil.example'],
    ['a newline', '/\n/evil.example'],
    ['an absolute address', 'https://evil.example/'],
    ['a javascript: address', 'javascript:alert(1)'],
    ['nothing', undefined],
    ['an empty string', ''],
  ])('refuses %s', (_what, raw) => {
    expect(safeCallbackPath(raw)).toBe('/');
    expect(safeCallbackPath(raw, 'https://tracker.example.org')).toBe('/');
  });
});
