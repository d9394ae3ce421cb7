// npm run build: the production bundle in .next/, rebuilt only when the source changed since the
// last build (the same check `npm start` makes before serving).
import { ensureAppBuild } from './lib/app-build';

if (!ensureAppBuild(process.cwd(), process.env)) process.exit(1);
