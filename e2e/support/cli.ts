import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { E2E_ENV } from '../../playwright.config';

/** Runs the tracker CLI against the e2e database, as an operator would. */
export function tracker(args: string[], input?: string): string {
  return execFileSync(process.execPath, ['bin/tracker.mjs', ...args], {
    // The command's log lines (standard error) would only clutter the test report.
    env: { ...process.env, ...E2E_ENV, LOG_LEVEL: 'warn' },
    input: input ?? '',
    encoding: 'utf8',
  });
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}@e2e.test`;
}

/** Creates a user through the CLI with a known password. */
export function addUser(
  role: 'admin' | 'editor' | 'viewer',
  email = uniqueEmail(role),
  password = 'a long enough password',
): { email: string; password: string } {
  tracker(['user', 'add', '--email', email, '--name', `Test ${role}`, '--role', role], password);
  return { email, password };
}
