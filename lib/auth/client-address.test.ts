import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { clientAddress, PEER_ADDRESS_HEADER, trustedProxyHops } from './client-address';

const PEER = PEER_ADDRESS_HEADER;

describe('clientAddress: the address the per-address sign-in limit counts', () => {
  it('by default (no trusted proxy) takes the connection’s address and ignores a client’s X-Forwarded-For and X-Real-IP', () => {
    const spoofed = new Headers({ [PEER]: '203.0.113.7', 'x-forwarded-for': '198.51.100.1', 'x-real-ip': '198.51.100.2' });
    expect(clientAddress(spoofed, 0)).toBe('203.0.113.7');
    expect(clientAddress({ [PEER]: '203.0.113.7', 'x-forwarded-for': '198.51.100.1, 198.51.100.9' }, 0)).toBe('203.0.113.7');
  });

  it('every spoofed X-Forwarded-For from one connection counts as that one address', () => {
    const seen = new Set(Array.from({ length: 20 }, (_, i) => clientAddress(new Headers({ [PEER]: '203.0.113.7', 'x-forwarded-for': `10.0.0.${i}` }), 0)));
    expect([...seen]).toEqual(['203.0.113.7']);
  });

  it('behind one proxy takes the entry the proxy appended, not what the client wrote before it', () => {
    const headers = new Headers({ [PEER]: '10.1.1.1', 'x-forwarded-for': '198.51.100.1, 203.0.113.7' });
    expect(clientAddress(headers, 1)).toBe('203.0.113.7');
    expect(clientAddress(new Headers({ [PEER]: '10.1.1.2', 'x-forwarded-for': '203.0.113.7' }), 1)).toBe('203.0.113.7');
  });

  it('behind two proxies counts two hops from the right', () => {
    const headers = new Headers({ [PEER]: '10.1.1.2', 'x-forwarded-for': 'forged, 203.0.113.7, 10.1.1.1' });
    expect(clientAddress(headers, 2)).toBe('203.0.113.7');
  });

  it('without the recorded connection address, all clients share one address rather than trusting a header', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '198.51.100.1' }), 0)).toBe('unknown');
  });

  it('TRUSTED_PROXY_HOPS: 0 when unset; a whole number from 0 to 10; anything else is refused', () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: '2' })).toBe(2);
    expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: 'yes' })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: '-1' })).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});

describe('scripts/lib/peer-address.mjs: the header npm start’s server records', () => {
  it('holds the connection’s address, whatever the client sent under that name', async () => {
    const preload = (await import('../../scripts/lib/peer-address.mjs')) as { PEER_ADDRESS_HEADER: string };
    expect(preload.PEER_ADDRESS_HEADER).toBe(PEER_ADDRESS_HEADER);
    const server = http.createServer((request, response) => response.end(clientAddress(request.headers, 0)));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER]: '198.51.100.1', 'x-forwarded-for': '198.51.100.2' } });
      expect(await response.text()).toBe('127.0.0.1');
    } finally {
      server.close();
    }
  });
});
