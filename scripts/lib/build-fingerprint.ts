// Decides whether a production build is older than the source, so `npm start` and `npm run build`
// rebuild after a `git pull` but not on every start, and the benchmark can serve a current build.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The app's own build (`npm start`, `npm run build`, the e2e server). */
export const APP_DIST_DIR = '.next';
const INPUTS = ['app', 'components', 'lib', 'public', 'next.config.js', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json', 'proxy.ts'];
const FINGERPRINT_FILE = 'tracker-source-fingerprint';

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

export function hasBuild(root: string, distDir = APP_DIST_DIR): boolean {
  return existsSync(path.join(root, distDir, 'BUILD_ID'));
}

/** A finished build in `distDir` made from the source as it is now. */
export function buildIsCurrent(root: string, distDir = APP_DIST_DIR): boolean {
  const file = path.join(root, distDir, FINGERPRINT_FILE);
  return hasBuild(root, distDir) && existsSync(file) && readFileSync(file, 'utf8') === sourceFingerprint(root);
}

export function recordBuild(root: string, distDir = APP_DIST_DIR): void {
  writeFileSync(path.join(root, distDir, FINGERPRINT_FILE), sourceFingerprint(root));
}
