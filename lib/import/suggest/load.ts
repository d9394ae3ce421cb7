// Reads the training items into the suggestion model (model.ts) and keeps the model per data
// version, so that any change to the items (a theme set, a sector added, an item archived, a merge)
// retrains it at the next use, on whichever server.
//
// Training time, measured on the 2-core dev machine while shared (load average about 12):
// - in memory, on benchmark-like texts (measure.ts, CPU time): M (10,000 items) 0.43 s to train and
//   0.14 s for 80 texts; L (100,000 items) 2.5 s to train and 0.53 s for 80 texts, 340 MB RSS;
// - from the database (suggest.db.test.ts, wall time): about 2,100 items, the first call (reading,
//   training and 80 texts) 0.8 s on SQLite and 1.2 s on PostgreSQL; 80 texts with the model cached
//   70 to 110 ms.
// Reading the rows adds to the in-memory figures (not measured on the benchmark's M and L data sets).
// Every committed write anywhere moves the data version, so on a busy server the model is rebuilt
// often: at L that cost would call for keying the model on a fingerprint of the items themselves.

import type { Db, Tx } from '@/lib/db';
import { isTransactionClient } from '@/lib/db/client';
import { dataVersionCache } from '@/lib/cache/data-version-cache';
import { ModelBuilder, type SuggestModel } from './model';

/** Items read per statement: bounded memory for the rows, few round trips. */
export const TRAINING_CHUNK = 2_000;

/** Each merged term's survivor (following chains of merges), by id; a term not merged maps to itself. */
export function survivors(rows: { id: string; mergedIntoId: string | null }[]): Map<string, string> {
  const into = new Map(rows.map((row) => [row.id, row.mergedIntoId]));
  const result = new Map<string, string>();
  for (const row of rows) {
    let id = row.id;
    const seen = new Set<string>();
    while (!seen.has(id)) {
      seen.add(id);
      const next = into.get(id);
      if (!next || !into.has(next)) break;
      id = next;
    }
    result.set(row.id, id);
  }
  return result;
}

/**
 * The model learned from every item not archived: its title and text, primary theme and owner
 * sectors, merged terms counted as their survivors. Read in chunks of TRAINING_CHUNK by id; only
 * the model's counts and index are kept, not the rows.
 */
export async function trainModel(db: Db | Tx): Promise<SuggestModel> {
  const [themes, sectors] = await Promise.all([
    db.theme.findMany({ select: { id: true, mergedIntoId: true } }),
    db.sector.findMany({ select: { id: true, mergedIntoId: true } }),
  ]);
  const themeOf = survivors(themes);
  const sectorOf = survivors(sectors);
  const builder = new ModelBuilder();
  let after: string | null = null;
  for (;;) {
    const rows: {
      id: string;
      code: string;
      title: string;
      text: string;
      seminarId: string;
      primaryThemeId: string;
      sectors: { sectorId: string }[];
    }[] = await db.recommendation.findMany({
      where: after === null ? { archived: false } : { archived: false, id: { gt: after } },
      orderBy: { id: 'asc' },
      take: TRAINING_CHUNK,
      select: { id: true, code: true, title: true, text: true, seminarId: true, primaryThemeId: true, sectors: { select: { sectorId: true } } },
    });
    for (const row of rows) {
      const sectorIds = [...new Set(row.sectors.map(({ sectorId }) => sectorOf.get(sectorId) ?? sectorId))];
      builder.add({
        id: row.id,
        code: row.code,
        title: row.title,
        seminarId: row.seminarId,
        text: `${row.title}\n${row.text}`,
        themeId: themeOf.get(row.primaryThemeId) ?? row.primaryThemeId,
        sectorIds,
      });
    }
    if (rows.length < TRAINING_CHUNK) break;
    after = rows[rows.length - 1]!.id;
  }
  return builder.build();
}

const modelCache = dataVersionCache<SuggestModel>('import-suggest-model', 2);

/**
 * The model for the database's current data. Cached per data version; inside a transaction it is
 * trained afresh (a cached one would miss the transaction's own writes).
 */
export async function currentModel(db: Db | Tx): Promise<SuggestModel> {
  if (isTransactionClient(db)) return trainModel(db);
  return modelCache(db, 'model', () => trainModel(db));
}
