import { afterAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '@/lib/errors';
import { parseDateOnly } from '@/lib/dates';
import { seedRecommendations } from '@/lib/test/recommendation-factory';
import { readerActor } from '@/lib/test/refusal';
import { testDb, uniqueId } from '@/lib/test/test-db';
import { listSeminarsForAdmin } from './list-seminars-for-admin';

const db = testDb();
afterAll(() => db.$disconnect());

const admin = readerActor('ADMIN');

/** A seminar of this test's own, with a unique upper-case code prefix. */
async function seedSeminar(title: string, date: string): Promise<{ id: string; codePrefix: string }> {
  const codePrefix = uniqueId('A').toUpperCase();
  return db.seminar.create({
    data: { codePrefix, title, kind: 'SEMINAR', date: parseDateOnly(date)!, sourceText: '' },
    select: { id: true, codePrefix: true },
  });
}

describe('seminars for the admin page', () => {
  it('admin seminars: one page at a time, newest first (code prefix breaks ties), with the total and the number of pages', async () => {
    const tag = uniqueId('Paging');
    // Made out of order; two share a date, so the code prefix decides between them.
    const oldest = await seedSeminar(`${tag} oldest`, '2001-01-01');
    const newest = await seedSeminar(`${tag} newest`, '2001-05-01');
    const sameDayA = await seedSeminar(`${tag} same day`, '2001-03-01');
    const sameDayB = await seedSeminar(`${tag} same day`, '2001-03-01');
    const middle = await seedSeminar(`${tag} middle`, '2001-02-01');
    const [first, second] = [sameDayA, sameDayB].sort((a, b) => (a.codePrefix < b.codePrefix ? -1 : 1));
    const expected = [newest, first!, second!, middle, oldest].map((seminar) => seminar.id);

    const pages = await Promise.all([1, 2, 3].map((page) => listSeminarsForAdmin(db, { page, pageSize: 2, q: tag }, admin)));
    expect(pages.map((page) => page.seminars.map((seminar) => seminar.id))).toEqual([expected.slice(0, 2), expected.slice(2, 4), expected.slice(4)]);
    for (const [index, page] of pages.entries()) expect(page).toMatchObject({ total: 5, pageCount: 3, page: index + 1 });

    // Past the last page: the last page.
    const beyond = await listSeminarsForAdmin(db, { page: 99, pageSize: 2, q: tag }, admin);
    expect(beyond).toMatchObject({ page: 3, pageCount: 3 });
    expect(beyond.seminars.map((seminar) => seminar.id)).toEqual(expected.slice(4));

    // No search: every seminar is counted, a page at a time, newest first.
    const all = await listSeminarsForAdmin(db, { page: 1, pageSize: 3 }, admin);
    expect(all.total).toBe(await db.seminar.count());
    expect(all.pageCount).toBe(Math.ceil(all.total / 3));
    expect(all.seminars).toHaveLength(3);
    const dates = all.seminars.map((seminar) => seminar.date.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it('admin seminars: the search finds a title or a code prefix, ignoring case', async () => {
    const tag = uniqueId('Find').toUpperCase();
    const river = await seedSeminar(`River Water Talks ${tag}`, '2002-01-01');
    await seedSeminar(`Trade Round Table ${tag}`, '2002-02-01');

    const byTitle = await listSeminarsForAdmin(db, { page: 1, pageSize: 10, q: `water talks ${tag.toLowerCase()}` }, admin);
    expect(byTitle.seminars.map((seminar) => seminar.id)).toEqual([river.id]);
    expect(byTitle).toMatchObject({ total: 1, page: 1, pageCount: 1 });

    const byTag = await listSeminarsForAdmin(db, { page: 1, pageSize: 10, q: tag.toLowerCase() }, admin);
    expect(byTag.total).toBe(2);

    const byPrefix = await listSeminarsForAdmin(db, { page: 1, pageSize: 10, q: river.codePrefix.toLowerCase() }, admin);
    expect(byPrefix.seminars.map((seminar) => seminar.codePrefix)).toEqual([river.codePrefix]);

    const none = await listSeminarsForAdmin(db, { page: 1, pageSize: 10, q: `${tag} no such seminar` }, admin);
    expect(none).toMatchObject({ seminars: [], total: 0, page: 1, pageCount: 1 });
  });

  it('admin seminars: % and _ in a search are text, not wildcards', async () => {
    const tag = uniqueId('Wild');
    const percent = await seedSeminar(`${tag} 100%x`, '2003-01-01');
    await seedSeminar(`${tag} 1000x`, '2003-01-02');
    const underscore = await seedSeminar(`${tag} a_y`, '2003-01-03');
    await seedSeminar(`${tag} aby`, '2003-01-04');

    const found = async (q: string) => (await listSeminarsForAdmin(db, { page: 1, pageSize: 10, q }, admin)).seminars.map((seminar) => seminar.id);
    expect(await found(`${tag} 100%X`)).toEqual([percent.id]);
    expect(await found(`${tag} A_Y`)).toEqual([underscore.id]);
  });

  it('admin seminars: each row counts its recommendations and speakers in the database', async () => {
    const items = await seedRecommendations(db, { seminarDate: '2004-01-01', count: 3 });
    const seminarId = items[0]!.seminarId;
    await db.speaker.createMany({
      data: [
        { seminarId, name: 'Ann', position: 1 },
        { seminarId, name: 'Bo', position: 2 },
      ],
    });
    const { codePrefix } = await db.seminar.findUniqueOrThrow({ where: { id: seminarId }, select: { codePrefix: true } });

    const { seminars } = await listSeminarsForAdmin(db, { page: 1, pageSize: 10, q: codePrefix }, admin);
    expect(seminars).toEqual([
      expect.objectContaining({ id: seminarId, codePrefix, recommendationCount: 3, speakerCount: 2, kind: 'ROUND_TABLE', venue: null }),
    ]);
  });

  it('admin seminars: a viewer or an editor is refused', async () => {
    for (const role of ['VIEWER', 'EDITOR'] as const) {
      await expect(listSeminarsForAdmin(db, { page: 1, pageSize: 10 }, readerActor(role))).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});
