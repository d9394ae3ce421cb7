// The benchmark's results: the JSON the issue specifies, the targets it sets, a table for people,
// and the "Latest results" section of bench/README.md, rebuilt from bench/results/*.json.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkFrontendTargets, frontendTables, type FrontendResult } from './frontend';
import type { DbKind, Size } from './generate';
import { Histogram, type HistogramData } from './histogram';
import { IMPORT_LIMIT_MS, IMPORT_PAGES, importSummary, type ImportEntry } from './import';
import { TARGET_NAMES, type TargetName } from './targets';

export type Measured = {
  available: true;
  rps: number;
  /** Null when no request got an answer (all timed out or failed on the network). */
  p50: number | null;
  p95: number | null;
  p99: number | null;
  errors: number;
  requests: number;
  connections: number;
  /** This p50 over the trivial route's p50 in the same run. */
  p50VsTrivial?: number;
  /** The server's peak resident memory while this was measured. */
  rssPeakMB?: number;
  /** Why there are no timings, when there are none. */
  note?: string;
};
export type NotAvailable = { available: false; reason: string };
export type Entry = Measured | NotAvailable;
export type SqlFloor = Omit<Measured, 'connections'> & { iterations: number; statements: number; page: 'dashboard'; connections: 1 };

export type Machine = { cpu: string; cores: number; memoryGB: number; os: string; node: string };

/** The object the issue specifies (the last stdout line with --json), plus the front end. */
export type BenchResult = {
  size: Size;
  db: DbKind;
  machine: Machine;
  results: Record<TargetName, Entry>;
  floors: { trivialRoute: Entry; sql: SqlFloor | NotAvailable };
  rssPeakMB: number;
  /** Lighthouse and first-load JavaScript; always set by a run, absent from files written before it was measured. */
  frontend?: FrontendResult;
  /** The import target; absent from files written before it was measured. */
  importReport?: ImportEntry;
};

export type TargetCheck = { target: string; limit: string; value: string; met: boolean | null };

/** What the file in bench/results/ adds around it. */
export type ResultFile = BenchResult & {
  meta: Record<string, unknown> & { date: string; durationSeconds: number; connections: number; targets: TargetCheck[] };
};

const round = (value: number, digits = 2) => (Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : 0);

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGB: round(os.totalmem() / 1024 ** 3, 1),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}

export function summarise(data: HistogramData, requests: number, errors: number, elapsedMs: number, connections: number): Measured {
  const histogram = Histogram.from(data);
  const percentile = (p: number) => (histogram.count === 0 ? null : round(histogram.percentile(p)));
  return {
    available: true,
    rps: round(requests / (elapsedMs / 1000), 1),
    p50: percentile(50),
    p95: percentile(95),
    p99: percentile(99),
    errors,
    requests,
    connections,
  };
}

// --- targets (issue 9), checked against this run and the latest runs of other sizes/databases ----

const READ_PAGES: TargetName[] = ['dashboard', 'list', 'item', 'progressApi'];
const M_SQLITE_P95: Partial<Record<TargetName, number>> = {
  dashboard: 150,
  list: 100,
  item: 100,
  progressApi: 50,
  statusChange: 50,
  exportPdf: 5000,
  exportXlsx: 5000,
};

const measured = (entry: Entry | undefined): entry is Measured => entry !== undefined && entry.available;
/** Every request was an error: its timings are how long it took to fail, not to serve. */
const allFailed = (entry: { requests: number; errors: number }) => entry.requests > 0 && entry.errors === entry.requests;
const ms = (value: number) => `${value.toFixed(1)} ms`;

export function checkTargets(result: BenchResult, others: ResultFile[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const latest = (size: Size, db: DbKind) =>
    others.filter((file) => file.size === size && file.db === db).sort((a, b) => b.meta.date.localeCompare(a.meta.date))[0];
  const add = (
    target: string,
    limit: string,
    entry: Entry | undefined,
    value: (entry: Measured) => number | null,
    ok: (value: number) => boolean,
    show = ms,
  ) => {
    const measuredValue = measured(entry) ? value(entry) : null;
    if (!measured(entry)) checks.push({ target, limit, value: entry ? 'not available' : 'not measured', met: null });
    else if (allFailed(entry)) checks.push({ target, limit, value: `all ${entry.requests} requests failed`, met: false });
    else if (measuredValue === null) checks.push({ target, limit, value: entry.note ?? 'no answer', met: false });
    else checks.push({ target, limit, value: show(measuredValue), met: ok(measuredValue) });
  };
  const ratio = (value: number | null, reference: number | null) => (value === null || reference === null ? null : value / reference);

  if (result.size === 'M' && result.db === 'sqlite') {
    for (const [name, limit] of Object.entries(M_SQLITE_P95) as [TargetName, number][]) {
      const label = name === 'exportPdf' || name === 'exportXlsx' ? `${name} time` : `${name} p95`;
      add(
        label,
        `<= ${limit} ms`,
        result.results[name],
        (entry) => entry.p95,
        (value) => value <= limit,
      );
    }
    add(
      'statusChange throughput',
      '>= 300 changes/s',
      result.results.statusChange,
      (entry) => entry.rps,
      (value) => value >= 300,
      (value) => `${value.toFixed(0)}/s`,
    );
    add(
      'statusChange errors',
      '0',
      result.results.statusChange,
      (entry) => entry.errors,
      (value) => value === 0,
      String,
    );
  }
  if (result.size === 'L') {
    const reference = latest('M', result.db);
    for (const name of READ_PAGES) {
      const atM = reference?.results[name];
      if (!measured(atM) || atM.p95 === null)
        checks.push({ target: `${name} p95 vs M`, limit: '<= 3x M', value: reference ? 'M not available' : 'no M run', met: null });
      else
        add(
          `${name} p95 vs M`,
          `<= 3x M (${ms(atM.p95)})`,
          result.results[name],
          (entry) => ratio(entry.p95, atM.p95),
          (value) => value <= 3,
          (value) => `${value.toFixed(2)}x`,
        );
    }
    checks.push({ target: 'server RSS', limit: '<= 400 MB', value: `${result.rssPeakMB.toFixed(0)} MB`, met: result.rssPeakMB <= 400 });
  }
  if (result.size === 'M' && result.db === 'postgres') {
    const reference = latest('M', 'sqlite');
    for (const name of READ_PAGES) {
      const sqlite = reference?.results[name];
      if (!measured(sqlite) || sqlite.p95 === null)
        checks.push({ target: `${name} p95 vs SQLite`, limit: '<= 1.5x SQLite', value: reference ? 'SQLite not available' : 'no SQLite M run', met: null });
      else
        add(
          `${name} p95 vs SQLite`,
          `<= 1.5x SQLite (${ms(sqlite.p95)})`,
          result.results[name],
          (entry) => ratio(entry.p95, sqlite.p95),
          (value) => value <= 1.5,
          (value) => `${value.toFixed(2)}x`,
        );
    }
  }
  const trivial = result.floors.trivialRoute;
  if (measured(trivial) && trivial.p50 !== null) {
    const base = trivial.p50;
    add(
      'dashboard p50 vs trivial route',
      `<= 5x (${ms(base)})`,
      result.results.dashboard,
      (entry) => ratio(entry.p50, base),
      (value) => value <= 5,
      (value) => `${value.toFixed(1)}x`,
    );
  }
  const parsed = result.importReport;
  if (parsed) {
    const limit = `< ${IMPORT_LIMIT_MS / 1000} s`;
    if (!parsed.available) checks.push({ target: `import ${IMPORT_PAGES}-page PDF`, limit, value: parsed.reason, met: false });
    else checks.push({ target: `import ${parsed.pages}-page PDF`, limit, value: `${(parsed.maxMs / 1000).toFixed(1)} s`, met: parsed.maxMs < IMPORT_LIMIT_MS });
  }
  // The front-end targets are set at M; the database barely matters to them, so both are checked.
  if (result.size === 'M') checks.push(...checkFrontendTargets(result.frontend));
  return checks;
}

// --- presentation -----------------------------------------------------------------------------

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function resultTable(result: BenchResult): string {
  const lines = [row(['Name', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'requests', 'conns', 'p50 / trivial', 'RSS peak MB'])];
  lines.push(row(new Array<string>(10).fill('---')));
  const line = (name: string, entry: Entry | SqlFloor | NotAvailable) => {
    const time = (value: number | null) => (value === null ? '—' : value.toFixed(1));
    if (!entry.available) lines.push(row([name, `not available: ${entry.reason}`, '', '', '', '', '', '', '', '']));
    else {
      lines.push(
        row([
          entry.note ? `${name} (${entry.note})` : allFailed(entry) ? `${name} (all requests failed)` : name,
          entry.rps.toFixed(1),
          time(entry.p50),
          time(entry.p95),
          time(entry.p99),
          String(entry.errors),
          String(entry.requests),
          String(entry.connections),
          entry.p50VsTrivial === undefined ? '' : `${entry.p50VsTrivial.toFixed(1)}x`,
          entry.rssPeakMB === undefined ? '' : entry.rssPeakMB.toFixed(0),
        ]),
      );
    }
  };
  for (const name of TARGET_NAMES) line(name, result.results[name]);
  line('floor: trivial route', result.floors.trivialRoute);
  line('floor: dashboard SQL', result.floors.sql);
  return lines.join('\n');
}

export function targetTable(checks: TargetCheck[]): string {
  if (checks.length === 0) return '_No targets apply to this size and database._';
  const lines = [row(['Target', 'Limit', 'Measured', 'Met']), row(['---', '---', '---', '---'])];
  for (const check of checks) lines.push(row([check.target, check.limit, check.value, check.met === null ? 'n/a' : check.met ? 'yes' : '**no**']));
  return lines.join('\n');
}

export const RESULTS_DIR = path.join(process.cwd(), 'bench', 'results');
const README = path.join(process.cwd(), 'bench', 'README.md');
const START = '<!-- bench:latest:start -->';
const END = '<!-- bench:latest:end -->';

export function readResultFiles(dir = RESULTS_DIR): ResultFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as ResultFile);
}

export function writeResultFile(file: ResultFile, dir = RESULTS_DIR): string {
  mkdirSync(dir, { recursive: true });
  // The time of day too: a second run on the same day must not replace the first (say, a quiet one).
  const name = `${file.meta.date.slice(0, 10)}-${file.meta.date.slice(11, 16).replace(':', '')}-${file.size}-${file.db}.json`;
  writeFileSync(path.join(dir, name), `${JSON.stringify(file, null, 2)}\n`);
  return path.join(dir, name);
}

/** Rebuilds the latest-results section of bench/README.md: one block per size and database. */
export function refreshReadme(files = readResultFiles(), readme = README): void {
  if (!existsSync(readme)) return;
  const text = readFileSync(readme, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${readme} has no ${START} ... ${END} section`);
  const blocks: string[] = [];
  for (const size of ['S', 'M', 'L'] as const) {
    for (const db of ['sqlite', 'postgres'] as const) {
      const file = files.filter((entry) => entry.size === size && entry.db === db).sort((a, b) => b.meta.date.localeCompare(a.meta.date))[0];
      if (!file) continue;
      // Checked again against the runs that came before it, so a change in the checks applies to old files too.
      const targets = checkTargets(
        file,
        files.filter((other) => other.meta.date < file.meta.date),
      );
      const m = file.machine;
      const load = file.meta.loadAverage as { before: number; after: number } | undefined;
      const dataset = file.meta.dataset as { recommendations?: number; statusChanges?: number; evidenceNotes?: number } | null;
      blocks.push(
        [
          `### ${size} on ${db === 'sqlite' ? 'SQLite' : 'PostgreSQL'} (${file.meta.date.slice(0, 16).replace('T', ' ')} UTC)`,
          '',
          `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, ${m.os}, Node ${m.node}. ` +
            `${file.meta.durationSeconds} s per measurement, ${file.meta.connections} connections for reads. ` +
            (dataset
              ? `Data: ${dataset.recommendations?.toLocaleString('en')} generated recommendations, ${dataset.statusChanges?.toLocaleString('en')} status changes, ${dataset.evidenceNotes?.toLocaleString('en')} evidence notes. `
              : 'Data: the real seed only. ') +
            `Server peak RSS ${file.rssPeakMB.toFixed(0)} MB.` +
            (load
              ? ` Load average ${load.before} before, ${load.after} after (other work on the machine distorts timings and Lighthouse's performance score).`
              : ''),
          '',
          resultTable(file),
          '',
          frontendTables(file.frontend),
          '',
          importSummary(file.importReport),
          '',
          targetTable(targets),
        ].join('\n'),
      );
    }
  }
  const body = blocks.length ? blocks.join('\n\n') : '_No results yet: run `npm run bench`._';
  writeFileSync(readme, `${text.slice(0, start + START.length)}\n${body}\n${text.slice(end)}`);
}
