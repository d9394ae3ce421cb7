import { apiRoute } from '@/lib/api/route';

/** Who the session or API token belongs to: a quick way to check a token works. */
export const GET = apiRoute('VIEWER', async ({ user }) => Response.json({ user }));
