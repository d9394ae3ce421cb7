// CI's dependency audit (.ci/run): `npm audit --omit=dev --json | tsx scripts/audit-gate.ts`.
// Exits 1 when a production dependency has a high or critical advisory (see scripts/lib/audit-gate.ts).
import { readFileSync } from 'node:fs';
import { judgeAudit } from './lib/audit-gate';

const verdict = judgeAudit(readFileSync(0, 'utf8'), { required: process.env.AUDIT_REQUIRED === '1' });
(verdict.ok ? console.log : console.error)(verdict.message);
process.exit(verdict.ok ? 0 : 1);
