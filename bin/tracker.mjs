#!/usr/bin/env node
// `npx tracker ...`: runs the TypeScript CLI (bin/cli.ts) through tsx.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

process.chdir(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
register({ tsconfig: './tsconfig.json' });
await import('./cli.ts');
