import { z } from 'zod';
import type { Db } from '@/lib/db';

// The seminars one can filter by: a small read for the filter picker and GET /api/v1/seminars.

export const seminarOptionSchema = z.object({
  id: z.string(),
  codePrefix: z.string().meta({ description: 'Prefix of its recommendations\u2019 codes, e.g. 2015.' }),
  title: z.string(),
  kind: z.string(),
  date: z.date().meta({ description: 'Calendar date the seminar was held.' }),
});
export type SeminarOption = z.infer<typeof seminarOptionSchema>;

/** GET /api/v1/seminars answers with this (dates as YYYY-MM-DD). */
export const seminarOptionListSchema = z.object({
  items: z.array(seminarOptionSchema.extend({ date: z.iso.date().meta({ description: 'Calendar date (YYYY-MM-DD).' }) })),
});

/** Newest first, the order people look for them in. */
export async function listSeminarOptions(db: Db): Promise<SeminarOption[]> {
  return db.seminar.findMany({
    orderBy: [{ date: 'desc' }, { codePrefix: 'asc' }],
    select: { id: true, codePrefix: true, title: true, kind: true, date: true },
  });
}

/** How many of the most recent seminars a filter form offers as checkboxes. */
export const SEMINAR_CHOICES = 20;

export type SeminarChoices = {
  /** The most recent seminars, and any chosen one older than those; newest first. */
  choices: SeminarOption[];
  /** How many seminars there are in all. */
  total: number;
  /** The date of the first seminar (null when there is none). */
  firstDate: Date | null;
};

/**
 * The seminars a filter form offers: the `limit` most recent, plus those already chosen (an older
 * seminar opened from the seminars page stays ticked). A think tank adds a few seminars a year for
 * decades: a checkbox per seminar would make every filtered page grow with the archive. Chosen ids
 * that match no seminar are not returned. Three statements, whatever the number of seminars.
 */
export async function listSeminarChoices(db: Db, chosen: string[], limit = SEMINAR_CHOICES): Promise<SeminarChoices> {
  const orderBy = [{ date: 'desc' as const }, { codePrefix: 'asc' as const }];
  const select = { id: true, codePrefix: true, title: true, kind: true, date: true };
  const [recent, picked, stats] = await Promise.all([
    db.seminar.findMany({ orderBy, select, take: limit }),
    chosen.length > 0 ? db.seminar.findMany({ where: { id: { in: chosen } }, orderBy, select }) : Promise.resolve([]),
    db.seminar.aggregate({ _count: { _all: true }, _min: { date: true } }),
  ]);
  const shown = new Set(recent.map((seminar) => seminar.id));
  const older = picked.filter((seminar) => !shown.has(seminar.id));
  return { choices: [...recent, ...older], total: stats._count._all, firstDate: stats._min.date };
}
