// The dashboard's data is cached per data version: repeated views reuse it, and any committed change,
// from this server or another one on the same database, shows at the next view.
import { afterAll, describe, expect, it } from 'vitest';
import { today } from '@/lib/dates';
import { dataVersion } from '@/lib/db/data-version';
import { changeStatusNow } from '@/lib/status/change-status';
import { seedRecommendations } from '@/lib/test/recommendation-factory';
import { testDb, testProvider } from '@/lib/test/test-db';
import { seedUser } from '@/lib/test/user-factory';
import { DEFAULT_PROGRESS_QUERY } from '@/lib/validations/progress';
import { getDashboardData, type DashboardData } from './dashboard-data';
import { readerActor } from '@/lib/test/refusal';

const db = testDb();
// A second client on the same database: another app server, or the CLI.
const otherServer = testDb();
afterAll(() => Promise.all([db.$disconnect(), otherServer.$disconnect()]));

// On PostgreSQL the version is the server's snapshot, which other databases' writes also move, and
// the other test workers write to their own databases on the same server meanwhile: there, a read
// may see the version move, so that nothing moved is asserted on SQLite only (a file per worker).
const versionIsOurs = testProvider() === 'sqlite';

const startedIn = (data: DashboardData) => data.recentSeminars.rows.reduce((sum, row) => sum + row.counts.IMPLEMENTED + row.counts.IN_PROGRESS, 0);

async function moveToInProgress(client: typeof db, id: string, actor: Awaited<ReturnType<typeof seedUser>>['actor']) {
  const { version } = await client.recommendation.findUniqueOrThrow({ where: { id }, select: { version: true } });
  await changeStatusNow(client, { recommendationId: id, expectedVersion: version, status: 'IN_PROGRESS', effectiveDate: today(), note: 'Work began.' }, actor);
}

describe('dashboard data', () => {
  it('data version: the same across reads, moved by a write from this client or from another', async () => {
    const [item] = await seedRecommendations(db, { seminarDate: '2016-03-01' });
    const before = await dataVersion(db);
    await db.recommendation.findMany({ take: 5 });
    if (versionIsOurs) expect(await dataVersion(db)).toBe(before);

    await db.recommendation.update({ where: { id: item!.id }, data: { priority: 'HIGH' } });
    const afterOwnWrite = await dataVersion(db);
    expect(afterOwnWrite).not.toBe(before);

    await otherServer.recommendation.update({ where: { id: item!.id }, data: { priority: 'LOW' } });
    expect(await dataVersion(db)).not.toBe(afterOwnWrite);
  });

  it('a repeated view reuses the data; a status change here or on another server shows at the next view', async () => {
    const [first, second] = await seedRecommendations(db, { seminarDate: '2016-04-01', count: 2 });
    const actor = (await seedUser(db, { role: 'EDITOR' })).actor;
    const now = today();
    const input = { query: { ...DEFAULT_PROGRESS_QUERY, seminar: [first!.seminarId] }, asOf: now, today: now };

    const initial = await getDashboardData(db, input, readerActor());
    expect(startedIn(initial)).toBe(0);
    if (versionIsOurs) expect(await getDashboardData(db, input, readerActor())).toBe(initial);

    await moveToInProgress(db, first!.id, actor);
    const afterOwnChange = await getDashboardData(db, input, readerActor());
    expect(startedIn(afterOwnChange)).toBe(1);
    expect(afterOwnChange.activity[0]?.item.code).toBe(first!.code);

    await moveToInProgress(otherServer, second!.id, actor);
    const afterOtherChange = await getDashboardData(db, input, readerActor());
    expect(startedIn(afterOtherChange)).toBe(2);
    expect(afterOtherChange.headline.tracked.current).toBe(2);
  });
});
