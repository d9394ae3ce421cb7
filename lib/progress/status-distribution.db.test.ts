import { afterAll, describe, expect, it } from 'vitest';
import { today } from '@/lib/dates';
import { changeStatusNow } from '@/lib/status/change-status';
import type { Status } from '@/lib/status/status';
import { seedRecommendations, seedVocabulary, type SeededRecommendation } from '@/lib/test/recommendation-factory';
import { seedUser } from '@/lib/test/user-factory';
import { testDb } from '@/lib/test/test-db';
import { emptyCounts, getStatusDistribution } from './status-distribution';
import { day, recordChange, seedHistoryItems } from './test-history';

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
    const [a, b, c, d] = items as [SeededRecommendation, SeededRecommendation, SeededRecommendation, SeededRecommendation];
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
});
