// The app's and the command line's logger: pino, JSON lines (pretty in a terminal), LOG_LEVEL.
// The same instance the server preload uses (lib/log/logger-core.mjs), so lines written while a
// request is served carry its request id and user id.
import type { Logger } from 'pino';
import { createLogger, sharedLogger, setSharedLogger } from './logger-core.mjs';

export type { Logger };

/** This process's logger. Call it where you log (not at import), so the command line can choose standard error first. */
export function log(): Logger {
  return sharedLogger();
}

/**
 * The command line writes its output to standard output; its log lines go to standard error. They
 * are for when that output is collected (cron, a service): at a terminal, where a person reads the
 * command's own messages, only warnings and errors are logged unless LOG_LEVEL says otherwise.
 */
export function logToStandardError(): void {
  setSharedLogger(createLogger({ fd: 2, level: process.env.LOG_LEVEL || (process.stderr.isTTY ? 'warn' : undefined) }));
}
