import { db } from '@/lib/db';
import { apiRoute } from '@/lib/api/route';
import { listTermsForFilters } from '@/lib/taxonomy/list-terms-for-filters';

/** The owner sectors in use (not merged into another), in the administrators' order. */
export const GET = apiRoute('VIEWER', async () => Response.json({ items: await listTermsForFilters(db, 'sector') }));
