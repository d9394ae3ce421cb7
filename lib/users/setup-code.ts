// The one-time setup code. Until the first administrator exists, /setup would make whoever reaches
// the port an administrator; the code proves the visitor can also read the server's console or its
// data directory (as Jenkins' initialAdminPassword and Metabase's setup token do). npm start writes it
// to data/setup-code (mode 600) and prints it; it is deleted once the administrator exists.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** SETUP_CODE_FILE, else data/setup-code (the e2e server keeps its own, in e2e/.tmp). */
export const setupCodeFile = () => path.resolve(process.env.SETUP_CODE_FILE || path.join(process.cwd(), 'data', 'setup-code'));

// No 0/O or 1/I/L: the code is read off a console and typed.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Four groups of four characters: about 79 bits, far beyond guessing within the rate limit. */
export function newSetupCode(): string {
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''));
  return groups.join('-');
}

/** Case, spaces and dashes do not matter when it is typed. */
const normalise = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

function readCode(file: string): string | null {
  if (!existsSync(file)) return null;
  const stored = readFileSync(file, 'utf8').trim();
  return stored.length >= 16 ? stored : null;
}

/** The current code, made (and written, mode 600) if there is none. `created` says whether it is new. */
export function ensureSetupCode(file = setupCodeFile()): { code: string; created: boolean } {
  const stored = readCode(file);
  if (stored) return { code: stored, created: false };
  mkdirSync(path.dirname(file), { recursive: true });
  const code = newSetupCode();
  writeFileSync(file, code + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return { code, created: true };
}

/** Compared as SHA-256 digests in constant time; false when no code exists. */
export function checkSetupCode(given: string, file = setupCodeFile()): boolean {
  const stored = readCode(file);
  if (!stored) return false;
  const digest = (value: string) => createHash('sha256').update(normalise(value)).digest();
  return timingSafeEqual(digest(given), digest(stored));
}

export function removeSetupCode(file = setupCodeFile()): void {
  rmSync(file, { force: true });
}

/**
 * What npm start and the setup page print to the server's console. The code itself only when that
 * console is a terminal: output that is not (a service manager's journal, a container's log) is a
 * log, kept and shipped, and the code must never reach one; it then points to the file instead.
 */
export function setupCodeBanner(code: string, file = setupCodeFile(), terminal = Boolean(process.stdout.isTTY)): string {
  if (!terminal) {
    return `No administrator exists yet. To create one, open /setup and enter the setup code in ${file} (readable only by this server's user; deleted once the administrator exists).`;
  }
  return [
    '',
    '  No administrator exists yet. To create one, open /setup and enter this setup code:',
    '',
    `      ${code}`,
    '',
    `  (It is also in ${file}, readable only by this server's user, and is deleted once the administrator exists.)`,
    '',
  ].join('\n');
}
