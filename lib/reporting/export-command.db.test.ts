import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runExport } from '@/bin/commands/export';
import { testDatabaseUrl, testDb } from '@/lib/test/test-db';
import { listReportQuarters } from './list-report-quarters';
import { resolveFilterIds } from './resolve-filter-ids';
import { seedQuarterScenario, type Scenario } from '@/lib/test/test-quarter-scenario';

const db = testDb();
const dir = mkdtempSync(path.join(os.tmpdir(), 'tracker-export-'));
let scenario: Scenario;
let codePrefix: string;

beforeAll(async () => {
  scenario = await seedQuarterScenario(db);
  codePrefix = (await db.seminar.findUniqueOrThrow({ where: { id: scenario.seminarId }, select: { codePrefix: true } })).codePrefix;
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db.$disconnect();
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

const options = (out: string, extra: Partial<Parameters<typeof runExport>[1]> = {}) => ({
  quarter: '2015-Q3',
  format: 'csv',
  csv: 'changes',
  out,
  seminar: [codePrefix],
  theme: [],
  sector: [],
  ...extra,
});

describe('tracker export', () => {
  it('export: writes the file, prints progress to stderr, and takes a seminar by its code prefix', async () => {
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
    const stdout = vi.spyOn(console, 'log').mockImplementation(() => {});
    const out = path.join(dir, 'changes.csv');
    await runExport(testDatabaseUrl(), options(out));
    expect(process.exitCode).toBeUndefined();
    const rows: string[][] = parse(readFileSync(out), { bom: true });
    expect(rows.slice(1).map((row) => row[1])).toEqual([scenario.codes.B, scenario.codes.A, scenario.codes.F, scenario.codes.D]);
    const lines = stderr.mock.calls.map((call) => String(call[0]));
    expect(lines[0]).toBe('Making the CSV of changes for 2015 Q3…');
    expect(lines).toContain('  read 6 of 6 recommendations');
    expect(lines).toContain('  6 recommendations, 4 status changes and 2 evidence notes in the quarter.');
    expect(lines.at(-1)).toMatch(/^Wrote .*changes\.csv \(\d+\.\d KB\)\.$/);
    expect(stdout).not.toHaveBeenCalled();
  });

  it('export: refuses to overwrite an existing file unless --force', async () => {
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
    const out = path.join(dir, 'existing.csv');
    writeFileSync(out, 'keep me');
    await runExport(testDatabaseUrl(), options(out));
    expect(process.exitCode).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(String(stderr.mock.calls[0]?.[0])).toMatch(/already exists; choose another --out or pass --force/);

    process.exitCode = undefined;
    await runExport(testDatabaseUrl(), options(out, { force: true }));
    expect(process.exitCode).toBeUndefined();
    expect(readFileSync(out, 'utf8')).toContain('Effective date,Code');
  });

  it('export: bad input and unknown filters are refused before anything is written', async () => {
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
    const out = path.join(dir, 'never.pdf');
    await runExport(testDatabaseUrl(), options(out, { quarter: '2015-Q7', format: 'pdf' }));
    expect(process.exitCode).toBe(2);
    expect(String(stderr.mock.calls[0]?.[0])).toBe('error: --quarter: Enter a quarter as YYYY-Qn, e.g. 2026-Q3.');
    process.exitCode = undefined;
    await runExport(testDatabaseUrl(), options(out, { format: 'pdf', seminar: ['no-such-prefix'] }));
    expect(process.exitCode).toBe(2);
    expect(String(stderr.mock.calls.at(-1)?.[0])).toBe('error: --seminar no-such-prefix: no seminar has this id or code prefix.');
    expect(existsSync(out)).toBe(false);
  });

  it('filters by name: ids, code prefixes and slugs resolve to ids; unknown values are reported', async () => {
    const theme = await db.theme.findFirstOrThrow({ where: { name: scenario.themeNames[0] }, select: { id: true, slug: true } });
    const { ids, unknown } = await resolveFilterIds(db, { seminar: [codePrefix, scenario.seminarId], theme: [theme.slug], sector: ['nope'] });
    expect(ids).toEqual({ seminar: [scenario.seminarId], theme: [theme.id], sector: [] });
    expect(unknown).toEqual([{ field: 'sector', value: 'nope' }]);
  });

  it('quarter picker: newest first, from the first seminar to the quarter in progress', async () => {
    const options = await listReportQuarters(db, { now: new Date('2026-08-20T12:00:00Z') });
    expect(options[0]).toEqual({ value: '2026-Q3', label: '2026 Q3 (in progress)' });
    expect(options[1]).toEqual({ value: '2026-Q2', label: '2026 Q2' });
    expect(options.some((option) => option.value === '2015-Q1')).toBe(true);
  });
});
