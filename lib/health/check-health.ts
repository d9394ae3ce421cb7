import { db, type Db } from '@/lib/db';
import type { Health } from './health-schema';

export type { Health };

/** `work`, or a rejection after `timeoutMs`: a hung database reads as down. */
export async function withinTime<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('database timeout')), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Asks the database a trivial question, bounded in time so a hung database reads as down. */
export async function checkHealth(client: Db = db, timeoutMs = 2_000): Promise<Health> {
  try {
    await withinTime(client.$queryRawUnsafe('SELECT 1'), timeoutMs);
    return { status: 'ok', database: 'ok' };
  } catch {
    return { status: 'error', database: 'error' };
  }
}
