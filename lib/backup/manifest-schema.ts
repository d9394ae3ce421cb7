// The shape a backup's header and manifest must have before anything in them is trusted.
import { z } from 'zod';
import { ARCHIVE_FORMAT } from './archive-format';

const name = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/);

const schema = z.object({ version: z.string().min(1), migrations: z.array(z.string().min(1)).min(1) });

export const headerSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.number().int().positive(),
  createdAt: z.string(),
  source: z.object({ provider: z.enum(['sqlite', 'postgresql']) }),
  schema,
});

export const manifestSchema = headerSchema.extend({
  tables: z.array(
    z.object({
      name,
      columns: z.array(z.object({ name, type: z.enum(['text', 'integer', 'bigint', 'float', 'decimal', 'boolean', 'datetime', 'bytes']) })).min(1),
      primaryKey: z.array(name).min(1),
      rows: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      bytes: z.number().int().nonnegative(),
      chunks: z.number().int().nonnegative(),
    }),
  ),
});
