// Generates the Prisma client for both providers (runs on `npm install`).
// The Prisma CLI looks for its schema-engine binary before `generate` even though generate does
// not use it, and tries to download it when missing; that download cannot work offline, so point
// it at a placeholder file. Generation itself is offline (the query compiler is WebAssembly).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root, sqliteSchemaPath, postgresSchemaPath } from './lib/derive-postgres-schema.mjs';

const placeholder = path.join(root, 'node_modules/.cache/tracker/schema-engine-placeholder');
if (!existsSync(placeholder)) {
  mkdirSync(path.dirname(placeholder), { recursive: true });
  writeFileSync(placeholder, '');
}
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? placeholder,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
};
const cli = path.join(root, 'node_modules/prisma/build/index.js');
for (const schema of [sqliteSchemaPath, postgresSchemaPath]) {
  execFileSync(process.execPath, [cli, 'generate', '--schema', schema], { cwd: root, env, stdio: 'inherit' });
}
