// The production server processes alone, on a database and a build that are ready: what npm start
// runs after it has built and prepared (scripts/start.ts). The benchmark serves through it when
// WEB_CONCURRENCY is set. Arguments go to `next start` (-p PORT, -H HOST).
import { serveProduction } from './lib/server-cluster';

try {
  serveProduction(process.cwd(), process.argv.slice(2), process.env);
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exit(1);
}
