import { afterAll, describe, expect, it } from 'vitest';
import { seedVocabulary } from '@/lib/test/recommendation-factory';
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
});
