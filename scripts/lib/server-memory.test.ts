import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_HEAP_MB, serverMemoryEnv, serverNodeArgs } from './server-memory';

describe('server memory settings', () => {
  it('heap: npm start and the benchmark run the server with the default limit unless told otherwise', () => {
    expect(serverNodeArgs({})).toEqual([`--max-old-space-size=${DEFAULT_SERVER_HEAP_MB}`]);
    expect(serverNodeArgs({ TRACKER_SERVER_HEAP_MB: ' 512 ' })).toEqual(['--max-old-space-size=512']);
    expect(serverNodeArgs({ TRACKER_SERVER_HEAP_MB: '0' })).toEqual([]);
  });

  it('heap: a value that is not a whole number of MB, or too small to serve anything, is refused with what is expected', () => {
    for (const value of ['abc', '12.5', '32', '-1']) {
      expect(() => serverNodeArgs({ TRACKER_SERVER_HEAP_MB: value })).toThrow(
        `TRACKER_SERVER_HEAP_MB must be a whole number of MB, at least 64 (or 0 for Node's default); it is "${value}".`,
      );
    }
  });

  it('malloc: the server gets two malloc arenas unless MALLOC_ARENA_MAX says otherwise', () => {
    expect(serverMemoryEnv({})).toEqual({ MALLOC_ARENA_MAX: '2' });
    expect(serverMemoryEnv({ MALLOC_ARENA_MAX: ' ' })).toEqual({ MALLOC_ARENA_MAX: '2' });
    expect(serverMemoryEnv({ MALLOC_ARENA_MAX: '8' })).toEqual({ MALLOC_ARENA_MAX: '8' });
  });
});
