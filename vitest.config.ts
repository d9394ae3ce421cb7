import { defineConfig } from 'vitest/config';
import path from 'node:path';

// Two projects: `unit` needs nothing; `db` runs against a real throw-away database
// (SQLite by default, PostgreSQL when TEST_DATABASE_URL is a postgresql:// URL).
export default defineConfig({
  resolve: { alias: { '@': import.meta.dirname, 'server-only': `${import.meta.dirname}/lib/test/stubs/server-only.ts` } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts', 'components/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', 'node_modules/**'],
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
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
