import { db } from '@/lib/db';
import { apiRoute, readJson } from '@/lib/api/route';
import { toDateOnly } from '@/lib/dates';
import { createSeminar, seminarToJson } from '@/lib/seminars/create-seminar';
import { listSeminarOptions } from '@/lib/seminars/list-seminar-options';
import { createSeminarSchema } from '@/lib/validations/seminar';

/** Every seminar, newest first: the values of the recommendations' seminar filter. */
export const GET = apiRoute('VIEWER', async () => {
  const seminars = await listSeminarOptions(db);
  return Response.json({ items: seminars.map((seminar) => ({ ...seminar, date: toDateOnly(seminar.date) })) });
});

/** Enters a seminar by hand: { title, kind, date, venue?, organiser?, speakers?, sourceText?, sourceFileName? }. 201 with its id and code prefix. */
export const POST = apiRoute('EDITOR', async ({ request, actor }) => {
  const input = createSeminarSchema.parse(await readJson(request));
  const seminar = await createSeminar(db, input, actor);
  return Response.json({ seminar: seminarToJson(seminar) }, { status: 201 });
});
