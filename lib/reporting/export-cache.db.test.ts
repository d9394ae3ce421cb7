// Finished exports kept per data version (export-cache.ts): a repeat answers the same bytes without
// building the report again and without an export slot; a committed change, other filters, another
// format or another name on the cover make a new file; the byte bound evicts the least recently used.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { today } from '@/lib/dates';
import { dataVersion } from '@/lib/db/data-version';
import { TooManyAttemptsError } from '@/lib/errors';
import { quarterKey, quarterOf } from '@/lib/progress/quarters';
import { changeStatusNow } from '@/lib/status/change-status';
import { testDb, testProvider } from '@/lib/test/test-db';
import { seedQuarterScenario, type Scenario } from '@/lib/test/test-quarter-scenario';
import { seedUser } from '@/lib/test/user-factory';
import { quarterlyReportQuerySchema } from '@/lib/validations/quarterly-report';

vi.mock('@/lib/db', async () => {
  const { testDb: open } = await import('@/lib/test/test-db');
  return { db: open() };
});
vi.mock('next-auth', () => ({ getServerSession: async () => null }));
// The builder, counted: a kept file must not build the report again.
vi.mock('./build-quarterly-report', async (importOriginal) => {
  const original = await importOriginal<typeof import('./build-quarterly-report')>();
  return { ...original, buildQuarterlyReport: vi.fn(original.buildQuarterlyReport) };
});

const { buildQuarterlyReport } = await import('./build-quarterly-report');
const { ExportFileCache, exportCacheBytes, exportCacheKey, exportQuarterlyReportFile } = await import('./export-cache');
const { ExportSlots, exportConcurrency, exportSlots } = await import('./export-slots');
const { db: routeDb } = await import('@/lib/db');
const { GET } = await import('@/app/api/v1/reports/quarterly/route');
const { createApiToken } = await import('@/lib/tokens/create-api-token');

const db = testDb();
const built = vi.mocked(buildQuarterlyReport);
let scenario: Scenario;
let viewer: Awaited<ReturnType<typeof seedUser>>;
let editor: Awaited<ReturnType<typeof seedUser>>;

beforeAll(async () => {
  scenario = await seedQuarterScenario(db);
  viewer = await seedUser(db);
  editor = await seedUser(db, { role: 'EDITOR' });
});
afterAll(() => Promise.all([db.$disconnect(), routeDb.$disconnect()]));
// In braces: mockClear returns the mock, which a hook would take for its clean-up function.
beforeEach(() => {
  built.mockClear();
});

const MB = 1024 * 1024;
// On PostgreSQL the data version is the server's snapshot, which other databases' writes move too.
const versionIsOurs = testProvider() === 'sqlite';
const query = (extra: Record<string, unknown> = {}) =>
  quarterlyReportQuerySchema.parse({ quarter: '2015-Q3', format: 'csv', csv: 'changes', seminar: [scenario.seminarId], ...extra });
const fresh = (maxBytes = 64 * MB, slots = 2) => ({ cache: new ExportFileCache(maxBytes), slots: new ExportSlots(slots) });

/**
 * Runs `attempt` until the data version stays put across it, and returns its result. On SQLite
 * (a file per worker) that is the first round; on PostgreSQL the version is the server's snapshot,
 * which the other workers' writes to their own databases also move, costing this cache a miss that
 * an assertion on "built once" would misread.
 */
async function steady<T>(attempt: () => Promise<T>): Promise<T> {
  for (let round = 1; ; round += 1) {
    built.mockClear();
    const before = await dataVersion(db);
    const result = await attempt();
    if ((await dataVersion(db)) === before || round === 20) return result;
  }
}

describe('export cache', () => {
  it('a repeat answers the same bytes without building the report again', async () => {
    const { first, second, builds } = await steady(async () => {
      const deps = fresh();
      const first = await exportQuarterlyReportFile(db, query({ format: 'pdf' }), 'Test User', viewer.actor, deps);
      const second = await exportQuarterlyReportFile(db, query({ format: 'pdf' }), 'Test User', viewer.actor, deps);
      return { first, second, builds: built.mock.calls.length };
    });
    expect(builds).toBe(1);
    expect(second.body.equals(first.body)).toBe(true);
    expect(second).toEqual({ body: first.body, contentType: 'application/pdf', fileName: 'tracker-2015-Q3.pdf' });
  });

  it('a status change through the operation makes the next export a new file', async () => {
    const current = quarterKey(quarterOf(today()));
    const changes = query({ quarter: current });
    const deps = fresh();
    const before = await exportQuarterlyReportFile(db, changes, 'Test User', viewer.actor, deps);
    expect(before.body.toString()).not.toContain(scenario.codes.C);
    const { version } = await db.recommendation.findUniqueOrThrow({ where: { id: scenario.ids.C }, select: { version: true } });
    await changeStatusNow(
      db,
      { recommendationId: scenario.ids.C, expectedVersion: version, status: 'IN_PROGRESS', effectiveDate: today(), note: 'Begun.' },
      editor.actor,
    );
    built.mockClear();
    const after = await exportQuarterlyReportFile(db, changes, 'Test User', viewer.actor, deps);
    expect(built).toHaveBeenCalledTimes(1);
    expect(after.body.toString()).toContain(scenario.codes.C);
    // The file made before the change went with its data version: only the new one is kept (on
    // SQLite; on PostgreSQL another database's write may have moved the version meanwhile).
    await deps.cache.settled();
    if (versionIsOurs) expect([deps.cache.size, deps.cache.bytes]).toEqual([1, after.body.byteLength]);
  });

  it('other filters, another format, another CSV or another name on the cover are other files; filter order is not', async () => {
    const { builds, repeats, size, csvByName, pdfByName } = await steady(async () => {
      const deps = fresh();
      const get = (extra: Record<string, unknown>, name = 'Test User') => exportQuarterlyReportFile(db, query(extra), name, viewer.actor, deps);
      const themes = [...(await db.recommendation.findMany({ where: { seminarId: scenario.seminarId }, select: { primaryThemeId: true } }))]
        .map((row) => row.primaryThemeId)
        .filter((id, index, all) => all.indexOf(id) === index);
      expect(themes).toHaveLength(2);
      const variants = [{}, { csv: 'items' }, { format: 'xlsx' }, { theme: themes }];
      for (const variant of variants) await get(variant);
      const builds = built.mock.calls.length;
      for (const variant of variants) await get(variant);
      await get({ theme: [...themes].reverse() });
      await get({ theme: [themes[0], ...themes] });
      const repeats = built.mock.calls.length - builds;
      // The CSVs show no name: every user shares them. The workbook shows it: one per name.
      const csvByName = (await get({}, 'Someone Else')) === (await get({}));
      const pdfByName = (await get({ format: 'xlsx' }, 'Someone Else')) === (await get({ format: 'xlsx' }));
      await deps.cache.settled();
      return { builds, repeats, size: deps.cache.size, csvByName, pdfByName };
    });
    expect([builds, repeats, size]).toEqual([4, 0, 5]);
    expect(csvByName).toBe(true);
    expect(pdfByName).toBe(false);
  });

  it('the CSVs do not depend on the name on the cover (else the key must hold it)', async () => {
    for (const csv of ['items', 'changes']) {
      const one = await exportQuarterlyReportFile(db, query({ csv }), 'One', viewer.actor, fresh(0));
      const other = await exportQuarterlyReportFile(db, query({ csv }), 'Other', viewer.actor, fresh(0));
      expect(other.body.equals(one.body)).toBe(true);
    }
  });

  it('the key holds the day and the display settings', () => {
    const q = query({ format: 'pdf' });
    const settings = { locale: 'en-GB', timeZone: 'UTC' };
    const key = exportCacheKey(q, 'A', today(), settings);
    expect(exportCacheKey(q, 'A', new Date(today().getTime() + 86_400_000), settings)).not.toBe(key);
    expect(exportCacheKey(q, 'A', today(), { ...settings, locale: 'de-DE' })).not.toBe(key);
    expect(exportCacheKey(q, 'A', today(), { ...settings, timeZone: 'Asia/Karachi' })).not.toBe(key);
    expect(exportCacheKey(q, 'B', today(), settings)).not.toBe(key);
  });

  it('the byte bound evicts the least recently used file; a file over the bound, or a bound of 0, keeps nothing', async () => {
    // CSVs: their bytes hold no generation time, so a file's size is the same each time it is made.
    const variants = [{}, { csv: 'items' }, { quarter: '2015-Q2', csv: 'items' }];
    const sizes = [];
    for (const variant of variants) sizes.push((await exportQuarterlyReportFile(db, query(variant), 'Test User', viewer.actor, fresh(0))).body.byteLength);
    const [a, b, c] = sizes as [number, number, number];
    const result = await steady(async () => {
      const deps = fresh(a + b + c - 1);
      // Each file is kept once its data version has been read again: settled() waits for that.
      const get = async (index: number) => {
        await exportQuarterlyReportFile(db, query(variants[index]), 'Test User', viewer.actor, deps);
        await deps.cache.settled();
      };
      await get(0);
      await get(1);
      await get(0); // used again: now the most recent
      const twoKept = [deps.cache.size, deps.cache.bytes];
      await get(2); // over the bound: the least recently used (1) goes
      const afterThird = [deps.cache.size, deps.cache.bytes];
      const builds = built.mock.calls.length;
      await get(0);
      await get(2);
      const hitsBuilt = built.mock.calls.length - builds;
      await get(1);
      return { twoKept, afterThird, builds, hitsBuilt, rebuilt: built.mock.calls.length - builds - hitsBuilt };
    });
    expect(result).toEqual({ twoKept: [2, a + b], afterThird: [2, a + c], builds: 3, hitsBuilt: 0, rebuilt: 1 });

    const tooSmall = fresh(a - 1);
    await exportQuarterlyReportFile(db, query(), 'Test User', viewer.actor, tooSmall);
    await tooSmall.cache.settled();
    expect([tooSmall.cache.size, tooSmall.cache.bytes]).toEqual([0, 0]);
    const off = fresh(0);
    await exportQuarterlyReportFile(db, query(), 'Test User', viewer.actor, off);
    await off.cache.settled();
    expect(off.cache.size).toBe(0);
  });

  it('identical requests at once make the file once, in one slot', async () => {
    const { files, builds, refused } = await steady(async () => {
      const deps = fresh(64 * MB, 1);
      const same = () => exportQuarterlyReportFile(db, query({ format: 'xlsx' }), 'Test User', viewer.actor, deps);
      const all = Promise.all([same(), same(), same()]);
      // Another file meanwhile finds the one slot taken.
      const other = await exportQuarterlyReportFile(db, query({ csv: 'items' }), 'Test User', viewer.actor, deps).then(
        () => null,
        (error: unknown) => error,
      );
      return { files: await all, builds: built.mock.calls.length, refused: other };
    });
    expect(builds).toBe(1);
    expect(files[1]).toBe(files[0]);
    expect(files[2]).toBe(files[0]);
    expect(refused).toBeInstanceOf(TooManyAttemptsError);
  });

  it('a file made while a write landed is handed out but not kept', async () => {
    const deps = fresh();
    let makes = 0;
    const make = async () => {
      makes += 1;
      await db.setting.upsert({
        where: { key: 'test.export-cache' },
        create: { key: 'test.export-cache', value: String(makes) },
        update: { value: String(makes) },
      });
      return { body: Buffer.from(`file ${makes}`), contentType: 'text/plain', fileName: 'f.txt' };
    };
    expect((await deps.cache.get(db, 'k', make, deps.slots)).body.toString()).toBe('file 1');
    expect((await deps.cache.get(db, 'k', make, deps.slots)).body.toString()).toBe('file 2');
    await deps.cache.settled();
    expect(deps.cache.size).toBe(0);
  });

  it('a failed making is not kept: the next request tries again', async () => {
    const deps = fresh();
    const failing = async () => {
      throw new Error('broken');
    };
    await expect(deps.cache.get(db, 'k', failing, deps.slots)).rejects.toThrow('broken');
    const file = { body: Buffer.from('ok'), contentType: 'text/plain', fileName: 'f.txt' };
    expect(await deps.cache.get(db, 'k', async () => file, deps.slots)).toBe(file);
  });

  it('EXPORT_CACHE_MB: whole MB, default 64, 0 keeps nothing; anything else is refused', () => {
    expect(exportCacheBytes({})).toBe(64 * MB);
    expect(exportCacheBytes({ EXPORT_CACHE_MB: ' 0 ' })).toBe(0);
    expect(exportCacheBytes({ EXPORT_CACHE_MB: '16' })).toBe(16 * MB);
    for (const bad of ['-1', '1.5', 'lots', '5000']) expect(() => exportCacheBytes({ EXPORT_CACHE_MB: bad })).toThrow(/EXPORT_CACHE_MB/);
  });
});

describe('the download route with a kept file', () => {
  it('answers a repeat 200 with the same bytes while every export slot is taken; another file gets 429', async () => {
    const { token } = await createApiToken(db, { name: 'export cache' }, viewer.actor);
    const call = (params: string) =>
      GET(new Request(`http://localhost/api/v1/reports/quarterly?${params}`, { headers: { authorization: `Bearer ${token}` } }), {
        params: Promise.resolve({}),
      });
    const params = `quarter=2015-Q3&format=pdf&seminar=${scenario.seminarId}`;
    const result = await steady(async () => {
      const first = await call(params);
      const firstBytes = Buffer.from(await first.arrayBuffer());
      const releases: (() => void)[] = [];
      const held = Array.from({ length: exportConcurrency() }, () => exportSlots().run(() => new Promise<void>((resolve) => releases.push(resolve))));
      try {
        const repeat = await call(params);
        const busy = await call(params.replace('format=pdf', 'format=xlsx'));
        return {
          statuses: [first.status, repeat.status, busy.status],
          same: Buffer.from(await repeat.arrayBuffer()).equals(firstBytes),
          retryAfter: busy.headers.get('retry-after'),
          disposition: repeat.headers.get('content-disposition'),
        };
      } finally {
        for (const release of releases) release();
        await Promise.all(held);
      }
    });
    expect(result).toEqual({ statuses: [200, 200, 429], same: true, retryAfter: '15', disposition: 'attachment; filename="tracker-2015-Q3.pdf"' });
  });
});
