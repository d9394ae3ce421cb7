import { z } from 'zod';
import type { Db } from '@/lib/db';

// The themes or sectors one can filter by or assign: those not merged into another, in the
// administrators' order. Merged terms stay in the database for history but are not offered.

export const termOptionSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  color: z.string().meta({ description: 'Chart colour as #rrggbb.' }),
});
export type TermOption = z.infer<typeof termOptionSchema>;

/** GET /api/v1/themes and /api/v1/sectors answer with this. */
export const termOptionListSchema = z.object({ items: z.array(termOptionSchema) });

const SELECT = { id: true, slug: true, name: true, description: true, color: true } as const;

export async function listTermsForFilters(db: Db, kind: 'theme' | 'sector'): Promise<TermOption[]> {
  const query = { where: { mergedIntoId: null }, orderBy: [{ sortOrder: 'asc' as const }, { name: 'asc' as const }], select: SELECT };
  return kind === 'theme' ? db.theme.findMany(query) : db.sector.findMany(query);
}
