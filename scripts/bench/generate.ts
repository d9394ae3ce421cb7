// The benchmark's data generator: deterministic (the same seed gives the same rows), written straight
// through the drivers in batched transactions, into the benchmark's own database (never data/).
//
//   tsx scripts/bench/generate.ts --size M [--db sqlite|postgres] [--force]
//
// Sizes: S = the real seed only; M = 10,000 recommendations over 500 seminars, 200,000 status
// changes and 100,000 evidence notes over 14 years; L = ten times M in every table.
//
// Every history is one the app could have written: per item the first change is NOT_STARTED on the
// seminar date, later ones are valid transitions on later dates (none in the future, evidence before
// PARTIALLY_IMPLEMENTED/IMPLEMENTED), about 5% are back-dated (recorded long after they took effect,
// and valid against what was known when they were recorded), and Recommendation.status, statusDate,
// lastActivityAt and version agree with the history exactly as lib/status/recompute-status.ts would
// leave them. Each mutation has its audit row, as in the app.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { parseDateOnly, toDateOnly, today } from '@/lib/dates';
import { createClient } from '@/lib/db/client';
import { providerOf } from '@/lib/db/config';
import { migrate } from '@/lib/db/migrate';
import { runSeed } from '@/lib/seminars/seed/run-seed';
import { SYSTEM_ACTOR } from '@/lib/auth/actor';
import { ensureProgressTally } from '@/lib/progress/tally/rebuild-progress-tally';
import { databaseUrlOn } from '@/lib/test/local-database';
import { addMs, Chunk, DAY, day, generateSeminar, HOUR, minDate, type Staff, type Vocabulary } from './generate-seminar';
import { log, percentLogger } from './progress';
import { Random } from './random';
import { openWriter } from './sql-writer';
import * as words from './text';

export type Size = 'S' | 'M' | 'L';
export type DbKind = 'sqlite' | 'postgres';

export type DatasetSpec = {
  seminars: number;
  recommendations: number;
  /** All status changes, the first NOT_STARTED of each item included. */
  statusChanges: number;
  evidenceNotes: number;
  years: number;
  /** Staff accounts that author changes and notes. */
  users: number;
};

export const SIZES: Record<Size, DatasetSpec | null> = {
  S: null,
  M: { seminars: 500, recommendations: 10_000, statusChanges: 200_000, evidenceNotes: 100_000, years: 14, users: 40 },
  // Ten times M in every table, so each item and seminar looks the same and only the volume grows.
  L: { seminars: 5_000, recommendations: 100_000, statusChanges: 2_000_000, evidenceNotes: 1_000_000, years: 14, users: 150 },
};

/** Bump when the generated rows change, so existing benchmark databases are regenerated. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 'tracker-bench';
/**
 * The generated history ends on this day (or today, if earlier): a fixed day keeps the data set the
 * same from one day to the next.
 */
export const ANCHOR_DAY = '2026-10-31';

const SEMINARS_PER_CHUNK = 25;

export type GenerateOptions = {
  seed?: string;
  /** Prefix of seminar codes (and of staff emails), so several generated sets can share a database. */
  prefix?: string;
  anchor?: Date;
  onProgress?: (seminarsDone: number) => void;
};

export type GeneratedSummary = {
  seminars: number;
  recommendations: number;
  statusChanges: number;
  evidenceNotes: number;
  auditRows: number;
  links: number;
  users: number;
  firstSeminar: string;
  lastSeminar: string;
  anchor: string;
};

/** Splits `total` over the weights (largest remainder), each share at most its cap. */
export function allocate(total: number, weights: number[], caps: number[]): number[] {
  const out = new Array<number>(weights.length).fill(0);
  let left = total;
  let open = weights.map((_, index) => index).filter((index) => caps[index]! > 0);
  while (left > 0 && open.length > 0) {
    const sum = open.reduce((acc, index) => acc + weights[index]!, 0);
    const shares = open.map((index) => ({ index, exact: sum > 0 ? (left * weights[index]!) / sum : left / open.length }));
    let given = 0;
    for (const share of shares) {
      const whole = Math.min(Math.floor(share.exact), caps[share.index]! - out[share.index]!);
      out[share.index]! += whole;
      given += whole;
    }
    const remainder = shares
      .filter((share) => out[share.index]! < caps[share.index]!)
      .sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || a.index - b.index);
    for (const share of remainder) {
      if (given >= left) break;
      out[share.index]! += 1;
      given += 1;
    }
    left -= given;
    open = open.filter((index) => out[index]! < caps[index]!);
    if (given === 0) break;
  }
  if (left > 0) throw new Error(`Cannot place ${total} rows: the caps allow only ${total - left}.`);
  return out;
}

async function readVocabulary(url: string): Promise<Vocabulary> {
  const client = createClient(url);
  try {
    const [themes, sectors] = await Promise.all([
      client.theme.findMany({ where: { mergedIntoId: null }, orderBy: { slug: 'asc' }, select: { id: true } }),
      client.sector.findMany({ where: { mergedIntoId: null }, orderBy: { slug: 'asc' }, select: { id: true } }),
    ]);
    if (!themes.length || !sectors.length) throw new Error('Seed the vocabulary first (lib/seminars/seed/run-seed.ts).');
    return { themes: themes.map((row) => row.id), sectors: sectors.map((row) => row.id) };
  } finally {
    await client.$disconnect();
  }
}

/**
 * Adds a generated data set of `spec`'s size to the (migrated, vocabulary-seeded) database at `url`.
 * Returns what it wrote.
 */
export async function generateDataset(url: string, spec: DatasetSpec, options: GenerateOptions = {}): Promise<GeneratedSummary> {
  const seed = options.seed ?? DEFAULT_SEED;
  const prefix = options.prefix ?? 'B';
  const random = new Random(`${seed}:${prefix}`);
  const anchorDay = options.anchor ?? minDate(parseDateOnly(ANCHOR_DAY)!, today());
  const anchorEnd = addMs(anchorDay, 18 * HOUR);
  const vocabulary = await readVocabulary(url);
  const writer = await openWriter(url);
  const summary: GeneratedSummary = {
    seminars: 0,
    recommendations: 0,
    statusChanges: 0,
    evidenceNotes: 0,
    auditRows: 0,
    links: 0,
    users: 0,
    firstSeminar: '',
    lastSeminar: '',
    anchor: toDateOnly(anchorDay),
  };
  try {
    // Staff who author the history.
    const staff: Staff[] = [];
    const users = new Chunk();
    const staffSince = addMs(anchorDay, -spec.years * 365.25 * DAY - 30 * DAY);
    for (let index = 1; index <= spec.users; index += 1) {
      const user = { id: random.cuid(), email: `staff${String(index).padStart(3, '0')}@${prefix.toLowerCase()}.bench.invalid` };
      staff.push(user);
      users.add('User', [user.id, user.email, words.personName(random), null, index <= 3 ? 'ADMIN' : 'EDITOR', true, 0, staffSince, staffSince]);
    }
    await writer.writeChunk(users.tables());
    summary.users = staff.length;

    // Seminar dates spread evenly over the years, ending a month before the anchor.
    const first = addMs(anchorDay, -spec.years * 365.25 * DAY);
    const span = anchorDay.getTime() - 30 * DAY - first.getTime();
    const seminarDates = Array.from({ length: spec.seminars }, (_, index) => {
      const slot = span / spec.seminars;
      return day(new Date(first.getTime() + (index + 0.5) * slot + (random.next() - 0.5) * slot * 0.6));
    }).sort((a, b) => a.getTime() - b.getTime());
    const itemsPerSeminar = seminarDates.map(
      (_, index) => Math.floor(spec.recommendations / spec.seminars) + (index < spec.recommendations % spec.seminars ? 1 : 0),
    );

    // How many changes and notes each item gets: more for older items, with some spread.
    const itemSeminar: number[] = itemsPerSeminar.flatMap((count, seminarIndex) => new Array<number>(count).fill(seminarIndex));
    const daysOpen = itemSeminar.map((seminarIndex) => Math.max(1, Math.round((anchorDay.getTime() - seminarDates[seminarIndex]!.getTime()) / DAY)));
    const laterChanges = allocate(
      spec.statusChanges - spec.recommendations,
      daysOpen.map((days) => days * (0.3 + 1.4 * random.next())),
      daysOpen.map((days) => days),
    );
    const notesPerItem = allocate(
      spec.evidenceNotes,
      daysOpen.map((days) => days * (0.2 + 1.6 * random.next())),
      daysOpen.map((days) => days * 3),
    );

    const earlierItems: { id: string; code: string }[] = [];
    const progress = options.onProgress;
    let itemIndex = 0;
    for (let start = 0; start < spec.seminars; start += SEMINARS_PER_CHUNK) {
      const chunk = new Chunk();
      const end = Math.min(spec.seminars, start + SEMINARS_PER_CHUNK);
      for (let seminarIndex = start; seminarIndex < end; seminarIndex += 1) {
        const count = itemsPerSeminar[seminarIndex]!;
        const items = Array.from({ length: count }, (_, offset) => ({
          changes: laterChanges[itemIndex + offset]!,
          notes: notesPerItem[itemIndex + offset]!,
        }));
        generateSeminar(chunk, {
          random,
          prefix,
          seminarIndex,
          date: seminarDates[seminarIndex]!,
          items,
          staff,
          vocabulary,
          anchorDay,
          anchorEnd,
          earlierItems,
        });
        itemIndex += count;
      }
      await writer.writeChunk(chunk.tables());
      summary.seminars += end - start;
      summary.recommendations += chunk.count('Recommendation');
      summary.statusChanges += chunk.count('StatusChange');
      summary.evidenceNotes += chunk.count('EvidenceNote');
      summary.auditRows += chunk.count('AuditLog');
      summary.links += chunk.count('RecommendationLink');
      progress?.(summary.seminars);
    }
    summary.firstSeminar = toDateOnly(seminarDates[0]!);
    summary.lastSeminar = toDateOnly(seminarDates.at(-1)!);
  } finally {
    await writer.close();
  }
  return summary;
}

// ---------------------------------------------------------------------------------------------
// The benchmark's own databases: bench/.data/bench-<size>.db, or tracker_bench_<size> on BENCH_POSTGRES_URL.

export const BENCH_DATA_DIR = path.join(process.cwd(), 'bench', '.data');
const MANIFEST_KEY = 'bench.dataset';

export type Manifest = { generatorVersion: number; size: Size; seed: string; generated: GeneratedSummary | null; seconds: number };

export function benchDatabaseUrl(size: Size, db: DbKind): string {
  if (db === 'sqlite') return `file:${path.join(BENCH_DATA_DIR, `bench-${size}.db`)}`;
  const server = process.env.BENCH_POSTGRES_URL;
  if (!server) throw new Error('--db postgres needs BENCH_POSTGRES_URL, e.g. postgresql://postgres:postgres@127.0.0.1:5432/postgres');
  return databaseUrlOn(server, `tracker_bench_${size.toLowerCase()}`);
}

async function readManifest(url: string): Promise<Manifest | null> {
  if (providerOf(url) === 'sqlite' && !existsSync(url.slice('file:'.length))) return null;
  const client = createClient(url);
  try {
    const row = await client.setting.findUnique({ where: { key: MANIFEST_KEY } });
    return row ? (JSON.parse(row.value) as Manifest) : null;
  } catch {
    return null; // no database, or not migrated
  } finally {
    await client.$disconnect();
  }
}

async function recreateDatabase(url: string): Promise<void> {
  if (providerOf(url) === 'sqlite') {
    const file = url.slice('file:'.length);
    mkdirSync(path.dirname(file), { recursive: true });
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
    return;
  }
  const name = new URL(url).pathname.slice(1);
  if (!/^tracker_bench_[a-z]$/.test(name)) throw new Error(`Refusing to drop ${name}: the benchmark only recreates tracker_bench_<size>.`);
  const admin = new pg.Client({ connectionString: process.env.BENCH_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

/**
 * The benchmark database of `size`, generated unless one from the same generator version and seed
 * is already there (then it is reused, with whatever earlier benchmark runs added to it).
 */
export async function prepareBenchDataset(
  size: Size,
  db: DbKind,
  options: { force?: boolean; seed?: string } = {},
): Promise<{ url: string; manifest: Manifest }> {
  const url = benchDatabaseUrl(size, db);
  const seed = options.seed ?? DEFAULT_SEED;
  const existing = options.force ? null : await readManifest(url);
  if (existing && existing.generatorVersion === GENERATOR_VERSION && existing.seed === seed && existing.size === size) {
    log(`data: reusing the ${size} data set in ${db === 'sqlite' ? path.relative(process.cwd(), url.slice(5)) : new URL(url).pathname.slice(1)}`);
    // A data set made before the latest migrations gets them, and the progress tally they add.
    await migrate(url);
    await withClient(url, async (client) => {
      if (await ensureProgressTally(client)) log('data: built the progress tally');
    });
    return { url, manifest: existing };
  }
  const started = Date.now();
  log(`data: creating the ${size} data set (${db})`);
  await recreateDatabase(url);
  await migrate(url);
  const client = createClient(url);
  try {
    await runSeed(client, SYSTEM_ACTOR);
  } finally {
    await client.$disconnect();
  }
  const spec = SIZES[size];
  let generated: GeneratedSummary | null = null;
  if (spec) {
    const report = percentLogger(`data: generating ${spec.recommendations.toLocaleString('en')} recommendations`, spec.seminars, 10);
    generated = await generateDataset(url, spec, { seed, onProgress: report });
    log(
      `data: wrote ${generated.statusChanges.toLocaleString('en')} status changes, ${generated.evidenceNotes.toLocaleString('en')} evidence notes, ${generated.auditRows.toLocaleString('en')} audit rows`,
    );
  }
  if (providerOf(url) === 'postgresql') {
    // Autovacuum would analyse the fresh tables within minutes; doing it now makes runs repeatable.
    const analyse = new pg.Client({ connectionString: url });
    await analyse.connect();
    await analyse.query('ANALYZE');
    await analyse.end();
  }
  // The rows were written straight through the driver: count them into the progress tally once.
  await withClient(url, async (client) => {
    await ensureProgressTally(client);
  });
  log('data: built the progress tally');
  const manifest: Manifest = { generatorVersion: GENERATOR_VERSION, size, seed, generated, seconds: (Date.now() - started) / 1000 };
  const writer = createClient(url);
  try {
    await writer.setting.upsert({
      where: { key: MANIFEST_KEY },
      create: { key: MANIFEST_KEY, value: JSON.stringify(manifest) },
      update: { value: JSON.stringify(manifest) },
    });
  } finally {
    await writer.$disconnect();
  }
  log(`data: ready in ${manifest.seconds.toFixed(0)} s`);
  return { url, manifest };
}

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const size = (flag('--size') ?? 'S').toUpperCase() as Size;
  const db = (flag('--db') ?? 'sqlite') as DbKind;
  if (!(size in SIZES) || !['sqlite', 'postgres'].includes(db)) {
    console.error('Usage: tsx scripts/bench/generate.ts --size S|M|L [--db sqlite|postgres] [--force]');
    process.exit(2);
  }
  const { url, manifest } = await prepareBenchDataset(size, db, { force: process.argv.includes('--force') });
  console.log(JSON.stringify({ database: providerOf(url) === 'sqlite' ? url : new URL(url).pathname.slice(1), ...manifest }));
}

async function withClient(url: string, work: (client: ReturnType<typeof createClient>) => Promise<void>): Promise<void> {
  const client = createClient(url);
  try {
    await work(client);
  } finally {
    await client.$disconnect();
  }
}
