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
