import { afterAll, describe, expect, it } from 'vitest';
import type { Prisma } from '@/lib/db/generated/sqlite/client';
import { today } from '@/lib/dates';
import { testDb, uniqueId } from '@/lib/test/test-db';
import { seedRecommendations, seedVocabulary, type SeededRecommendation } from '@/lib/test/recommendation-factory';
import { recommendationFiltersSchema, searchParamsToObject, type RecommendationFilters } from '@/lib/validations/recommendation-filters';
import { listRecommendations, toRecommendationListDto } from './list-recommendations';
import { readerActor } from '@/lib/test/refusal';
import { seedUser } from '@/lib/test/user-factory';
import { addEvidence } from '@/lib/evidence/add-evidence';
import { changeStatusNow } from '@/lib/status/change-status';
import { PRIORITY_RANK } from '@/lib/status/status';
import { bulkUpdateRecommendations } from './bulk-update';
import { updateRecommendation } from './update-recommendation';

const db = testDb();
afterAll(() => db.$disconnect());

const DAY = 86_400_000;

/** Filters as the API would read them from a query string. */
function filters(query: string): RecommendationFilters {
  return recommendationFiltersSchema.parse(searchParamsToObject(new URLSearchParams(query)));
}

async function codes(query: string, now?: Date): Promise<string[]> {
  return (await listRecommendations(db, filters(query), readerActor(), now)).items.map((item) => item.code);
}

function set(item: SeededRecommendation, data: Prisma.RecommendationUpdateInput) {
  return db.recommendation.update({ where: { id: item.id }, data });
}

/** A fresh seminar with `count` items; codes end -R01, -R02, ... */
async function seminarWith(count: number, seminarDate?: string) {
  const items = await seedRecommendations(db, { count, seminarDate });
  return { items, seminarId: items[0]!.seminarId, only: `seminar=${items[0]!.seminarId}` };
}

describe('recommendation list: filters narrow the list', () => {
  it('filters: seminar keeps that seminar’s items; several seminars widen', async () => {
    const first = await seminarWith(2);
    const second = await seminarWith(1);
    expect(await codes(first.only)).toEqual(first.items.map((item) => item.code));
    const both = await listRecommendations(db, filters(`${first.only}&seminar=${second.seminarId}`), readerActor());
    expect(both.total).toBe(3);
    expect(both.items.map((item) => item.code).sort()).toEqual([...first.items, ...second.items].map((item) => item.code).sort());
  });

  it('filters: theme matches the primary or a secondary theme', async () => {
    const { items, only } = await seminarWith(3);
    const theme = await seedVocabulary(db, 'theme');
    await set(items[0]!, { primaryTheme: { connect: { id: theme } } });
    await set(items[1]!, { secondaryThemes: { create: { themeId: theme } } });
    expect(await codes(`${only}&theme=${theme}`)).toEqual([items[0]!.code, items[1]!.code]);
    // The dashboard counts items under their primary theme only, and drills down with themeScope=primary.
    expect(await codes(`${only}&theme=${theme}&themeScope=primary`)).toEqual([items[0]!.code]);
  });

  it('filters: sector keeps items owned by any of the chosen sectors', async () => {
    const { items, only } = await seminarWith(3);
    const [a, b] = [await seedVocabulary(db, 'sector'), await seedVocabulary(db, 'sector')];
    await set(items[0]!, { sectors: { create: { sectorId: a } } });
    await set(items[2]!, { sectors: { create: { sectorId: b } } });
    expect(await codes(`${only}&sector=${a}`)).toEqual([items[0]!.code]);
    expect(await codes(`${only}&sector=${a}&sector=${b}`)).toEqual([items[0]!.code, items[2]!.code]);
  });

  it('filters: status and priority; different filters narrow together', async () => {
    const { items, only } = await seminarWith(4);
    await set(items[0]!, { status: 'IN_PROGRESS', priority: 'HIGH' });
    await set(items[1]!, { status: 'IN_PROGRESS', priority: 'LOW' });
    await set(items[2]!, { status: 'STALLED', priority: 'HIGH' });
    expect(await codes(`${only}&status=IN_PROGRESS`)).toEqual([items[0]!.code, items[1]!.code]);
    expect(await codes(`${only}&status=IN_PROGRESS&status=STALLED`)).toEqual(items.slice(0, 3).map((item) => item.code));
    expect(await codes(`${only}&priority=HIGH`)).toEqual([items[0]!.code, items[2]!.code]);
    expect(await codes(`${only}&status=IN_PROGRESS&priority=HIGH`)).toEqual([items[0]!.code]);
  });

  it('filters: archived items are left out unless asked for', async () => {
    const { items, only } = await seminarWith(2);
    await set(items[1]!, { archived: true });
    expect(await codes(only)).toEqual([items[0]!.code]);
    expect(await codes(`${only}&includeArchived=true`)).toEqual(items.map((item) => item.code));
  });

  it('filters: stale means no status change or evidence for staleDays days (180 by default)', async () => {
    const now = new Date();
    const { items, only } = await seminarWith(3, '2010-01-01');
    await set(items[0]!, { lastActivityAt: new Date(today(now).getTime() - 200 * DAY) });
    await set(items[1]!, { lastActivityAt: new Date(today(now).getTime() - 30 * DAY) });
    await set(items[2]!, { lastActivityAt: today(now) });
    expect(await codes(`${only}&stale=true`, now)).toEqual([items[0]!.code]);
    // Exactly 30 days without activity is 30 days stale.
    expect(await codes(`${only}&stale=true&staleDays=30`, now)).toEqual([items[0]!.code, items[1]!.code]);
    expect(await codes(`${only}&stale=true&staleDays=31`, now)).toEqual([items[0]!.code]);
  });

  it('filters: overdue means past the target date and neither implemented nor no longer relevant', async () => {
    const now = new Date();
    const yesterday = new Date(today(now).getTime() - DAY);
    const { items, only } = await seminarWith(5);
    await set(items[0]!, { targetDate: yesterday, status: 'IN_PROGRESS' });
    await set(items[1]!, { targetDate: yesterday, status: 'IMPLEMENTED' });
    await set(items[2]!, { targetDate: yesterday, status: 'NO_LONGER_RELEVANT' });
    await set(items[3]!, { targetDate: today(now) });
    // items[4] has no target date.
    expect(await codes(`${only}&overdue=true`, now)).toEqual([items[0]!.code]);
    // Each row says whether it is overdue, by the same rule.
    const rows = (await listRecommendations(db, filters(only), readerActor(), now)).items;
    expect(rows.map((row) => row.overdue)).toEqual([true, false, false, false, false]);
  });
});

describe('recommendation list: search', () => {
  it('search: finds a word in the title, the text or a kept evidence note, ignoring case', async () => {
    const word = uniqueId('Quokka');
    const { items, only } = await seminarWith(5);
    await set(items[0]!, { title: `Protect the ${word.toUpperCase()} habitat` });
    await set(items[1]!, { text: `Both governments should study the ${word.toLowerCase()} corridor.` });
    await db.evidenceNote.create({ data: { recommendationId: items[2]!.id, body: `Minister mentioned ${word}.`, evidenceDate: today() } });
    // A removed note no longer counts as evidence, so it is not found either.
    await db.evidenceNote.create({ data: { recommendationId: items[3]!.id, body: `Old note on ${word}.`, evidenceDate: today(), deletedAt: new Date() } });
    const mixedCase = [...word].map((char, index) => (index % 2 ? char.toUpperCase() : char.toLowerCase())).join('');
    expect(await codes(`${only}&q=${encodeURIComponent(mixedCase)}`)).toEqual(items.slice(0, 3).map((item) => item.code));
    // Without the seminar filter too: nothing else in the database has this word.
    expect(await codes(`q=${encodeURIComponent(word.toLowerCase())}`)).toEqual(items.slice(0, 3).map((item) => item.code));
  });

  it('search: finds an item by its code, and an item with two matching notes once', async () => {
    const word = uniqueId('wombat');
    const { items, only } = await seminarWith(2);
    for (const body of [`first ${word}`, `second ${word}`]) {
      await db.evidenceNote.create({ data: { recommendationId: items[1]!.id, body, evidenceDate: today() } });
    }
    expect(await codes(`q=${encodeURIComponent(items[0]!.code.toLowerCase())}`)).toEqual([items[0]!.code]);
    const found = await listRecommendations(db, filters(`${only}&q=${word}`), readerActor());
    expect(found.total).toBe(1);
    expect(found.items.map((item) => item.code)).toEqual([items[1]!.code]);
  });

  it('search: %, _ and \\ are plain characters, not wildcards or escapes', async () => {
    const { items, only } = await seminarWith(3);
    await set(items[0]!, { title: 'Raise tariffs by 5% a year' });
    await set(items[1]!, { title: 'Share files under C:\\Data\\Trade_2024' });
    // "5" appears in neither title nor text: only the literal "5%" matches.
    expect(await codes(`${only}&q=${encodeURIComponent('5%')}`)).toEqual([items[0]!.code]);
    expect(await codes(`${only}&q=${encodeURIComponent('%')}`)).toEqual([items[0]!.code]);
    expect(await codes(`${only}&q=${encodeURIComponent('e_2')}`)).toEqual([items[1]!.code]);
    expect(await codes(`${only}&q=${encodeURIComponent('c:\\data')}`)).toEqual([items[1]!.code]);
    expect(await codes(`${only}&q=${encodeURIComponent('y_')}`)).toEqual([]);
  });
});

describe('recommendation list: rows', () => {
  it('rows: carry seminar, themes, sectors, dates, version and the count of kept evidence', async () => {
    const { items, only } = await seminarWith(1);
    const secondary = await seedVocabulary(db, 'theme');
    await set(items[0]!, { secondaryThemes: { create: { themeId: secondary } }, targetDate: new Date('2030-06-30T00:00:00Z'), priority: 'HIGH' });
    await db.evidenceNote.create({ data: { recommendationId: items[0]!.id, body: 'kept', evidenceDate: today() } });
    await db.evidenceNote.create({ data: { recommendationId: items[0]!.id, body: 'removed', evidenceDate: today(), deletedAt: new Date() } });
    const page = await listRecommendations(db, filters(only), readerActor());
    const row = page.items[0]!;
    expect(row).toMatchObject({ code: items[0]!.code, status: 'NOT_STARTED', priority: 'HIGH', version: 1, evidenceCount: 1 });
    expect(row.seminar.id).toBe(items[0]!.seminarId);
    expect(row.secondaryThemes.map((theme) => theme.id)).toEqual([secondary]);
    expect(row.sectors).toHaveLength(1);
    const dto = toRecommendationListDto(page);
    expect(dto.total).toBe(1);
    expect(dto.nextCursor).toBeNull();
    expect(dto.items[0]).toMatchObject({ code: items[0]!.code, targetDate: '2030-06-30', themes: { secondary: [{ id: secondary }] } });
    expect(Object.keys(dto.items[0]!).sort()).toEqual(
      ['code', 'id', 'priority', 'sectors', 'seminar', 'status', 'targetDate', 'text', 'themes', 'title', 'updatedAt', 'version'].sort(),
    );
  });
});

describe('recommendation list: sorting', () => {
  it('sort: by title either way, ties broken the same way every time', async () => {
    const { items, only } = await seminarWith(4);
    const titles = ['beta', 'alpha', 'gamma', 'alpha'];
    for (const [index, title] of titles.entries()) await set(items[index]!, { title });
    const asc = await listRecommendations(db, filters(`${only}&sort=title`), readerActor());
    expect(asc.items.map((item) => item.title)).toEqual(['alpha', 'alpha', 'beta', 'gamma']);
    const desc = await listRecommendations(db, filters(`${only}&sort=title&dir=desc`), readerActor());
    expect(desc.items.map((item) => item.title)).toEqual(['gamma', 'beta', 'alpha', 'alpha']);
    // Tie-breakers stay ascending, so equal titles keep one order in both directions.
    const ties = (rows: typeof asc.items) => rows.filter((item) => item.title === 'alpha').map((item) => item.id);
    expect(ties(desc.items)).toEqual(ties(asc.items));
  });

  it('sort: by code, status, last update and seminar', async () => {
    const older = await seminarWith(2, '2012-05-01');
    const newer = await seminarWith(2, '2019-05-01');
    const all = `seminar=${older.seminarId}&seminar=${newer.seminarId}`;
    const [a1, a2] = older.items as [SeededRecommendation, SeededRecommendation];
    const [b1, b2] = newer.items as [SeededRecommendation, SeededRecommendation];
    await set(a1, { status: 'STALLED', updatedAt: new Date('2024-01-03T00:00:00Z') });
    await set(a2, { status: 'IMPLEMENTED', updatedAt: new Date('2024-01-01T00:00:00Z') });
    await set(b1, { status: 'IN_PROGRESS', updatedAt: new Date('2024-01-04T00:00:00Z') });
    await set(b2, { status: 'IMPLEMENTED', updatedAt: new Date('2024-01-02T00:00:00Z') });

    const byCode = [a1, a2, b1, b2].map((item) => item.code).sort();
    expect(await codes(`${all}&sort=code`)).toEqual(byCode);
    expect(await codes(`${all}&sort=code&dir=desc`)).toEqual([...byCode].reverse());
    // Same status: by code.
    expect(await codes(`${all}&sort=status`)).toEqual([...[a2, b2].map((item) => item.code).sort(), b1.code, a1.code]);
    expect(await codes(`${all}&sort=updated&dir=desc`)).toEqual([b1, a1, b2, a2].map((item) => item.code));
    // Newest seminar first, each seminar's items still in report order.
    expect(await codes(`${all}&sort=seminar&dir=desc`)).toEqual([b1, b2, a1, a2].map((item) => item.code));
    expect(await codes(`${all}&sort=seminar`)).toEqual([a1, a2, b1, b2].map((item) => item.code));
  });
});

describe('recommendation list: priority and last update', () => {
  it('sort: by priority in the database, high first when descending, ties by code either way', async () => {
    const { items, only } = await seminarWith(5);
    const [i1, i2, i3, i4, i5] = items as [SeededRecommendation, SeededRecommendation, SeededRecommendation, SeededRecommendation, SeededRecommendation];
    const editor = await seedUser(db, { role: 'EDITOR' });
    // Every way a priority is written keeps the rank the sort reads: a plain write, the item's edit form, a bulk change.
    await set(i1, { priority: 'LOW' });
    await updateRecommendation(db, i2.id, { expectedVersion: 1, priority: 'HIGH' }, editor.actor);
    await bulkUpdateRecommendations(
      db,
      { target: { kind: 'items', items: [{ id: i4.id, expectedVersion: 1 }] }, change: { operation: 'priority', priority: 'HIGH' } },
      editor.actor,
    );
    await set(i5, { priority: 'LOW' });
    // i3 keeps the default, MEDIUM.
    const ranks = await db.recommendation.findMany({ where: { seminarId: i1.seminarId }, select: { priority: true, priorityRank: true } });
    for (const row of ranks) expect(row.priorityRank).toBe(PRIORITY_RANK[row.priority as keyof typeof PRIORITY_RANK]);

    expect(await codes(`${only}&sort=priority&dir=desc`)).toEqual([i2, i4, i3, i1, i5].map((item) => item.code));
    expect(await codes(`${only}&sort=priority&dir=asc`)).toEqual([i1, i5, i3, i2, i4].map((item) => item.code));
    const rows = (await listRecommendations(db, filters(`${only}&sort=priority&dir=desc`), readerActor())).items;
    expect(rows.map((row) => row.priority)).toEqual(['HIGH', 'HIGH', 'MEDIUM', 'LOW', 'LOW']);
  });

  it('sort: last update is the last status change or evidence (the stale rule’s date), not the last edit of the record', async () => {
    const { items, only } = await seminarWith(3, '2015-02-12');
    const [i1, i2, i3] = items as [SeededRecommendation, SeededRecommendation, SeededRecommendation];
    const editor = await seedUser(db, { role: 'EDITOR' });
    const day = (text: string) => new Date(`${text}T00:00:00Z`);
    await changeStatusNow(db, { recommendationId: i1.id, expectedVersion: 1, status: 'IN_PROGRESS', effectiveDate: day('2019-06-01') }, editor.actor);
    await addEvidence(db, i2.id, { body: 'A ministry circular.', evidenceDate: day('2021-03-01') }, editor.actor);
    // Edited last, but its last activity is still the seminar: an edit of its details is not activity.
    await updateRecommendation(db, i3.id, { expectedVersion: 1, priority: 'HIGH' }, editor.actor);

    expect(await codes(`${only}&sort=activity&dir=desc`)).toEqual([i2, i1, i3].map((item) => item.code));
    expect(await codes(`${only}&sort=updated&dir=desc`)).toEqual([i3, i2, i1].map((item) => item.code));
    const rows = (await listRecommendations(db, filters(`${only}&sort=activity&dir=desc`), readerActor())).items;
    expect(rows.map((row) => row.lastActivityAt.toISOString().slice(0, 10))).toEqual(['2021-03-01', '2019-06-01', '2015-02-12']);
    // The stale filter reads the same date: 180 days before 2021-06-01 leaves only the item with evidence in 2021 out.
    const stale = await codes(`${only}&stale=true&sort=code`, day('2021-06-01'));
    expect(stale).toEqual([i1, i3].map((item) => item.code));
    // Each row says so too, by the same rule and days.
    const marked = (await listRecommendations(db, filters(`${only}&sort=code`), readerActor(), day('2021-06-01'))).items;
    expect(marked.map((row) => row.stale)).toEqual([true, false, true]);
  });
});

describe('recommendation list: pagination', () => {
  async function walk(query: string): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 50; guard += 1) {
      const page = await listRecommendations(db, filters(cursor ? `${query}&cursor=${cursor}` : query), readerActor());
      seen.push(...page.items.map((item) => item.code));
      cursor = page.nextCursor;
      if (!cursor) return seen;
    }
    throw new Error('pagination did not end');
  }

  it('cursor: walking every page gives every item once, in the same order as one big page, for every sort', async () => {
    const first = await seminarWith(4, '2011-01-01');
    const second = await seminarWith(3, '2013-01-01');
    const titles = ['b', 'a', 'b', 'c', 'a', 'b', 'a'];
    const statuses = ['STALLED', 'IN_PROGRESS', 'STALLED', 'NOT_STARTED', 'STALLED', 'IN_PROGRESS', 'NOT_STARTED'];
    const stamps = ['2024-01-01', '2024-01-01', '2024-01-02', '2024-01-01', '2024-01-03', '2024-01-02', '2024-01-01'];
    const priorities = ['HIGH', 'LOW', 'HIGH', 'MEDIUM', 'LOW', 'HIGH', 'MEDIUM'];
    for (const [index, item] of [...first.items, ...second.items].entries()) {
      const stamp = new Date(`${stamps[index]!}T00:00:00Z`);
      await set(item, { title: titles[index]!, status: statuses[index]!, priority: priorities[index]!, updatedAt: stamp, lastActivityAt: stamp });
    }
    const base = `seminar=${first.seminarId}&seminar=${second.seminarId}`;
    for (const sort of ['code', 'title', 'status', 'priority', 'activity', 'updated', 'seminar']) {
      for (const dir of ['asc', 'desc']) {
        const query = `${base}&sort=${sort}&dir=${dir}`;
        const whole = await codes(`${query}&pageSize=100`);
        expect(whole, `${sort} ${dir}`).toHaveLength(7);
        expect(await walk(`${query}&pageSize=2`), `${sort} ${dir}`).toEqual(whole);
        expect(await walk(`${query}&pageSize=1`), `${sort} ${dir}`).toEqual(whole);
      }
    }
  });

  it('cursor: an item added before the cursor meanwhile neither repeats nor hides the others', async () => {
    const { items, only } = await seminarWith(5);
    const firstPage = await listRecommendations(db, filters(`${only}&pageSize=2`), readerActor());
    expect(firstPage.total).toBe(5);
    expect(firstPage.items.map((item) => item.code)).toEqual([items[0]!.code, items[1]!.code]);
    // Someone edits the first item so it sorts last by title; the rest carry on from the cursor.
    await set(items[0]!, { title: 'zzz moved to the end' });
    const rest: string[] = [];
    let cursor = firstPage.nextCursor;
    while (cursor) {
      const page = await listRecommendations(db, filters(`${only}&pageSize=2&cursor=${cursor}`), readerActor());
      rest.push(...page.items.map((item) => item.code));
      cursor = page.nextCursor;
    }
    expect(rest).toEqual(items.slice(2).map((item) => item.code));
  });

  it('pages: page numbers split the same order, and the total counts every match', async () => {
    const { items, only } = await seminarWith(5);
    const page1 = await listRecommendations(db, filters(`${only}&pageSize=2&page=1`), readerActor());
    const page3 = await listRecommendations(db, filters(`${only}&pageSize=2&page=3`), readerActor());
    const page4 = await listRecommendations(db, filters(`${only}&pageSize=2&page=4`), readerActor());
    expect(page1.items.map((item) => item.code)).toEqual(items.slice(0, 2).map((item) => item.code));
    expect(page3.items.map((item) => item.code)).toEqual([items[4]!.code]);
    expect(page3.nextCursor).toBeNull();
    expect([page1.total, page3.total, page4.total]).toEqual([5, 5, 5]);
    expect(page4.items).toEqual([]);
    // A page number's nextCursor carries on from that page.
    const after1 = await listRecommendations(db, filters(`${only}&pageSize=2&cursor=${page1.nextCursor}`), readerActor());
    expect(after1.items.map((item) => item.code)).toEqual(items.slice(2, 4).map((item) => item.code));
  });
});
