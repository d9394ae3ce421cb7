import { describe, expect, it } from 'vitest';
import { onlyDistDirAdded } from './build';
import { allocate } from './generate';
import { Histogram } from './histogram';
import { Random } from './random';

describe('benchmark parts', () => {
  it('random: the same seed gives the same sequence, another seed another one', () => {
    const draw = (seed: string) => {
      const random = new Random(seed);
      return [random.cuid(), random.int(1, 1000), random.next()];
    };
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
    expect(new Random('a').cuid()).toMatch(/^c[0-9a-z]{24}$/);
  });

  it('allocate: shares the exact total by weight, each share within its cap', () => {
    const shares = allocate(1_000, [1, 2, 3, 4], [1_000, 1_000, 1_000, 100]);
    expect(shares.reduce((sum, share) => sum + share, 0)).toBe(1_000);
    expect(shares[3]).toBe(100);
    expect(shares[0]! < shares[1]! && shares[1]! < shares[2]!).toBe(true);
    expect(() => allocate(10, [1, 1], [3, 3])).toThrow(/caps allow only 6/);
  });

  it('histogram: percentiles within 1% of the exact ones, and it survives a round trip', () => {
    const histogram = new Histogram();
    for (let ms = 1; ms <= 1_000; ms += 1) histogram.record(ms);
    const copy = Histogram.from(JSON.parse(JSON.stringify(histogram.toJSON())));
    for (const [p, exact] of [[50, 500], [95, 950], [99, 990]] as const) {
      expect(Math.abs(copy.percentile(p) - exact) / exact).toBeLessThanOrEqual(0.01);
    }
    expect(copy.count).toBe(1_000);
    expect(copy.max).toBe(1_000);
  });

  it('build: tsconfig.json is put back only when next build did nothing but add the bench dist dir', () => {
    const before = JSON.stringify({ compilerOptions: { strict: true }, include: ['**/*.ts', '.next/types/**/*.ts'] });
    const byBuild = JSON.stringify({ compilerOptions: { strict: true }, include: ['**/*.ts', '.next/types/**/*.ts', '.next-bench/types/**/*.ts'] }, null, 2);
    const bySomeone = JSON.stringify({ compilerOptions: { strict: false }, include: ['**/*.ts', '.next/types/**/*.ts', '.next-bench/types/**/*.ts'] });
    expect(onlyDistDirAdded('tsconfig.json', before, byBuild, '.next-bench')).toBe(true);
    expect(onlyDistDirAdded('tsconfig.json', before, bySomeone, '.next-bench')).toBe(false);
    expect(onlyDistDirAdded('next-env.d.ts', 'import "./.next/types/routes.d.ts";', 'import "./.next-bench/types/routes.d.ts";', '.next-bench')).toBe(true);
  });
});
