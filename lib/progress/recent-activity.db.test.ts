import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '@/lib/test/test-db';
import { seedUser } from '@/lib/test/user-factory';
import { listRecentActivity } from './recent-activity';
import { day, recordChange, recordEvidence, seedHistoryItems } from '@/lib/test/test-history';

const db = testDb();
afterAll(() => db.$disconnect());

describe('recent activity', () => {
  it('activity: status changes and evidence, newest entered first, as known on the as-of day', async () => {
    const [a, b] = await seedHistoryItems(db, 2);
    const editor = await seedUser(db, { role: 'EDITOR' });
    await recordChange(db, a!, 'IN_PROGRESS', '2015-05-01', { recordedAt: '2015-05-02T10:00:00.000Z', authorId: editor.id });
    await recordEvidence(db, b!, '2015-05-03', { sourceTitle: 'Joint statement', authorId: editor.id });
    // Back-dated: entered in June about March.
    await recordChange(db, b!, 'STALLED', '2015-03-01', { recordedAt: '2015-06-01T10:00:00.000Z' });
    // Removed before the as-of day, and entered after it.
    await recordEvidence(db, a!, '2015-05-05', { deletedAt: '2015-05-06T10:00:00.000Z' });
    await recordChange(db, a!, 'STALLED', '2015-06-10', { recordedAt: '2015-07-01T10:00:00.000Z' });

    const entries = await listRecentActivity(db, { scope: { seminar: [a!.seminarId], theme: [], sector: [] }, asOf: day('2015-06-30') });
    expect(entries.map((e) => [e.kind, e.item.code, e.kind === 'status' ? e.toStatus : e.summary])).toEqual([
      ['status', b!.code, 'STALLED'],
      ['evidence', b!.code, 'Joint statement'],
      ['status', a!.code, 'IN_PROGRESS'],
      ['status', b!.code, 'NOT_STARTED'],
      ['status', a!.code, 'NOT_STARTED'],
    ]);
    expect(entries[2]).toMatchObject({ who: 'Test User', effectiveDate: day('2015-05-01') });
    expect(entries[0]).toMatchObject({ who: 'System', effectiveDate: day('2015-03-01') });

    const latest = await listRecentActivity(db, { scope: { seminar: [a!.seminarId], theme: [], sector: [] }, asOf: day('2015-06-30'), limit: 2 });
    expect(latest.map((e) => e.kind)).toEqual(['status', 'evidence']);
  });
});
