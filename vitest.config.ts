import { defineConfig } from 'vitest/config';
import { SlowFirstSequencer } from './lib/test/slow-first-sequencer.ts';

const BENCH_SMOKE = 'scripts/bench/bench-smoke.test.ts';

// Log lines (lib/log) would bury the test report: silent in the workers and in the global setup
// (which migrates the test databases) alike. `LOG_LEVEL=info npx vitest ...` shows them.
process.env.LOG_LEVEL ??= 'silent';

// Three projects run by `npm run test:unit` (in npm test): `unit` needs nothing; `db` runs against real
// throw-away databases (SQLite by default, PostgreSQL when TEST_DATABASE_URL is a postgresql:// URL),
// one per worker (lib/test/db-global-setup.ts); `bench` is the benchmark's smoke run, which serves a
// production build and loads it for about a minute (`npm run test:bench` alone). The fourth,
// `reliability`, is the long suites (crash, load, ...) against a production server, on SQLite and
// PostgreSQL: only `npm run test:reliability` runs it, and CI runs that after npm test.
//
// Three workers on two cores: many files mostly wait (on a database, or the benchmark smoke test on
// its server), and vitest's default here (cores - 1) ran every file one after another.
export default defineConfig({
  resolve: { alias: { '@': import.meta.dirname, 'server-only': `${import.meta.dirname}/lib/test/stubs/server-only.ts` } },
  test: {
    maxWorkers: 3,
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts', 'components/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/*.reliability.test.ts', BENCH_SMOKE, 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: ['lib/**/*.db.test.ts', 'scripts/**/*.db.test.ts'],
          environment: 'node',
          globalSetup: ['lib/test/db-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: { name: 'bench', include: [BENCH_SMOKE], environment: 'node' },
      },
      // `npm run test:reliability` only (npm test's test:unit names the three above): tests that start
      // the app as npm start does (several servers, signals, crashes) and take minutes.
      {
        extends: true,
        test: {
          name: 'reliability',
          include: ['scripts/reliability/**/*.reliability.test.ts'],
          environment: 'node',
          // One file at a time: each starts several server processes and judges timings (a shutdown
          // within 10 s), which two cores shared by three such files could not keep.
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 600_000,
          globalSetup: ['lib/test/db-global-setup.ts'],
        },
      },
    ],
  },
});
