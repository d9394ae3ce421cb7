// Test-only factories for the *.db.test.ts files of lib/status, lib/evidence and lib/recommendations:
// each call makes its own seminar and recommendations with unique codes, so tests never share rows.
import type { Db } from '@/lib/db';
import { parseDateOnly } from '@/lib/dates';
import { recommendationCode } from '@/lib/recommendations/code';
import { uniqueId } from './test-db';
import { addItemsToTally } from '@/lib/progress/tally/rebuild-progress-tally';

export type SeededRecommendation = { id: string; code: string; seminarId: string; seminarDate: Date; version: number };

const SOURCE_BEFORE = 'Report of the round table.\n\nRecommendations\n\n1. ';

/** A unique theme or sector, optionally already merged into another (so no longer choosable). */
export async function seedVocabulary(db: Db, kind: 'theme' | 'sector', options: { mergedIntoId?: string } = {}): Promise<string> {
  const slug = uniqueId(kind);
  const data = { slug, name: `Test ${kind} ${slug}`, color: '#336699', sortOrder: 900, mergedIntoId: options.mergedIntoId ?? null };
  const row = kind === 'theme' ? await db.theme.create({ data, select: { id: true } }) : await db.sector.create({ data, select: { id: true } });
  return row.id;
}

/**
 * A seminar held on `seminarDate` (default 2015-02-12) with `count` recommendations, each starting
 * NOT_STARTED on the seminar date, with its own primary theme and one owner sector.
 */
export async function seedRecommendations(db: Db, options: { seminarDate?: string; count?: number } = {}): Promise<SeededRecommendation[]> {
  const seminarDate = parseDateOnly(options.seminarDate ?? '2015-02-12')!;
  const prefix = uniqueId('S').toUpperCase();
  const text = 'Both governments should set up a joint working group on trade facilitation.';
  const sourceText = `${SOURCE_BEFORE}${text}\n\nAnnex\n`;
  const seminar = await db.seminar.create({
    data: { codePrefix: prefix, title: `Test seminar ${prefix}`, kind: 'ROUND_TABLE', date: seminarDate, sourceText },
    select: { id: true },
  });
  const themeId = await seedVocabulary(db, 'theme');
  const sectorId = await seedVocabulary(db, 'sector');
  const items: SeededRecommendation[] = [];
  for (let position = 1; position <= (options.count ?? 1); position += 1) {
    const code = recommendationCode(prefix, position);
    const item = await db.recommendation.create({
      data: {
        code,
        seminarId: seminar.id,
        position,
        title: `Working group ${position}`,
        text,
        sourceStart: SOURCE_BEFORE.length,
        sourceEnd: SOURCE_BEFORE.length + text.length,
        sourceLineStart: 5,
        sourceLineEnd: 5,
        primaryThemeId: themeId,
        status: 'NOT_STARTED',
        statusDate: seminarDate,
        lastActivityAt: seminarDate,
        sectors: { create: { sectorId } },
        statusChanges: { create: { fromStatus: null, toStatus: 'NOT_STARTED', effectiveDate: seminarDate, note: 'Recommended at the seminar.' } },
      },
      select: { id: true, version: true },
    });
    items.push({ id: item.id, code, seminarId: seminar.id, seminarDate, version: item.version });
  }
  await addItemsToTally(
    db,
    items.map((item) => item.id),
  );
  return items;
}

export async function seedRecommendation(db: Db, options: { seminarDate?: string } = {}): Promise<SeededRecommendation> {
  return (await seedRecommendations(db, { ...options, count: 1 }))[0]!;
}
