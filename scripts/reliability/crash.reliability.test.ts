// Crash: the production server is killed with SIGKILL in the middle of a write storm (status
// changes, some bringing evidence, evidence notes, field edits over the JSON API, and the list's
// bulk edit as a server action, from six clients at once) and started again on the same database.
// Whatever got a 2xx must be there with its audit row, and nothing may be there without one. On
// SQLite the file must also pass PRAGMA integrity_check; on PostgreSQL only the app server dies.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import { createClient } from '@/lib/db/client';
import { sqliteFilePath } from '@/lib/db/config';
import { reliabilityPort, startAppServer, stopAllServers } from './support/app-server';
import { checkWrites } from './support/check-writes';
import { serverLogTails } from './support/server-logs';
import type { Provider } from './support/databases';
import { prepareStorm, type StormSetup } from './support/storm-setup';
import { startWriteStorm } from './support/write-storm';

const CLIENTS = 6;
/** The kill comes once this many writes are acknowledged, at a moment drawn within the next 1.5 s. */
const ACKS_BEFORE_KILL = 80;

const setups: StormSetup[] = [];
afterAll(async () => {
  await stopAllServers();
  for (const setup of setups) await setup.database.drop();
});

describe.each<[Provider, number]>([
  ['sqlite', 0],
  ['postgresql', 1],
])('crash on %s', (provider, portOffset) => {
  it(
    `crash (${provider}): after kill -9 mid-storm and a restart, every acknowledged write is there with its audit row, and no change lacks one`,
    { timeout: 300_000 },
    async () => {
      const setup = await prepareStorm(provider, `crash-${provider}`, CLIENTS, 4);
      setups.push(setup);
      const { database, editor } = setup;
      onTestFailed(() => console.error(serverLogTails(database.dir)));
      const server = await startAppServer({
        databaseUrl: database.url,
        secret: editor.secret,
        logDir: database.dir,
        name: 'before-kill',
        port: reliabilityPort(portOffset),
      });

      const stop = new AbortController();
      const storm = startWriteStorm({
        baseUrl: server.baseUrl,
        bearer: editor.bearer,
        cookie: editor.cookie,
        bulkAction: setup.bulkAction,
        clients: CLIENTS,
        items: setup.items,
        mix: { read: 0, status: 4, evidence: 3, update: 2, bulk: 1 },
        thinkMs: [0, 0],
        tag: `crash-${provider}-${Date.now()}`,
        signal: stop.signal,
      });
      const deadline = Date.now() + 90_000;
      while (storm.result.acks.length < ACKS_BEFORE_KILL && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 1_500));
      await server.kill();
      stop.abort();
      const result = await storm.finished;
      console.log(
        `crash (${provider}): ${result.requests} requests in ${result.seconds.toFixed(1)} s, ${result.acks.length} acknowledged, ${result.noAnswer.length} cut off by the kill`,
        result.answers,
      );

      // The storm ran as meant: every kind of write was acknowledged, nothing was refused, and the kill
      // cut requests off in flight.
      expect(result.unexpected).toEqual([]);
      expect(new Set(result.acks.map((ack) => ack.kind))).toEqual(new Set(['status', 'evidence', 'update', 'bulk']));
      expect(result.acks.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
      expect(result.noAnswer.length).toBeGreaterThan(0);

      // Started again on the same database, the server answers, and serves the items as they were acknowledged.
      const restarted = await startAppServer({
        databaseUrl: database.url,
        secret: editor.secret,
        logDir: database.dir,
        name: 'after-restart',
        port: Number(new URL(server.baseUrl).port),
      });
      try {
        const last = result.acks.findLast((ack) => ack.kind === 'status')!;
        const response = await fetch(`${restarted.baseUrl}/api/v1/recommendations/${last.recommendationId}`, { headers: { Authorization: editor.bearer } });
        expect(response.status).toBe(200);
        const { recommendation } = (await response.json()) as { recommendation: { version: number } };
        expect(recommendation.version).toBeGreaterThanOrEqual(last.version);
      } finally {
        await restarted.stop();
      }

      if (provider === 'sqlite') {
        const file = new Database(sqliteFilePath(database.url), { readonly: true });
        try {
          expect(file.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
          expect(file.pragma('foreign_key_check')).toEqual([]);
        } finally {
          file.close();
        }
      }
      const db = createClient(database.url);
      try {
        expect(await checkWrites(db, { editorId: editor.id, acks: result.acks, versionsBefore: setup.versionsBefore, exact: false })).toEqual([]);
      } finally {
        await db.$disconnect();
      }
    },
  );
});
