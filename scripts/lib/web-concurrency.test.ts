import { describe, expect, it } from 'vitest';
import { heapLimitMb, SERVER_NATIVE_MB, webConcurrency } from './web-concurrency';

const GIB = 1024;

describe('the number of server processes npm start runs', () => {
  it('is one per core when memory allows, each keeping its own heap limit', () => {
    expect(webConcurrency({}, 2, 24 * GIB, 256).workers).toBe(2);
    expect(webConcurrency({}, 64, 256 * GIB, 256).workers).toBe(64);
  });

  it('is capped by memory: half of it at the heap limit plus native memory per process', () => {
    // 64 cores, 24 GiB: 12 GiB / (256 + 150) MB = 30 processes, not 64.
    const capped = webConcurrency({}, 64, 24 * GIB, 256);
    expect(capped.workers).toBe(Math.floor((12 * GIB) / (256 + SERVER_NATIVE_MB)));
    expect(capped.workers).toBe(30);
    expect(capped.why).toContain('memory');
    // A small machine still runs one.
    expect(webConcurrency({}, 2, 512, 256).workers).toBe(1);
    // Node's own heap default (TRACKER_SERVER_HEAP_MB=0) is counted as 2 GB.
    expect(webConcurrency({}, 8, 16 * GIB, null).workers).toBe(3);
  });

  it('is WEB_CONCURRENCY when set, whatever the machine', () => {
    expect(webConcurrency({ WEB_CONCURRENCY: '1' }, 64, 256 * GIB, 256)).toEqual({ workers: 1, why: 'WEB_CONCURRENCY' });
    expect(webConcurrency({ WEB_CONCURRENCY: ' 6 ' }, 2, 4 * GIB, 256).workers).toBe(6);
  });

  it('refuses a WEB_CONCURRENCY that is not a whole number of at least 1, saying what is expected', () => {
    for (const value of ['0', '-2', '1.5', 'many']) {
      expect(() => webConcurrency({ WEB_CONCURRENCY: value }, 2, 4 * GIB, 256)).toThrow(
        `WEB_CONCURRENCY must be a whole number of server processes, at least 1; it is "${value}".`,
      );
    }
  });

  it('reads the heap limit from Node flags', () => {
    expect(heapLimitMb(['--max-old-space-size=256'])).toBe(256);
    expect(heapLimitMb([])).toBeNull();
  });
});
