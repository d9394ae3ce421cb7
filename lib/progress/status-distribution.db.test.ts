import { afterAll, describe, expect, it } from 'vitest';
import { today } from '@/lib/dates';
import { updateRecommendation } from '@/lib/recommendations/update-recommendation';
import { changeStatusNow } from '@/lib/status/change-status';
import type { Status } from '@/lib/status/status';
import { seedRecommendations, seedVocabulary, type SeededRecommendation } from '@/lib/test/recommendation-factory';
import { seedUser } from '@/lib/test/user-factory';
import { testDb } from '@/lib/test/test-db';
import type { ItemScope } from './history-sql';
import { emptyCounts, getStatusDistribution, type StatusCounts } from './status-distribution';
import { day, recordChange, seedHistoryItems } from '@/lib/test/test-history';

const db = testDb();
afterAll(() => db.$disconnect());

describe('status distribution', () => {
  it('distribution: counts each group\u2019s items by their status on the as-of day', async () => {
    const [a, b, c] = await seedHistoryItems(db, 3);
    const extraSector = await seedVocabulary(db, 'sector');
    await db.recommendationSector.create({ data: { recommendationId: a!.id, sectorId: extraSector } });
    await recordChange(db, a!, 'IMPLEMENTED', '2015-06-01');
    await recordChange(db, b!, 'NO_LONGER_RELEVANT', '2015-06-01');
    // Effective after the as-of day, and recorded after it: neither counts.
    await recordChange(db, c!, 'STALLED', '2016-02-01');
    await recordChange(db, c!, 'IN_PROGRESS', '2015-07-01', { recordedAt: '2016-03-01T10:00:00.000Z' });
    const scope = { seminar: [a!.seminarId], theme: [], sector: [] };
    const asOf = day('2016-01-31');

    const [seminar] = await getStatusDistribution(db, { by: 'seminar', scope, asOf });
    expect(seminar).toMatchObject({
      id: a!.seminarId,
      counts: { ...emptyCounts(), IMPLEMENTED: 1, NO_LONGER_RELEVANT: 1, NOT_STARTED: 1 },
      total: 3,
      progress: 0.5,
    });

    const bySector = await getStatusDistribution(db, { by: 'sector', scope, asOf });
    expect(bySector.find((row) => row.id === extraSector)).toMatchObject({ total: 1, progress: 1, counts: { IMPLEMENTED: 1 } });
    expect(bySector).toHaveLength(2);

    const byTheme = await getStatusDistribution(db, { by: 'theme', scope, asOf });
    expect(byTheme).toHaveLength(1);
    expect(byTheme[0]).toMatchObject({ color: '#336699', total: 3 });
  });

  it('distribution as of today: each item counts once in its current status, under each of its sectors; archived items not at all', async () => {
    const items = await seedRecommendations(db, { seminarDate: '2024-03-01', count: 4 });
    const [a, b, , d] = items as [SeededRecommendation, SeededRecommendation, SeededRecommendation, SeededRecommendation];
    const actor = (await seedUser(db, { role: 'EDITOR' })).actor;
    const change = async (item: SeededRecommendation, status: Status, effective: string) => {
      const { version } = await db.recommendation.findUniqueOrThrow({ where: { id: item.id }, select: { version: true } });
      await changeStatusNow(db, { recommendationId: item.id, expectedVersion: version, status, effectiveDate: day(effective), note: 'Test.' }, actor);
    };
    await change(a, 'IN_PROGRESS', '2024-06-01');
    await change(a, 'NO_LONGER_RELEVANT', '2025-01-10');
    await change(b, 'STALLED', '2024-09-01');
    await change(d, 'IN_PROGRESS', '2024-09-01');
    await db.recommendation.update({ where: { id: d.id }, data: { archived: true } });
    const extraSector = await seedVocabulary(db, 'sector');
    await db.recommendationSector.create({ data: { recommendationId: a.id, sectorId: extraSector } });
    const scope = { seminar: [a.seminarId], theme: [], sector: [] };
    const asOf = today();
    const counts = { ...emptyCounts(), NO_LONGER_RELEVANT: 1, STALLED: 1, NOT_STARTED: 1 };

    const [seminar] = await getStatusDistribution(db, { by: 'seminar', scope, asOf });
    expect(seminar).toMatchObject({ id: a.seminarId, counts, total: 3 });
    const [theme] = await getStatusDistribution(db, { by: 'theme', scope, asOf });
    expect(theme).toMatchObject({ counts, total: 3 });
    const bySector = await getStatusDistribution(db, { by: 'sector', scope, asOf });
    expect(bySector.find((row) => row.id === extraSector)).toMatchObject({ counts: { ...emptyCounts(), NO_LONGER_RELEVANT: 1 }, total: 1, progress: null });
    expect(bySector.find((row) => row.id !== extraSector)).toMatchObject({ counts, total: 3 });
  });

  it('distribution as of today without a seminar filter: read from the progress tally, the same counts as the items give, through edits', async () => {
    const items = await seedRecommendations(db, { seminarDate: '2023-03-01', count: 4 });
    const [a, b, c, d] = items as [SeededRecommendation, SeededRecommendation, SeededRecommendation, SeededRecommendation];
    const actor = (await seedUser(db, { role: 'EDITOR' })).actor;
    const versionOf = async (item: SeededRecommendation) =>
      (await db.recommendation.findUniqueOrThrow({ where: { id: item.id }, select: { version: true } })).version;
    const change = async (item: SeededRecommendation, status: Status, effective: string) =>
      changeStatusNow(db, { recommendationId: item.id, expectedVersion: await versionOf(item), status, effectiveDate: day(effective), note: 'Test.' }, actor);
    const { primaryThemeId: themeA } = await db.recommendation.findUniqueOrThrow({ where: { id: a.id }, select: { primaryThemeId: true } });
    const themeB = await seedVocabulary(db, 'theme');
    const sectorA = (await db.recommendationSector.findFirstOrThrow({ where: { recommendationId: a.id } })).sectorId;
    const sectorB = await seedVocabulary(db, 'sector');

    await change(a, 'IN_PROGRESS', '2024-06-01');
    await change(a, 'STALLED', '2025-01-10');
    // Back-dated between a's two changes: a's current status stays STALLED.
    await change(a, 'STALLED', '2024-09-01');
    await change(b, 'IN_PROGRESS', '2024-09-01');
    await change(c, 'NO_LONGER_RELEVANT', '2024-09-01');
    // b moves to another primary theme; c gains a second owner sector; d keeps its first status.
    await updateRecommendation(db, b.id, { expectedVersion: await versionOf(b), primaryThemeId: themeB }, actor);
    await updateRecommendation(db, c.id, { expectedVersion: await versionOf(c), sectorIds: [sectorA, sectorB] }, actor);
    // d passes through a sector and back: that sector's tally sums to nothing, and it is not shown.
    const sectorC = await seedVocabulary(db, 'sector');
    await updateRecommendation(db, d.id, { expectedVersion: await versionOf(d), sectorIds: [sectorC] }, actor);
    await updateRecommendation(db, d.id, { expectedVersion: await versionOf(d), sectorIds: [sectorA] }, actor);

    const asOf = today();
    const scope = { seminar: [], theme: [themeA, themeB], sector: [] };
    const byTheme = await getStatusDistribution(db, { by: 'theme', scope, asOf });
    expect(byTheme.map((row) => [row.id, row.counts, row.total])).toEqual([
      [themeA, { ...emptyCounts(), STALLED: 1, NO_LONGER_RELEVANT: 1, NOT_STARTED: 1 }, 3],
      [themeB, { ...emptyCounts(), IN_PROGRESS: 1 }, 1],
    ]);
    const bySector = await getStatusDistribution(db, { by: 'sector', scope, asOf });
    expect(bySector.map((row) => [row.id, row.total])).toEqual([
      [sectorA, 4],
      [sectorB, 1],
    ]);
    expect(bySector[1]).toMatchObject({ counts: { ...emptyCounts(), NO_LONGER_RELEVANT: 1 }, progress: null });
    const oneSector = { ...scope, sector: [sectorB] };
    expect(await getStatusDistribution(db, { by: 'theme', scope: oneSector, asOf })).toMatchObject([{ id: themeA, total: 1 }]);

    // The same counts from the items themselves: their stored status, per primary theme or per chosen owner sector.
    const fromItems = async (by: 'theme' | 'sector', within: ItemScope) => {
      const rows = await db.recommendation.findMany({
        where: {
          id: { in: items.map((item) => item.id) },
          archived: false,
          primaryThemeId: { in: within.theme },
          ...(within.sector.length ? { sectors: { some: { sectorId: { in: within.sector } } } } : {}),
        },
        select: { status: true, primaryThemeId: true, sectors: { select: { sectorId: true } } },
      });
      const out: Record<string, StatusCounts> = {};
      for (const row of rows) {
        const groups =
          by === 'theme' ? [row.primaryThemeId] : row.sectors.map((link) => link.sectorId).filter((id) => !within.sector.length || within.sector.includes(id));
        for (const group of groups) (out[group] ??= emptyCounts())[row.status as Status] += 1;
      }
      return out;
    };
    for (const [by, within] of [
      ['theme', scope],
      ['sector', scope],
      ['theme', oneSector],
      ['sector', oneSector],
    ] as const) {
      const rows = await getStatusDistribution(db, { by, scope: within, asOf });
      expect(Object.fromEntries(rows.map((row) => [row.id, row.counts])), `${by} ${within.sector.length}`).toEqual(await fromItems(by, within));
    }
  });
});
