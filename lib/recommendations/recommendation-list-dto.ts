import { z } from 'zod';
import { PRIORITIES, STATUSES } from '@/lib/status/status';

// What GET /api/v1/recommendations answers, as zod schemas: the OpenAPI document is generated from
// them, and list-recommendations.ts is typed against them, so the docs and the answer cannot drift.

const termSchema = z.object({ id: z.string(), name: z.string(), color: z.string().meta({ description: '#rrggbb' }) });

export const recommendationListItemDtoSchema = z.object({
  id: z.string(),
  code: z.string().meta({ description: 'Stable human code, e.g. 2015-R03.' }),
  title: z.string(),
  text: z.string().meta({ description: 'The recommendation as written in the report.' }),
  status: z.enum(STATUSES),
  version: z.int().meta({ description: 'Send as expectedVersion when changing the item.' }),
  seminar: z.object({ id: z.string(), title: z.string() }),
  themes: z.object({ primary: termSchema, secondary: z.array(termSchema) }),
  sectors: z.array(z.object({ id: z.string(), name: z.string() })),
  priority: z.enum(PRIORITIES),
  targetDate: z.iso.date().nullable().meta({ description: 'Calendar date (YYYY-MM-DD), or null.' }),
  updatedAt: z.iso.datetime(),
});
export type RecommendationListItemDto = z.infer<typeof recommendationListItemDtoSchema>;

export const recommendationListDtoSchema = z.object({
  items: z.array(recommendationListItemDtoSchema),
  total: z.int().meta({ description: 'How many items match the filters, over all pages.' }),
  nextCursor: z.string().nullable().meta({ description: 'Pass as cursor for the next page; null on the last page.' }),
});
export type RecommendationListDto = z.infer<typeof recommendationListDtoSchema>;
