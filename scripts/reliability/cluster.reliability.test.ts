// npm start with WEB_CONCURRENCY=2: two server processes answer on one port, one killed with SIGKILL
// is replaced while the port keeps answering, and a change made through one process is read through
// the other at once (the data-version caches, lib/cache/data-version-cache.ts, hold nothing stale).
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '@/lib/auth/actor';
import { createClient, type Db } from '@/lib/db/client';
import { prepareDatabase } from '@/lib/db/prepare';
import { prepareBenchAuth, type BenchAuth } from '../bench/auth';
import { httpRequest, pidServing, scratchSqlite, sharedBuild, startApp, type AppServer, type Scratch } from './app-servers';
import { dashboardFigures, pinnedConnections, statusChangeBody, type Pinned } from './two-servers';

let scratch: Scratch;
let db: Db;
let auth: BenchAuth;
let server: AppServer;

beforeAll(async () => {
  const distDir = await sharedBuild();
  scratch = scratchSqlite();
  await prepareDatabase(scratch.url, SYSTEM_ACTOR);
  db = createClient(scratch.url);
  auth = await prepareBenchAuth(db);
  server = await startApp({ databaseUrl: scratch.url, dir: scratch.dir, distDir, secret: auth.secret, workers: 2, name: 'cluster' });
});

afterAll(async () => {
  await server?.stop();
  await db?.$disconnect();
  await scratch?.drop();
});

describe('npm start with WEB_CONCURRENCY=2', () => {
  it('serves one port from two processes; one killed with SIGKILL is replaced and the port keeps answering', async () => {
    const workers = server.workerPids();
    expect(workers).toHaveLength(2);

    // Connections are handed to the processes in turn: eight of them reach both.
    const served = new Set<number>();
    const agents = Array.from({ length: 8 }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
    for (const agent of agents) {
      const answer = await httpRequest(server.baseUrl, { path: '/api/health', agent });
      expect(answer.status).toBe(200);
      served.add(pidServing(server.port, answer.clientPort, workers)!);
    }
    for (const agent of agents) agent.destroy();
    expect([...served].sort()).toEqual([...workers].sort());

    const [victim, survivor] = workers as [number, number];
    process.kill(victim, 'SIGKILL');
    // A connection the primary hands to the process in the moment it dies is lost with it; from the
    // moment the primary sees the death, every connection goes to a living process.
    const killedAt = Date.now();
    while (!server.log().includes(`Server process ${victim} was killed by SIGKILL`) && Date.now() - killedAt < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(server.log()).toContain(`Server process ${victim} was killed by SIGKILL`);
    const answers: (number | string)[] = [];
    let replacement: number | undefined;
    while (Date.now() - killedAt < 60_000) {
      const answer = await httpRequest(server.baseUrl, { path: '/api/health', timeoutMs: 5_000 }).catch((error: Error) => ({ status: error.message }));
      answers.push(answer.status);
      replacement = server.workerPids().find((pid) => pid !== victim && pid !== survivor);
      if (replacement && answers.length >= 20) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(replacement, server.log().slice(-2_000)).toBeDefined();
    expect(answers.filter((status) => status !== 200)).toEqual([]);
    expect(server.workerPids().sort()).toEqual([survivor, replacement!].sort());

    // The new process serves too.
    const pinned = await pinnedConnections(server, 2);
    expect(Object.keys(pinned).map(Number).sort()).toEqual([survivor, replacement!].sort());
    for (const connection of Object.values(pinned)) connection.agent.destroy();
  });

  it('a change made through one process is read through the other at once: the item, the progress series and the dashboard', async () => {
    const pinned = await pinnedConnections(server, 2);
    const [one, other] = Object.values(pinned) as [Pinned, Pinned];
    const headers = { authorization: auth.bearer };
    const item = await db.recommendation.findFirstOrThrow({ where: { archived: false }, orderBy: { code: 'asc' }, select: { id: true, code: true } });

    // The other process reads everything first, twice, so its caches hold the answers.
    const read = async () => {
      const [itemAnswer, progress, dashboard] = [
        await other.get(`/api/v1/recommendations/${item.id}`, headers),
        await other.get('/api/v1/progress?by=theme', headers),
        await other.get('/dashboard', { cookie: auth.cookie }),
      ];
      for (const answer of [itemAnswer, progress, dashboard]) expect(answer.status, answer.body.slice(0, 300)).toBe(200);
      return { item: JSON.parse(itemAnswer.body).recommendation, progress: JSON.parse(progress.body), dashboard: dashboardFigures(dashboard.body) };
    };
    await read();
    const before = await read();

    const change = await one.post(`/api/v1/recommendations/${item.id}/status`, headers, statusChangeBody(before.item));
    expect(change.status, change.body).toBe(200);
    const changed = JSON.parse(change.body) as { version: number; status: string };

    const after = await read();
    expect({ status: after.item.status, version: after.item.version }).toEqual({ status: changed.status, version: changed.version });
    expect(after.progress).not.toEqual(before.progress);
    // ... and what the process that made the change reads.
    expect(after.progress).toEqual(JSON.parse((await one.get('/api/v1/progress?by=theme', headers)).body));
    expect(after.dashboard).not.toEqual(before.dashboard);
    expect(after.dashboard).toEqual(dashboardFigures((await one.get('/dashboard', { cookie: auth.cookie })).body));

    // Every request went where it was meant to.
    expect(one.pids()).toEqual([one.pid]);
    expect(other.pids()).toEqual([other.pid]);
    one.agent.destroy();
    other.agent.destroy();
  });
});
