import { db } from '@/lib/db';
import { apiRoute } from '@/lib/api/route';
import { listTermsForFilters } from '@/lib/taxonomy/list-terms-for-filters';

/** The themes in use (not merged into another), in the administrators' order. */
export const GET = apiRoute('VIEWER', async () => Response.json({ items: await listTermsForFilters(db, 'theme') }));
