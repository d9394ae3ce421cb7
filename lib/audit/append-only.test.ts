// The audit log and the status history are append-only, and tracked records are never hard-deleted
// (an item is withdrawn, evidence removed with deletedAt, a user deactivated). This reads the
// application's code (not the tests') for any statement that would break that, through Prisma or
// in raw SQL, so a new one fails here and has to be argued for.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['app', 'bin', 'lib', 'scripts'];
const SKIP = [/\.test\.ts$/, /^lib\/test\//, /^lib\/db\/generated\//, /^scripts\/bench\//];

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(full).isDirectory()) sourceFiles(full, out);
    else if (/\.(ts|tsx|mjs)$/.test(name) && !SKIP.some((pattern) => pattern.test(full))) out.push(full);
  }
  return out;
}

const RULES: { what: string; pattern: RegExp }[] = [
  { what: 'changes or deletes an audit row', pattern: /\.auditLog\.(update|updateMany|upsert|delete|deleteMany)\(/ },
  { what: 'changes or deletes a status history row', pattern: /\.statusChange\.(update|updateMany|upsert|delete|deleteMany)\(/ },
  {
    what: 'hard-deletes a tracked record',
    pattern: /\.(recommendation|evidenceNote|seminar|user|theme|sector|apiToken|recommendationTextRevision|recommendationLink)\.(delete|deleteMany)\(/,
  },
  { what: 'changes or deletes audit or history rows in SQL', pattern: /\b(UPDATE|DELETE\s+FROM)\s+"(AuditLog|StatusChange)"/i },
  {
    what: 'hard-deletes tracked records in SQL',
    pattern: /\bDELETE\s+FROM\s+"(Recommendation|EvidenceNote|Seminar|User|Theme|Sector|ApiToken|RecommendationTextRevision)"/i,
  },
];

describe('append-only records', () => {
  it('audit: no application code updates or deletes audit or history rows, or hard-deletes a tracked record', () => {
    const found: string[] = [];
    const files = ROOTS.flatMap((root) => sourceFiles(root));
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          for (const rule of RULES) if (rule.pattern.test(line)) found.push(`${file}:${index + 1} ${rule.what}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('audit: the check sees a violation when there is one', () => {
    const lines = [
      'await tx.auditLog.deleteMany({ where: {} });',
      'await tx.$executeRaw`UPDATE "StatusChange" SET note = \'\'`;',
      'await db.recommendation.delete({ where: { id } });',
    ];
    for (const line of lines)
      expect(
        RULES.some((rule) => rule.pattern.test(line)),
        line,
      ).toBe(true);
  });
});
