// Decides whether the production build in .next/ is older than the source, so `npm start`
// rebuilds after a `git pull` but not on every start.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const INPUTS = ['app', 'components', 'lib', 'public', 'next.config.js', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json', 'proxy.ts'];
const FINGERPRINT_FILE = path.join('.next', 'tracker-source-fingerprint');

function walk(entry: string, out: string[]) {
  if (!existsSync(entry)) return;
  const stat = statSync(entry);
  if (stat.isDirectory()) {
    for (const child of readdirSync(entry).sort()) {
      if (child === 'node_modules' || child.endsWith('.test.ts')) continue;
      walk(path.join(entry, child), out);
    }
  } else {
    out.push(`${entry}:${stat.size}:${stat.mtimeMs}`);
  }
}

export function sourceFingerprint(root: string): string {
  const lines: string[] = [];
  for (const input of INPUTS) walk(path.join(root, input), lines);
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

export function buildIsCurrent(root: string): boolean {
  const file = path.join(root, FINGERPRINT_FILE);
  return (
    existsSync(path.join(root, '.next', 'BUILD_ID')) &&
    existsSync(file) &&
    readFileSync(file, 'utf8') === sourceFingerprint(root)
  );
}

export function recordBuild(root: string): void {
  writeFileSync(path.join(root, FINGERPRINT_FILE), sourceFingerprint(root));
}
