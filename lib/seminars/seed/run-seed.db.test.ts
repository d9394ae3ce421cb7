import { afterAll, describe, expect, it } from 'vitest';
import { reflow } from '@/lib/import/parse-report';
import { testDb } from '@/lib/test/test-db';
import expected from './expected-recommendations.json';
import { runSeed } from './run-seed';
import { SEED_REPORTS } from './seed-reports';
import { SYSTEM_ACTOR } from '@/lib/auth/actor';

const db = testDb();
afterAll(() => db.$disconnect());

type Expected = { text: string; start: number; end: number; lineStart: number; lineEnd: number };
const expectedByFile = expected as Record<string, Expected[]>;
// Other test files add seminars of their own: look only at the seeded ones.
const SEED_PREFIXES = SEED_REPORTS.map((report) => report.codePrefix);

describe('seed (the global setup has already run it once)', () => {
  it('holds both reports: 12 recommendations from 2015 and 7 from 2012, with the reviewed verbatim texts', async () => {
    for (const report of SEED_REPORTS) {
      const seminar = await db.seminar.findUniqueOrThrow({
        where: { codePrefix: report.codePrefix },
        select: { title: true, date: true, recommendations: { orderBy: { position: 'asc' }, select: { code: true, text: true, sourceStart: true, sourceEnd: true, sourceLineStart: true, sourceLineEnd: true } } },
      });
      expect(seminar.title).toBe(report.title);
      expect(seminar.date.toISOString().slice(0, 10)).toBe(report.date);
      const items = expectedByFile[report.file]!;
      expect(seminar.recommendations).toEqual(
        items.map((item, index) => ({
          code: `${report.codePrefix}-R${String(index + 1).padStart(2, '0')}`,
          text: item.text,
          sourceStart: item.start,
          sourceEnd: item.end,
          sourceLineStart: item.lineStart,
          sourceLineEnd: item.lineEnd,
        })),
      );
    }
    expect(await db.recommendation.count({ where: { seminar: { codePrefix: '2015' } } })).toBe(12);
    expect(await db.recommendation.count({ where: { seminar: { codePrefix: '2012' } } })).toBe(7);
  });

  it('provenance: each recommendation\'s source range, re-flowed, is exactly its text, on the lines it names', async () => {
    const seminars = await db.seminar.findMany({
      where: { codePrefix: { in: SEED_PREFIXES } },
      select: { sourceText: true, recommendations: { select: { code: true, text: true, sourceStart: true, sourceEnd: true, sourceLineStart: true, sourceLineEnd: true } } },
    });
    for (const seminar of seminars) {
      for (const item of seminar.recommendations) {
        expect(reflow(seminar.sourceText.slice(item.sourceStart!, item.sourceEnd!)), item.code).toBe(item.text);
        const lineOf = (offset: number) => seminar.sourceText.slice(0, offset).split('\n').length;
        expect(lineOf(item.sourceStart!), item.code).toBe(item.sourceLineStart);
        expect(lineOf(item.sourceEnd! - 1), item.code).toBe(item.sourceLineEnd);
      }
    }
  });

  it('every recommendation starts NOT_STARTED, effective on its seminar date, with a theme and an owner sector', async () => {
    const items = await db.recommendation.findMany({
      where: { seminar: { codePrefix: { in: SEED_PREFIXES } } },
      select: { code: true, status: true, statusDate: true, primaryThemeId: true, seminar: { select: { date: true } }, _count: { select: { sectors: true } }, statusChanges: { select: { toStatus: true, fromStatus: true, effectiveDate: true, recordedAt: true } } },
    });
    expect(items).toHaveLength(19);
    for (const item of items) {
      expect(item.status, item.code).toBe('NOT_STARTED');
      expect(item.statusDate).toEqual(item.seminar.date);
      expect(item.statusChanges, item.code).toEqual([{ fromStatus: null, toStatus: 'NOT_STARTED', effectiveDate: item.seminar.date, recordedAt: item.seminar.date }]);
      expect(item._count.sectors, item.code).toBeGreaterThan(0);
    }
  });

  it('is idempotent: running it again creates, changes and audits nothing', async () => {
    const snapshot = async () => ({
      recommendations: await db.recommendation.findMany({ orderBy: { code: 'asc' }, select: { code: true, updatedAt: true, version: true, title: true } }),
      seminars: await db.seminar.findMany({ orderBy: { codePrefix: 'asc' }, select: { codePrefix: true, updatedAt: true } }),
      themes: await db.theme.count(),
      sectors: await db.sector.count(),
      statusChanges: await db.statusChange.count(),
      speakers: await db.speaker.count(),
      audit: await db.auditLog.count(),
    });
    const before = await snapshot();
    expect(await runSeed(db, SYSTEM_ACTOR)).toEqual({ themes: 0, sectors: 0, seminars: 0, recommendations: 0 });
    expect(await snapshot()).toEqual(before);
  });
});
