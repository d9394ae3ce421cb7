import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// The e2e suite runs the production build on its own throw-away SQLite database (e2e/.tmp),
// never data/. Playwright never downloads a browser here: the system Chromium is used when present.
const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://localhost:${PORT}`;
const systemChromium = '/usr/bin/chromium';

export const E2E_ENV = {
  DATABASE_URL: 'file:./e2e/.tmp/e2e.db',
  PORT: String(PORT),
  NEXTAUTH_URL: BASE_URL,
  NEXTAUTH_SECRET: 'e2e-only-secret-not-for-production-0123456789abcdef',
  PASSWORD_HASH_COST: '10',
  SIGNIN_MAX_FAILURES_PER_ACCOUNT: '5',
  SIGNIN_MAX_FAILURES_PER_ADDRESS: '1000',
  // The setup code npm start writes for /setup (e2e/global.setup.ts reads it), away from data/.
  SETUP_CODE_FILE: 'e2e/.tmp/setup-code',
  // One server process, as before npm start used every core: a display-settings change reaches the
  // other processes only within 10 s (README, "Display settings"), which a spec reading it back at once
  // through another connection would race. The several-process server is tested in scripts/reliability/.
  WEB_CONCURRENCY: '1',
};

/** Everything the e2e server writes (standard output and error): e2e/logs.spec.ts searches it. */
export const SERVER_LOG = 'e2e/.tmp/server.log';

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  // Two workers: every spec works on its own users and recommendations, so they can run side by side.
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    launchOptions: existsSync(systemChromium)
      ? {
          executablePath: systemChromium,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        }
      : {},
  },
  projects: [
    { name: 'setup', testMatch: /global\.setup\.ts/ },
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, dependencies: ['setup'], testIgnore: [/global\.setup\.ts/, /\.global-settings\.spec\.ts/] },
    // Specs that change settings every page shows (the display locale and time zone) run after
    // all the others, so no test elsewhere sees dates change under it.
    { name: 'global-settings', use: { ...devices['Desktop Chrome'] }, dependencies: ['chromium'], testMatch: /\.global-settings\.spec\.ts/ },
  ],
  // The server's output goes to SERVER_LOG (a line per request would bury the test report); read it
  // there when the server does not start.
  webServer: {
    command: `rm -rf e2e/.tmp && mkdir -p e2e/.tmp && node --import tsx scripts/start.ts > ${SERVER_LOG} 2>&1`,
    url: `${BASE_URL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: E2E_ENV,
  },
});
