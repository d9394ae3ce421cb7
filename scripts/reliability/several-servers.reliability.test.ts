// Two app servers (two `npm start`s, separate processes on different ports) on one database: on
// PostgreSQL when TEST_DATABASE_URL names a server (as for `npm run test:db`), else on one SQLite file.
// Started at the same moment on an empty database, both come up and the schema is migrated and seeded
// once; a change made through one is read through the other at once: the item, the dashboard and the
// progress series.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Db } from '@/lib/db/client';
import { providerOf } from '@/lib/db/config';
import { readMigrations } from '@/lib/db/migrate';
import { prepareBenchAuth, type BenchAuth } from '../bench/auth';
import { scratchPostgres, scratchSqlite, sharedBuild, startApp, type AppServer, type Scratch } from './app-servers';
import { dashboardFigures, pinnedConnection, statusChangeBody, type Pinned } from './two-servers';

const postgresServer = /^postgres(ql)?:/.test(process.env.TEST_DATABASE_URL ?? '') ? process.env.TEST_DATABASE_URL! : null;
const secret = randomBytes(32).toString('base64url');

let scratch: Scratch;
let distDir: string;
let servers: AppServer[] = [];
let db: Db | undefined;

beforeAll(async () => {
  distDir = await sharedBuild();
  scratch = postgresServer ? await scratchPostgres(postgresServer) : scratchSqlite();
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await db?.$disconnect();
  await scratch?.drop();
});

describe(`two app servers on one ${postgresServer ? 'PostgreSQL' : 'SQLite'} database`, () => {
  it('started at the same moment on an empty database, both come up and the schema is migrated and seeded once', async () => {
    servers = await Promise.all(['first', 'second'].map((name) => startApp({ databaseUrl: scratch.url, dir: scratch.dir, distDir, secret, workers: 1, name })));
    for (const server of servers) expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);

    db = createClient(scratch.url);
    const expected = readMigrations(providerOf(scratch.url)).map((migration) => migration.name);
    const applied = await db.$queryRawUnsafe<{ migration_name: string; finished: unknown }[]>(
      'SELECT migration_name, finished_at AS finished FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(applied.map((row) => row.migration_name)).toEqual(expected);
    expect(applied.every((row) => row.finished !== null)).toBe(true);
    // Which server applied them: one says so, the other found nothing to do.
    const logs = servers.map((server) => server.log());
    expect(logs.filter((log) => log.includes('Applied migrations:'))).toHaveLength(1);
    // The seed's two founding reports, once.
    expect(await db.seminar.count()).toBe(2);
    expect(logs.filter((log) => log.includes('Seeded 2 reports'))).toHaveLength(1);
  });

  it('a change made through one server is read through the other at once: the item, the dashboard and the progress series', async () => {
    expect(servers).toHaveLength(2);
    const auth: BenchAuth = await prepareBenchAuth(db!, secret);
    const [first, second] = servers as [AppServer, AppServer];
    const one: Pinned = await pinnedConnection(first);
    const other: Pinned = await pinnedConnection(second);
    const headers = { authorization: auth.bearer };
    const item = await db!.recommendation.findFirstOrThrow({ where: { archived: false }, orderBy: { code: 'desc' }, select: { id: true } });

    // Item, dashboard and progress series read through the other server at the same time.
    const read = async (through: Pinned[]) => {
      const answers = await Promise.all([
        through[0]!.get(`/api/v1/recommendations/${item.id}`, headers),
        through[1 % through.length]!.get('/dashboard', { cookie: auth.cookie }),
        through[2 % through.length]!.get('/api/v1/progress?by=sector', headers),
      ]);
      for (const answer of answers) expect(answer.status, answer.body.slice(0, 300)).toBe(200);
      const [itemAnswer, dashboard, progress] = answers;
      return { item: JSON.parse(itemAnswer.body).recommendation, dashboard: dashboardFigures(dashboard.body), progress: JSON.parse(progress.body) };
    };
    // Three connections to the other server, so the three reads run side by side there.
    const others = [other, await pinnedConnection(second), await pinnedConnection(second)];
    await read(others);
    const before = await read(others);

    const change = await one.post(`/api/v1/recommendations/${item.id}/status`, headers, statusChangeBody(before.item));
    expect(change.status, change.body).toBe(200);
    const changed = JSON.parse(change.body) as { version: number; status: string };

    const after = await read(others);
    expect({ status: after.item.status, version: after.item.version }).toEqual({ status: changed.status, version: changed.version });
    expect(after.progress).not.toEqual(before.progress);
    expect(after.dashboard).not.toEqual(before.dashboard);
    // The server that made the change shows the same.
    const there = await read([one]);
    expect(after.progress).toEqual(there.progress);
    expect(after.dashboard).toEqual(there.dashboard);

    for (const connection of [one, ...others]) connection.agent.destroy();
  });
});
