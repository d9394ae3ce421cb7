import { describe, expect, it } from 'vitest';
import { formatSummary, packageOf, summariseCpuProfile, type CpuProfile } from './cpu-profile-summary';

const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });

// root -> handler (app) -> render (next) -> gc; handler -> query (prisma)
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)', ''), children: [2] },
    { id: 2, callFrame: frame('listRecommendations', 'file:///app/.next/server/chunks/ssr/_abc._.js'), children: [3, 4] },
    { id: 3, callFrame: frame('render', 'file:///app/node_modules/next/dist/compiled/app-page.js'), children: [5] },
    { id: 4, callFrame: frame('query', 'file:///app/node_modules/@prisma/client/runtime/client.js') },
    { id: 5, callFrame: frame('(garbage collector)', '') },
  ],
  samples: [2, 3, 3, 4, 5],
  timeDeltas: [1000, 2000, 2000, 4000, 1000],
};

describe('CPU profile summary (npm run bench:profile)', () => {
  it('names the package of a frame, scoped packages included', () => {
    expect(packageOf(frame('f', 'file:///x/node_modules/@prisma/client/runtime/client.js'))).toBe('@prisma/client');
    expect(packageOf(frame('f', 'file:///x/node_modules/next/dist/server.js'))).toBe('next');
    expect(packageOf(frame('f', 'node:zlib'))).toBe('node:zlib');
    expect(packageOf(frame('f', 'file:///x/.next/server/chunks/ssr/_abc._.js'))).toBe('app (bundled)');
    expect(packageOf(frame('(garbage collector)', ''))).toBe('(garbage collector)');
  });

  it('adds up self time by package and function, and the app’s functions with what they call', () => {
    const summary = summariseCpuProfile(profile);
    expect(summary.totalMs).toBe(10);
    expect(summary.byPackage).toEqual([
      { name: 'next', ms: 4, percent: 40 },
      { name: '@prisma/client', ms: 4, percent: 40 },
      { name: 'app (bundled)', ms: 1, percent: 10 },
      { name: '(garbage collector)', ms: 1, percent: 10 },
    ]);
    expect(summary.selfTime[0]).toMatchObject({ ms: 4 });
    // Everything but the root's own samples ran under the app's handler.
    expect(summary.appInclusive).toEqual([{ name: 'listRecommendations chunks/ssr/_abc._.js:1', ms: 10, percent: 100 }]);
    expect(formatSummary(summary, 5)).toContain('2.00 ms a request');
  });
});
