import { describe, expect, it } from 'vitest';
import { versionedCache } from './versioned-cache';

function counter() {
  let calls = 0;
  return {
    compute: (value: string) => async () => {
      calls += 1;
      return value;
    },
    get calls() {
      return calls;
    },
  };
}

describe('versioned cache', () => {
  it('serves a result while the data version is unchanged and recomputes when it moves', async () => {
    const cache = versionedCache<string>(4);
    const c = counter();
    expect(await cache.get('k', 'v1', c.compute('first'))).toBe('first');
    expect(await cache.get('k', 'v1', c.compute('ignored'))).toBe('first');
    expect(c.calls).toBe(1);
    expect(await cache.get('k', 'v2', c.compute('second'))).toBe('second');
    expect(c.calls).toBe(2);
    // Back to an older version (e.g. another server's clock of changes): recomputed, never mixed up.
    expect(await cache.get('k', 'v1', c.compute('third'))).toBe('third');
  });

  it('keeps keys apart', async () => {
    const cache = versionedCache<string>(4);
    const c = counter();
    await cache.get('a', 'v', c.compute('A'));
    expect(await cache.get('b', 'v', c.compute('B'))).toBe('B');
    expect(await cache.get('a', 'v', c.compute('x'))).toBe('A');
  });

  it('shares one computation between concurrent requests', async () => {
    const cache = versionedCache<string>(4);
    let release: (value: string) => void = () => undefined;
    let calls = 0;
    const slow = () => {
      calls += 1;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const first = cache.get('k', 'v', slow);
    const second = cache.get('k', 'v', slow);
    release('done');
    expect(await Promise.all([first, second])).toEqual(['done', 'done']);
    expect(calls).toBe(1);
  });

  it('does not keep a failed computation', async () => {
    const cache = versionedCache<string>(4);
    await expect(cache.get('k', 'v', async () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
    expect(cache.size).toBe(0);
    expect(await cache.get('k', 'v', async () => 'recovered')).toBe('recovered');
  });

  it('does not keep a result whose version moved while it was computed', async () => {
    const cache = versionedCache<string>(4);
    let version = 'v1';
    const during = async () => {
      version = 'v2'; // a write lands while the result is being read
      return 'mixed';
    };
    expect(await cache.get('k', 'v1', during, async () => version)).toBe('mixed');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(cache.size).toBe(0);

    expect(
      await cache.get(
        'k',
        'v2',
        async () => 'clean',
        async () => version,
      ),
    ).toBe('clean');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(cache.size).toBe(1);
    expect(
      await cache.get(
        'k',
        'v2',
        async () => 'recomputed',
        async () => version,
      ),
    ).toBe('clean');
  });

  it('drops the least recently used entry beyond its size', async () => {
    const cache = versionedCache<string>(2);
    const c = counter();
    await cache.get('a', 'v', c.compute('A'));
    await cache.get('b', 'v', c.compute('B'));
    await cache.get('a', 'v', c.compute('x')); // a is now the most recent
    await cache.get('c', 'v', c.compute('C')); // b goes
    expect(cache.size).toBe(2);
    expect(c.calls).toBe(3);
    expect(await cache.get('a', 'v', c.compute('x'))).toBe('A');
    expect(await cache.get('b', 'v', c.compute('B again'))).toBe('B again');
  });
});
