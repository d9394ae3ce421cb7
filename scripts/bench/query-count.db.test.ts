// No N+1: each page's data costs the same number of SQL statements whatever the amount of data.
// Two generated data sets (scripts/bench/generate.ts) of very different sizes go into the test
// database; every page data function is run on each through a client that records the statements
// it sends to the driver (scripts/bench/sql-floor.ts), and the counts must be equal.
import type { SqlQuery } from '@prisma/driver-adapter-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db';
import { listAuditLog, parseAuditLogFilters } from '@/lib/audit/list-audit-log';
import { SYSTEM_ACTOR } from '@/lib/auth/actor';
import { STATUSES_NEEDING_EVIDENCE } from '@/lib/status/status';
import { testDatabaseUrl, testDb, testProvider, uniqueId } from '@/lib/test/test-db';
import { DEFAULT_PROGRESS_QUERY, type ProgressQuery } from '@/lib/validations/progress';
import { generateDataset, type DatasetSpec } from './generate';
import { dashboardParts, itemPageData, listPageData, progressApiData, type PageData } from './page-data';
import { recordingClient } from './sql-floor';

const db = testDb();
const url = testDatabaseUrl();
const log: SqlQuery[] = [];
const counting = recordingClient(url, log);
afterAll(async () => {
  await db.$disconnect();
  await counting.$disconnect();
});

const SMALL: DatasetSpec = { seminars: 2, recommendations: 6, statusChanges: 24, evidenceNotes: 10, years: 3, users: 2 };
const LARGE: DatasetSpec = { seminars: 6, recommendations: 90, statusChanges: 1_800, evidenceNotes: 700, years: 10, users: 5 };

type DataSet = { seminarIds: string[]; busiestCode: string; items: number };

async function generate(spec: DatasetSpec): Promise<DataSet> {
  const prefix = uniqueId('Q').toUpperCase();
  await generateDataset(url, spec, { seed: 'query-count', prefix });
  const seminars = await db.seminar.findMany({ where: { codePrefix: { startsWith: prefix } }, select: { id: true } });
  const items = await db.recommendation.findMany({
    where: { seminarId: { in: seminars.map((seminar) => seminar.id) } },
    select: { code: true, _count: { select: { statusChanges: true } } },
    orderBy: { code: 'asc' },
  });
  const busiest = items.reduce((best, item) => (item._count.statusChanges > best._count.statusChanges ? item : best));
  return { seminarIds: seminars.map((seminar) => seminar.id), busiestCode: busiest.code, items: items.length };
}

/**
 * Statements sent to the driver (transaction control left out) while `data` runs, with nothing
 * cached: a write first moves the data version, so the caches kept per version
 * (lib/cache/data-version-cache.ts) read everything afresh.
 */
async function statementsOf(data: PageData): Promise<number> {
  await db.setting.upsert({ where: { key: 'test.query-count' }, create: { key: 'test.query-count', value: '1' }, update: { value: uniqueId('v') } });
  log.length = 0;
  await data(counting);
  return log.filter((query) => !/^\s*(BEGIN|COMMIT|ROLLBACK)\b/i.test(query.sql)).length;
}

let small: DataSet;
let large: DataSet;
beforeAll(async () => {
  small = await generate(SMALL);
  large = await generate(LARGE);
});

const scoped = (set: DataSet): ProgressQuery => ({ ...DEFAULT_PROGRESS_QUERY, seminar: set.seminarIds });

describe('query count per page (no N+1)', () => {
  it('query count: the data sets differ in size by more than ten times', () => {
    expect(small.items).toBe(SMALL.recommendations);
    expect(large.items).toBe(LARGE.recommendations);
  });

  it('query count: the recommendations list with a filter and a search term is the same at both sizes', async () => {
    const list = (set: DataSet) => listPageData({ seminar: set.seminarIds, q: 'the', sort: 'updated', dir: 'desc' });
    const [atSmall, atLarge] = [await statementsOf(list(small)), await statementsOf(list(large))];
    expect(atSmall).toBeGreaterThan(0);
    expect(atLarge).toBe(atSmall);
  });

  it('query count: the list seen again, data unchanged, reads neither the search index nor the filter choices again', async () => {
    const list = listPageData({ seminar: large.seminarIds, q: 'the', sort: 'updated', dir: 'desc' });
    const first = await statementsOf(list);
    log.length = 0;
    await list(counting);
    const again = log.filter((query) => !/^\s*(BEGIN|COMMIT|ROLLBACK)\b/i.test(query.sql));
    expect(again.length).toBeLessThanOrEqual(first);
    // On PostgreSQL the data version is the server's snapshot, which the other test workers' writes to
    // their own databases move at any moment (lib/db/data-version.ts): a hit is certain on SQLite only.
    if (testProvider() !== 'sqlite') return;
    expect(again.some((query) => /SearchIndex|SearchText/.test(query.sql))).toBe(false);
    expect(again.some((query) => /FROM\s+\S*Theme\S*\s+WHERE\s+\S*mergedIntoId/i.test(query.sql))).toBe(false);
    expect(again.length).toBeLessThan(first);
  });

  it('query count: a recommendation page is the same for a short and a long history', async () => {
    const [atSmall, atLarge] = [await statementsOf(itemPageData(small.busiestCode)), await statementsOf(itemPageData(large.busiestCode))];
    expect(atSmall).toBeGreaterThan(0);
    expect(atLarge).toBe(atSmall);
  });

  it('query count: each part of the dashboard is the same at both sizes', async () => {
    const smallParts = dashboardParts(scoped(small));
    const largeParts = dashboardParts(scoped(large));
    for (const [name, part] of Object.entries(smallParts)) {
      const atSmall = await statementsOf(part);
      const atLarge = await statementsOf(largeParts[name]!);
      expect({ name, statements: atLarge }).toEqual({ name, statements: atSmall });
    }
  });

  it('query count: GET /api/v1/progress is the same at both sizes', async () => {
    const [atSmall, atLarge] = [await statementsOf(progressApiData(scoped(small))), await statementsOf(progressApiData(scoped(large)))];
    expect(atSmall).toBeGreaterThan(0);
    expect(atLarge).toBe(atSmall);
  });

  /** The database's plan for each statement `data` sends that orders its rows. */
  async function orderedPlans(data: PageData): Promise<{ sql: string; plan: string }[]> {
    log.length = 0;
    await data(counting);
    const ordered = log.filter((query) => /^\s*SELECT\b/i.test(query.sql) && /\bORDER BY\b/i.test(query.sql));
    return Promise.all(
      ordered.map(async ({ sql, args }) => {
        if (testProvider() === 'sqlite') {
          const rows = await db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, ...args);
          return { sql, plan: rows.map((row) => row.detail).join('\n') };
        }
        // Test tables are small enough to read whole (or a few matches) and sort: ask whether an
        // index can give the order (a plan without one keeps its Sort, however discouraged).
        const rows = await db.$transaction(async (tx) => {
          for (const setting of ['enable_seqscan', 'enable_bitmapscan', 'enable_sort']) await tx.$executeRawUnsafe(`SET LOCAL ${setting} = off`);
          return tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${sql}`, ...args);
        });
        return { sql, plan: rows.map((row) => row['QUERY PLAN']).join('\n') };
      }),
    );
  }

  it('plans: the newest-first reads (recent activity, the audit log by any actor or action) come from an index in order, never sorted', async () => {
    // Unfiltered, as the dashboard opens (filtered to a few seminars, starting from their items is right).
    const recentActivity = dashboardParts().recentActivity!;
    // The audit page's own parsing of its URL query.
    const filters = (query: Record<string, string>) => parseAuditLogFilters(query).filters;
    const actor = await db.auditLog.findFirstOrThrow({ where: { actorId: { not: null } }, select: { actorId: true } });
    const sources: [string, PageData][] = [
      ['recent activity', recentActivity],
      ['audit log', (client) => listAuditLog(client, filters({}), SYSTEM_ACTOR)],
      ['audit log by action', (client) => listAuditLog(client, filters({ action: 'recommendation.status_change' }), SYSTEM_ACTOR)],
      ['audit log by actor', (client) => listAuditLog(client, filters({ user: actor.actorId! }), SYSTEM_ACTOR)],
    ];
    for (const [name, data] of sources) {
      const plans = await orderedPlans(data);
      expect(plans.length, name).toBeGreaterThan(0);
      for (const { sql, plan } of plans) {
        // SQLite says "USE TEMP B-TREE FOR ORDER BY" (or "FOR LAST TERM OF ORDER BY") when it sorts; PostgreSQL shows a Sort node.
        expect(plan, `${name}: ${sql.slice(0, 80)}`).not.toMatch(testProvider() === 'sqlite' ? /TEMP B-TREE FOR .*ORDER BY/ : /Sort/);
      }
    }
  });
});

describe('generated data', () => {
  async function itemsOf(set: DataSet, client: Db) {
    return client.recommendation.findMany({
      where: { seminarId: { in: set.seminarIds } },
      select: {
        status: true,
        statusDate: true,
        lastActivityAt: true,
        version: true,
        seminar: { select: { date: true } },
        statusChanges: {
          orderBy: [{ effectiveDate: 'asc' }, { recordedAt: 'asc' }, { id: 'asc' }],
          select: { toStatus: true, effectiveDate: true, recordedAt: true },
        },
        evidenceNotes: { select: { evidenceDate: true, createdAt: true, deletedAt: true } },
      },
    });
  }

  it('generator: every item agrees with its status history as recompute-status would leave it', async () => {
    for (const item of await itemsOf(large, db)) {
      const history = item.statusChanges;
      const latest = history.at(-1)!;
      expect(item.status).toBe(latest.toStatus);
      expect(item.statusDate).toEqual(latest.effectiveDate);
      expect(item.version).toBe(history.length);
      const kept = item.evidenceNotes.filter((note) => note.deletedAt === null).map((note) => note.evidenceDate.getTime());
      expect(item.lastActivityAt.getTime()).toBe(Math.max(latest.effectiveDate.getTime(), ...kept));
    }
  });

  it('generator: histories are valid: NOT_STARTED at the seminar, real transitions, evidence first, some back-dated', async () => {
    let backdated = 0;
    for (const item of await itemsOf(large, db)) {
      const [first, ...rest] = item.statusChanges;
      expect(first).toMatchObject({ toStatus: 'NOT_STARTED', effectiveDate: item.seminar.date });
      rest.forEach((change, index) => {
        const previous = item.statusChanges[index]!;
        expect(change.toStatus).not.toBe(previous.toStatus);
        expect(change.effectiveDate.getTime()).toBeGreaterThan(previous.effectiveDate.getTime());
        expect(change.recordedAt.getTime()).toBeGreaterThanOrEqual(change.effectiveDate.getTime());
        if (change.recordedAt.getTime() - change.effectiveDate.getTime() > 30 * 86_400_000) backdated += 1;
        if ((STATUSES_NEEDING_EVIDENCE as readonly string[]).includes(change.toStatus)) {
          expect(item.evidenceNotes.some((note) => note.createdAt < change.recordedAt)).toBe(true);
        }
      });
    }
    expect(backdated).toBeGreaterThan(0);
  });
});
