import { db, type Db } from '@/lib/db';

export type Health = { status: 'ok' | 'error'; database: 'ok' | 'error' };

/** Asks the database a trivial question, bounded in time so a hung database reads as down. */
export async function checkHealth(client: Db = db, timeoutMs = 2_000): Promise<Health> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('database timeout')), timeoutMs);
  });
  try {
    await Promise.race([client.$queryRawUnsafe('SELECT 1'), timeout]);
    return { status: 'ok', database: 'ok' };
  } catch {
    return { status: 'error', database: 'error' };
  } finally {
    clearTimeout(timer);
  }
}
