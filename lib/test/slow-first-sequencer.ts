import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The test files that take longest start first: the benchmark's smoke test runs a server, a load
 * generator and Lighthouse for about a minute, mostly waiting, and every other file fits beside it.
 * Vitest's own order would start it last (it runs the `db` project's files before `unit`'s).
 */
export const SLOW_FIRST = ['scripts/bench/bench-smoke.test.ts'];

export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isSlow = (file: TestSpecification) => SLOW_FIRST.some((suffix) => file.moduleId.endsWith(suffix));
    return [...sorted.filter(isSlow), ...sorted.filter((file) => !isSlow(file))];
  }
}
