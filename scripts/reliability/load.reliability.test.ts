// Load: 16 API clients at once, mostly reading (the list with filters and search, an item, the
// progress series, the themes) and also writing (status changes, evidence, field edits, the list's
// bulk edit), each pausing 250-750 ms between requests as a script or a person would, for a bounded
// time (RELIABILITY_LOAD_SECONDS, default 35), on SQLite and on PostgreSQL. No answer may be a 5xx,
// and none may be anything but the success the request expects: the JSON API has no rate limit for
// token holders (only sign-in, the public forms and exports are limited, and none is in this mix),
// so a 429 is a failure too. Afterwards the database holds exactly the acknowledged writes.
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import { createClient } from '@/lib/db/client';
import { log } from '../bench/progress';
import { reliabilityPort, startAppServer, stopAllServers } from './support/app-server';
import { checkWrites } from './support/check-writes';
import { serverLogTails } from './support/server-logs';
import type { Provider } from './support/databases';
import { prepareStorm, type StormSetup } from './support/storm-setup';
import { startWriteStorm } from './support/write-storm';

const CLIENTS = 16;
const SECONDS = Number(process.env.RELIABILITY_LOAD_SECONDS) || 35;

const setups: StormSetup[] = [];
afterAll(async () => {
  await stopAllServers();
  for (const setup of setups) await setup.database.drop();
});

describe.each<[Provider, number]>([
  ['sqlite', 2],
  ['postgresql', 3],
])('load on %s', (provider, portOffset) => {
  it(
    `load (${provider}): ${CLIENTS} clients for ${SECONDS} s get no 5xx, and every acknowledged write is in the history`,
    { timeout: 240_000 + SECONDS * 1_000 },
    async () => {
      const setup = await prepareStorm(provider, `load-${provider}`, CLIENTS, 3);
      setups.push(setup);
      const { database, editor } = setup;
      onTestFailed(() => console.error(serverLogTails(database.dir)));
      const server = await startAppServer({
        databaseUrl: database.url,
        secret: editor.secret,
        logDir: database.dir,
        name: 'load',
        port: reliabilityPort(portOffset),
      });
      let result;
      try {
        const stop = new AbortController();
        const storm = startWriteStorm({
          baseUrl: server.baseUrl,
          bearer: editor.bearer,
          cookie: editor.cookie,
          bulkAction: setup.bulkAction,
          clients: CLIENTS,
          items: setup.items,
          mix: { read: 12, status: 4, evidence: 2, update: 2, bulk: 1 },
          thinkMs: [250, 750],
          tag: `load-${provider}-${Date.now()}`,
          signal: stop.signal,
        });
        const ticker = setInterval(() => log(`load (${provider}): ${storm.result.requests} requests, ${storm.result.acks.length} writes acknowledged`), 10_000);
        await new Promise((resolve) => setTimeout(resolve, SECONDS * 1_000));
        clearInterval(ticker);
        stop.abort();
        // Each client stops after its request in flight (at most 30 s): still busy a minute later is a bug.
        result = await Promise.race([
          storm.finished,
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error('The clients did not stop within 60 s of the end of the load')), 60_000).unref()),
        ]);
      } finally {
        await server.stop();
      }
      const writes = result.acks.length;
      console.log(
        `load (${provider}): ${result.requests} requests in ${result.seconds.toFixed(1)} s (${(result.requests / result.seconds).toFixed(1)}/s), ${writes} writes acknowledged`,
        result.answers,
      );

      const serverErrors = Object.entries(result.answers).filter(([key]) => Number(key.split(' ').at(-1)) >= 500);
      expect(serverErrors).toEqual([]);
      expect(result.unexpected).toEqual([]);
      expect(result.noAnswer).toEqual([]);
      // A load of this size, not a trickle: every kind of write, and reads on top.
      expect(new Set(result.acks.map((ack) => ack.kind))).toEqual(new Set(['status', 'evidence', 'update', 'bulk']));
      // The rate depends on the machine (5 to 20 requests a second on a shared 2-core one): each client
      // must have made several requests, whatever it was.
      expect(result.requests).toBeGreaterThanOrEqual(CLIENTS * 5);

      const db = createClient(database.url);
      try {
        expect(await checkWrites(db, { editorId: editor.id, acks: result.acks, versionsBefore: setup.versionsBefore, exact: true })).toEqual([]);
      } finally {
        await db.$disconnect();
      }
    },
  );
});
