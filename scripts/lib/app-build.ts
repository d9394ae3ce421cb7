// The app's production build in .next/, made only when the source changed since the last one:
// shared by `npm start` and `npm run build` (which `npm test` runs once, so the benchmark smoke test
// and the e2e server serve the same build instead of making one each).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildIsCurrent, recordBuild } from './build-fingerprint';

/** The Next.js command line, run with this Node: `node <nextBin> build|start|dev`. */
export function nextBin(root: string): string {
  return path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
}

/** Builds .next/ unless it is current; false when `next build` failed (its output went to the console). */
export function ensureAppBuild(root: string, env: NodeJS.ProcessEnv): boolean {
  if (buildIsCurrent(root)) {
    console.log('The production bundle in .next/ is current.');
    return true;
  }
  console.log('Building the production bundle (first start or changed source; takes a minute)...');
  const build = spawnSync(process.execPath, [nextBin(root), 'build'], {
    stdio: 'inherit',
    env: { ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) return false;
  recordBuild(root);
  return true;
}
