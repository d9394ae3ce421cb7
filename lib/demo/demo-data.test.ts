import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Db } from '@/lib/db/client';
import { prepareDatabase } from '@/lib/db/prepare';
import { STATUSES_NEEDING_EVIDENCE, type Status } from '@/lib/status/status';
import { isDemoLoaded, loadDemoData } from './demo-data';
import { SYSTEM_ACTOR } from '@/lib/auth/actor';

// The sample data rewrites the seeded items' histories, so it gets a database of its own.
let dir: string;
let db: Db;
const now = new Date('2026-11-24T12:00:00Z');

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tracker-demo-'));
  const url = `file:${path.join(dir, 'demo.db')}`;
  await prepareDatabase(url, SYSTEM_ACTOR);
  db = createClient(url);
});
afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe('sample data (npm run demo)', () => {
  it('is off by default, then loads history and evidence and marks the database as showing sample data', async () => {
    expect(await isDemoLoaded(db)).toBe(false);
    const result = await loadDemoData(db, SYSTEM_ACTOR, now);
    expect(result.loaded).toBe(true);
    expect(result.statusChanges).toBeGreaterThan(19);
    expect(result.evidence).toBeGreaterThan(0);
    expect(await isDemoLoaded(db)).toBe(true);
  });

  it('leaves consistent items: current status = latest change, evidence before any (partial) implementation, nothing in the future', async () => {
    const items = await db.recommendation.findMany({
      select: {
        code: true,
        status: true,
        statusDate: true,
        statusChanges: { orderBy: [{ effectiveDate: 'asc' }, { recordedAt: 'asc' }], select: { toStatus: true, effectiveDate: true, recordedAt: true } },
        evidenceNotes: { select: { evidenceDate: true } },
      },
    });
    for (const item of items) {
      const latest = item.statusChanges.at(-1)!;
      expect(item.status, item.code).toBe(latest.toStatus);
      expect(item.statusDate, item.code).toEqual(latest.effectiveDate);
      for (const change of item.statusChanges) {
        expect(change.recordedAt.getTime(), item.code).toBeLessThanOrEqual(now.getTime());
        expect(change.effectiveDate.getTime(), item.code).toBeLessThanOrEqual(change.recordedAt.getTime());
        if (STATUSES_NEEDING_EVIDENCE.includes(change.toStatus as Status)) {
          expect(
            item.evidenceNotes.some((note) => note.evidenceDate <= change.effectiveDate),
            item.code,
          ).toBe(true);
        }
      }
    }
    expect(new Set(items.map((item) => item.status)).size).toBeGreaterThan(2);
  });

  it('loads once: a second run changes nothing', async () => {
    const count = await db.statusChange.count();
    expect(await loadDemoData(db, SYSTEM_ACTOR, now)).toEqual({ loaded: false, statusChanges: 0, evidence: 0 });
    expect(await db.statusChange.count()).toBe(count);
  });
});
