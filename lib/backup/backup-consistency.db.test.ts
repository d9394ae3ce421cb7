import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '@/lib/auth/actor';
import { createClient, type Db } from '@/lib/db/client';
import { changeStatusNow } from '@/lib/status/change-status';
import { readItemTally } from '@/lib/progress/tally/tally-rows';
import { seedRecommendations } from '@/lib/test/recommendation-factory';
import { seedUser } from '@/lib/test/user-factory';
import { testDatabaseUrl, testDb, testProvider } from '@/lib/test/test-db';
import { freshDatabaseUrl, type FreshDatabase } from '@/lib/test/fresh-database';
import { createBackup } from './create-backup';
import { restoreBackup } from './restore-backup';

const provider = testProvider();
const DAY = 86_400_000;
let dir: string;
let db: Db;
let restored: Db | null = null;
let target: FreshDatabase | null = null;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tracker-backup-consistency-'));
  db = testDb();
});

afterAll(async () => {
  await restored?.$disconnect();
  await db.$disconnect();
  await target?.drop();
  rmSync(dir, { recursive: true, force: true });
});

type TallyRow = { sectorId: string | null; themeId: string; status: string; quarter: number; moves: number };
const sorted = (rows: TallyRow[]) => rows.filter((row) => row.moves !== 0).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

describe(`backup while the app writes (${provider})`, () => {
  it('is one consistent snapshot: histories, versions, audit rows and the progress tally agree in the archive', async () => {
    const editor = await seedUser(db, { role: 'EDITOR' });
    const items = await seedRecommendations(db, { count: 6, seminarDate: '2016-03-01' });
    const chains = items.map(() => Promise.resolve());
    const versions = items.map((item) => item.version);
    const changes = items.map(() => 0);
    let writes = 0;
    let backupFinished = false;
    let committedDuringBackup = 0;

    /** One more status change on the next item, after that item's previous one (each checks the version). */
    const write = () => {
      const index = writes % items.length;
      const item = items[index]!;
      writes += 1;
      changes[index] = changes[index]! + 1;
      const step = changes[index];
      chains[index] = chains[index]!.then(async () => {
        const { version } = await changeStatusNow(
          db,
          {
            recommendationId: item.id,
            expectedVersion: versions[index]!,
            status: step % 2 ? 'IN_PROGRESS' : 'STALLED',
            effectiveDate: new Date(item.seminarDate.getTime() + step * DAY),
          },
          editor.actor,
        );
        versions[index] = version;
        if (!backupFinished) committedDuringBackup += 1;
      });
    };

    for (let i = 0; i < 12; i += 1) write();
    await Promise.all(chains);
    // Each table the backup writes sets off two more changes, which commit while it reads the rest.
    const backup = await createBackup(testDatabaseUrl(), path.join(dir, 'during-writes.tar.gz'), SYSTEM_ACTOR, {
      onProgress: () => {
        write();
        write();
      },
    });
    backupFinished = true;
    await Promise.all(chains);
    expect(committedDuringBackup).toBeGreaterThan(12);

    target = await freshDatabaseUrl(provider);
    await restoreBackup(target.url, backup.file, SYSTEM_ACTOR);
    restored = createClient(target.url);

    // Each item as the archive has it: its version counts its history, its status is the latest
    // change's, and each change after the first has its audit row.
    for (const item of items) {
      const row = await restored.recommendation.findUniqueOrThrow({ where: { id: item.id } });
      const history = await restored.statusChange.findMany({
        where: { recommendationId: item.id },
        orderBy: [{ effectiveDate: 'asc' }, { recordedAt: 'asc' }, { id: 'asc' }],
      });
      const audits = await restored.auditLog.count({ where: { entityId: item.id, action: 'recommendation.status_change' } });
      expect(row.version).toBe(history.length);
      expect(row.status).toBe(history.at(-1)!.toStatus);
      expect(audits).toBe(history.length - 1);
    }
    // Fewer changes than were made in the end: the archive is as of its snapshot, not the end.
    expect(await restored.statusChange.count({ where: { recommendationId: { in: items.map((item) => item.id) } } })).toBeLessThan(
      await db.statusChange.count({ where: { recommendationId: { in: items.map((item) => item.id) } } }),
    );

    // The progress tally in the archive is the one its history gives. Each seeded item has a theme of
    // its own, so its tally rows are told apart from those of other tests sharing the database.
    const ids = items.map((item) => item.id);
    const themeId = {
      in: (await restored.recommendation.findMany({ where: { id: { in: ids } }, select: { primaryThemeId: true } })).map((row) => row.primaryThemeId),
    };
    const stored = [
      ...(await restored.progressTally.findMany({ where: { themeId } })).map((row) => ({ ...row, sectorId: null })),
      ...(await restored.sectorProgressTally.findMany({ where: { themeId } })),
    ];
    expect(stored.length).toBeGreaterThan(0);
    expect(sorted(stored)).toEqual(sorted([...(await readItemTally(restored, ids)).values()]));
  });
});
