import type { Tx } from '@/lib/db';
import { providerOfClient } from '@/lib/db/client';

/**
 * Holds a seminar's row until the transaction ends (PostgreSQL), so two editors adding items to the
 * same seminar at once take turns: the second sees the first's position and takes the next. SQLite
 * needs nothing: BEGIN IMMEDIATE holds the whole database (lib/db/sqlite-adapter.ts).
 */
export async function lockSeminar(tx: Tx, seminarId: string): Promise<void> {
  if (providerOfClient(tx) !== 'postgresql') return;
  await tx.$queryRaw`SELECT "id" FROM "Seminar" WHERE "id" = ${seminarId} FOR UPDATE`;
}
