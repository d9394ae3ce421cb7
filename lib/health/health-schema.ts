import { z } from 'zod';

/** GET /api/health: the process answers and the database answers a trivial question. */
export const healthSchema = z.object({
  status: z.enum(['ok', 'error']),
  database: z.enum(['ok', 'error']),
});

/** GET /api/health/ready: whether this server should get traffic (200) or not (503). */
export const readinessSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.enum(['ok', 'error']).describe('Whether the database answered within 2 seconds.'),
  migrations: z
    .enum(['applied', 'pending', 'unknown'])
    .describe('Whether every migration this server ships is applied (unknown while the database does not answer).'),
  pendingMigrations: z.int().nonnegative().nullable().describe('How many of them are not applied yet; null while the database does not answer.'),
});

export type Health = z.infer<typeof healthSchema>;
export type Readiness = z.infer<typeof readinessSchema>;
