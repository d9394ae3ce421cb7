import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '../../proxy';

describe('proxy: security headers', () => {
  it('over HTTPS (behind a TLS-terminating proxy) it adds Strict-Transport-Security; over plain HTTP it does not', async () => {
    const viaTls = await proxy(new NextRequest('http://tracker.internal/api/health', { headers: { 'x-forwarded-proto': 'https' } }));
    expect(viaTls.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
    const plain = await proxy(new NextRequest('http://localhost:3000/api/health'));
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });

  it('every response gets a fresh nonce in a CSP that allows no inline script and no framing', async () => {
    const first = (await proxy(new NextRequest('http://localhost:3000/login'))).headers.get('content-security-policy')!;
    const second = (await proxy(new NextRequest('http://localhost:3000/login'))).headers.get('content-security-policy')!;
    const nonce = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce(first)).toBeTruthy();
    expect(nonce(first)).not.toBe(nonce(second));
    expect(first).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(first).toContain("frame-ancestors 'none'");
  });

  it('sends an anonymous visitor of an app page to sign in, keeping where they were going', async () => {
    const response = await proxy(new NextRequest('http://localhost:3000/recommendations?q=energy'));
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe('http://localhost:3000/login?callbackUrl=%2Frecommendations%3Fq%3Denergy');
  });
});
