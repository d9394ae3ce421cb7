import { describe, expect, it } from 'vitest';
import { RestartBackoff, serverNodeOptions } from './server-cluster';

describe('restarting a server process that died', () => {
  it('restarts at once after a process that had served a while', () => {
    expect(new RestartBackoff().pauseAfter(60_000)).toBe(0);
  });

  it('pauses longer after each young death in a row, up to 30 s, so a crash loop does not spin', () => {
    const backoff = new RestartBackoff();
    const pauses = Array.from({ length: 9 }, () => backoff.pauseAfter(1_000));
    expect(pauses).toEqual([500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    // One that lived long enough starts the count again.
    expect(backoff.pauseAfter(45_000)).toBe(0);
    expect(backoff.pauseAfter(10)).toBe(500);
  });
});

describe("the server processes' NODE_OPTIONS", () => {
  it('preload the peer address, the request log and the graceful shutdown after what was there', () => {
    const options = serverNodeOptions('/srv/tracker', '--enable-source-maps');
    expect(options).toBe(
      '--enable-source-maps --import="file:///srv/tracker/scripts/lib/peer-address.mjs" --import="file:///srv/tracker/scripts/lib/request-log.mjs" --import="file:///srv/tracker/scripts/lib/graceful-shutdown.mjs"',
    );
    expect(serverNodeOptions('/srv/tracker', undefined, ['peer-address.mjs'])).toBe('--import="file:///srv/tracker/scripts/lib/peer-address.mjs"');
  });
});
