// The "database unchanged" check of the hostile-input suites must see any change, in any table.
import { afterAll, describe, expect, it } from 'vitest';
import { seedRecommendation } from './recommendation-factory';
import { tableChecksums, listTables } from './table-checksums';
import { testDb } from './test-db';
import { seedUser } from './user-factory';

const db = testDb();
afterAll(() => db.$disconnect());

describe('table checksums', () => {
  it('checksums: the same data gives the same checksums; the table list comes from the database', async () => {
    const tables = await listTables(db);
    expect(tables).toEqual(expect.arrayContaining(['Recommendation', 'AuditLog', 'EvidenceNote', 'User', 'ProgressTally']));
    expect(await tableChecksums(db)).toEqual(await tableChecksums(db));
  });

  it('checksums: an added row, a changed value and a new table are each seen, naming the table; ignored columns and tables are not', async () => {
    const item = await seedRecommendation(db);
    const user = await seedUser(db);
    const before = await tableChecksums(db);

    await db.recommendation.update({ where: { id: item.id }, data: { priority: 'HIGH' } });
    const changed = await tableChecksums(db);
    expect(Object.keys(changed).filter((table) => changed[table] !== before[table])).toEqual(['Recommendation']);

    const ignoring = { ignoreColumns: ['User.lastSignInAt', 'User.updatedAt'], ignoreTables: ['Recommendation'] };
    const beforeSignIn = await tableChecksums(db, ignoring);
    expect(beforeSignIn).not.toHaveProperty('Recommendation');
    await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    expect(await tableChecksums(db, ignoring)).toEqual(beforeSignIn);
    expect((await tableChecksums(db)).User).not.toBe(changed.User);

    await db.$executeRawUnsafe('CREATE TABLE "ChecksumProbe" (id INTEGER PRIMARY KEY)');
    try {
      expect(await tableChecksums(db)).toHaveProperty('ChecksumProbe');
      const empty = (await tableChecksums(db)).ChecksumProbe;
      await db.$executeRawUnsafe('INSERT INTO "ChecksumProbe" (id) VALUES (1)');
      expect((await tableChecksums(db)).ChecksumProbe).not.toBe(empty);
    } finally {
      await db.$executeRawUnsafe('DROP TABLE "ChecksumProbe"');
    }
  });
});
