import { db } from '@/lib/db';
import { apiRoute } from '@/lib/api/route';
import { toDateOnly } from '@/lib/dates';
import { listSeminarOptions } from '@/lib/seminars/list-seminar-options';

/** Every seminar, newest first: the values of the recommendations' seminar filter. */
export const GET = apiRoute('VIEWER', async () => {
  const seminars = await listSeminarOptions(db);
  return Response.json({ items: seminars.map((seminar) => ({ ...seminar, date: toDateOnly(seminar.date) })) });
});
