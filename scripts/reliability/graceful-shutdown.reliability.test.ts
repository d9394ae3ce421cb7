// Graceful shutdown (scripts/lib/graceful-shutdown.mjs, scripts/lib/server-cluster.ts): SIGTERM to
// npm start (two server processes) in the middle of a storm of status changes from 16 keep-alive
// clients. Every request sent before the signal gets a complete answer, every acknowledged change is
// in the database with its audit row, the database is closed (SQLite: its write-ahead log folded in
// and removed; PostgreSQL: no connection left), and npm start has exited, cleanly, within 10 s.
// On PostgreSQL when TEST_DATABASE_URL names a server, else on SQLite.
import { existsSync } from 'node:fs';
import http from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '@/lib/auth/actor';
import { createClient, type Db } from '@/lib/db/client';
import { providerOf, sqliteFilePath } from '@/lib/db/config';
import { prepareDatabase } from '@/lib/db/prepare';
import { prepareBenchAuth } from '../bench/auth';
import { httpRequest, scratchPostgres, scratchSqlite, sharedBuild, startApp, type AppServer, type Scratch } from './app-servers';
import { statusChangeBody } from './two-servers';

const postgresServer = /^postgres(ql)?:/.test(process.env.TEST_DATABASE_URL ?? '') ? process.env.TEST_DATABASE_URL! : null;
const CLIENTS = 16;
const STORM_BEFORE_SIGNAL_MS = 4_000;

type Sent = { client: number; itemId: string; note: string; startedAt: number; endedAt: number; status: number | null; error?: string; version?: number };

let scratch: Scratch;
let distDir: string;
let db: Db;
let server: AppServer;

beforeAll(async () => {
  distDir = await sharedBuild();
  scratch = postgresServer ? await scratchPostgres(postgresServer) : scratchSqlite();
  await prepareDatabase(scratch.url, SYSTEM_ACTOR);
  db = createClient(scratch.url);
});

afterAll(async () => {
  await server?.stop();
  await db?.$disconnect();
  await scratch?.drop();
});

describe(`graceful shutdown on ${postgresServer ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('SIGTERM mid write storm: no request sent before it is dropped, no acknowledged write lost, the database closed, exit within 10 s', async () => {
    const auth = await prepareBenchAuth(db);
    server = await startApp({ databaseUrl: scratch.url, dir: scratch.dir, distDir, secret: auth.secret, workers: 2, name: 'graceful' });
    const items = await db.recommendation.findMany({
      where: { archived: false },
      orderBy: { code: 'asc' },
      select: { id: true, status: true, version: true },
      take: CLIENTS,
    });
    expect(items.length).toBeGreaterThanOrEqual(CLIENTS);
    await db.$disconnect(); // the test holds no connection while the server shuts down
    const storm = Date.now();
    // Each server process has served a status change before the storm (as a health-checked server would have served traffic).
    for (const item of items.slice(0, 4)) {
      const answer = await httpRequest(server.baseUrl, {
        method: 'POST',
        path: `/api/v1/recommendations/${item.id}/status`,
        headers: { authorization: auth.bearer, 'content-type': 'application/json' },
        body: JSON.stringify({ ...statusChangeBody(item), note: 'warm-up' }),
      });
      expect(answer.status, answer.body).toBe(200);
      Object.assign(item, JSON.parse(answer.body) as { version: number; status: string });
    }

    let signalAt = Infinity;
    const sent: Sent[] = [];
    // Each client changes the status of its own item, on one keep-alive connection, until the server
    // stops answering after the signal.
    const client = async (index: number) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const item = { ...items[index]! };
      for (let turn = 0; ; turn += 1) {
        const body = { ...statusChangeBody(item), note: `storm ${index}-${turn}` };
        const request: Sent = { client: index, itemId: item.id, note: body.note, startedAt: Date.now(), endedAt: 0, status: null };
        sent.push(request);
        try {
          const answer = await httpRequest(server.baseUrl, {
            method: 'POST',
            path: `/api/v1/recommendations/${item.id}/status`,
            headers: { authorization: auth.bearer, 'content-type': 'application/json' },
            body: JSON.stringify(body),
            agent,
            // Longer than the shutdown may take: a request that gets no answer is one the shutdown dropped.
            timeoutMs: 30_000,
          });
          request.status = answer.status;
          if (answer.status !== 200) request.error = answer.body.slice(0, 300);
          if (answer.status === 200) {
            const changed = JSON.parse(answer.body) as { version: number; status: string };
            Object.assign(item, { version: changed.version, status: changed.status });
            request.version = changed.version;
          }
        } catch (error) {
          request.error = (error as Error).message;
        }
        request.endedAt = Date.now();
        // After the signal, the first refusal ends the client; before it, a failure is counted below.
        if (request.status !== 200) break;
      }
      agent.destroy();
    };
    const clients = Array.from({ length: CLIENTS }, (_, index) => client(index));

    // The signal comes in the middle of the storm: after STORM_BEFORE_SIGNAL_MS and two acknowledged
    // changes per client (a busy machine is slow to get there), with requests under way.
    const stormStarted = Date.now();
    while (Date.now() - stormStarted < STORM_BEFORE_SIGNAL_MS || sent.filter((request) => request.status === 200).length < CLIENTS * 2) {
      if (Date.now() - stormStarted > 90_000 || sent.some((request) => request.endedAt && request.status !== 200)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    signalAt = Date.now();
    process.kill(server.pid, 'SIGTERM');
    const exit = await server.exited;
    await Promise.all(clients);

    // Every request sent before the signal got a complete answer: the change, acknowledged.
    const before = sent.filter((request) => request.startedAt < signalAt);
    expect(
      before.filter((request) => request.status !== 200),
      server.log().slice(-3_000),
    ).toEqual([]);
    // The storm was real, and requests were under way when the signal came.
    expect(before.filter((request) => request.status === 200).length).toBeGreaterThanOrEqual(CLIENTS * 2);
    expect(before.filter((request) => request.endedAt > signalAt).length).toBeGreaterThan(0);

    // npm start exited by itself, cleanly, within 10 s of the signal.
    expect({ code: exit.code, signal: exit.signal }, server.log().slice(-2_000)).toEqual({ code: 0, signal: null });
    expect(exit.at - signalAt).toBeLessThan(10_000);
    expect(server.log()).toMatch(/SIGTERM: finishing \d+ request\(s\) in progress/);

    // Every acknowledged change is in the database with its audit row; there is no change without one.
    db = createClient(scratch.url);
    const acknowledged = sent.filter((request) => request.status === 200);
    const changes = await db.statusChange.findMany({
      where: { authorId: auth.userId },
      select: { id: true, recommendationId: true, note: true, recordedAt: true },
    });
    const notes = new Set(changes.map((change) => `${change.recommendationId} ${change.note}`));
    expect(acknowledged.filter((request) => !notes.has(`${request.itemId} ${request.note}`))).toEqual([]);
    const audits = await db.auditLog.count({
      where: { actorId: auth.userId, action: 'recommendation.status_change', createdAt: { gte: new Date(storm - 1_000) } },
    });
    expect(audits).toBe(changes.length);
    for (const item of items) {
      const last = acknowledged.filter((request) => request.itemId === item.id).at(-1);
      const stored = await db.recommendation.findUniqueOrThrow({ where: { id: item.id }, select: { version: true } });
      expect(stored.version).toBeGreaterThanOrEqual(last?.version ?? item.version);
    }
    await db.$disconnect();

    // The database was closed: SQLite folds its write-ahead log in and removes it when the last
    // connection closes (a killed server leaves it behind); PostgreSQL has no connection from it left.
    if (providerOf(scratch.url) === 'sqlite') {
      expect(existsSync(`${sqliteFilePath(scratch.url)}-wal`)).toBe(false);
    } else {
      const admin = new pg.Client({ connectionString: postgresServer! });
      await admin.connect();
      const { rows } = await admin.query<{ count: string }>('SELECT count(*) AS count FROM pg_stat_activity WHERE datname = $1', [
        new URL(scratch.url).pathname.slice(1),
      ]);
      await admin.end();
      expect(Number(rows[0]!.count)).toBe(0);
    }

    // And nothing answers on the port any more.
    await expect(httpRequest(server.baseUrl, { path: '/api/health', timeoutMs: 2_000 })).rejects.toThrow();
  });
});
