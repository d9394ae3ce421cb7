import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The last lines of every server log in `dir`, for a failed test's output (the directory is removed afterwards). */
export function serverLogTails(dir: string, lines = 60): string {
  if (!existsSync(dir)) return '';
  return readdirSync(dir)
    .filter((name) => name.endsWith('.log'))
    .map((name) => `--- ${name} (last ${lines} lines)\n${readFileSync(path.join(dir, name), 'utf8').split('\n').slice(-lines).join('\n')}`)
    .join('\n');
}
