// `tracker import`: called in-process for most cases (like export-command.db.test.ts), and spawned
// as the real command line once for each way out (success, a refused file), to see the exit code
// and that stderr holds one line and no stack trace.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { reviewUrl, runImport } from '@/bin/commands/import';
import { seedVocabulary } from '@/lib/test/recommendation-factory';
import { testDatabaseUrl, testDb } from '@/lib/test/test-db';
import { SAMPLE_ITEM_TEXTS, SAMPLE_REPORT } from './test-sample-report';

const run = promisify(execFile);
// Suggestions are lib/import/suggest's business (tested there): none here, so that which items lack
// a theme does not depend on what else the test database holds.
vi.mock('@/lib/import/suggest', () => ({
  suggestForTexts: async (_db: unknown, texts: string[]) => texts.map(() => ({ themeId: null, themeConfidence: 0, sectors: [], related: [] })),
}));

const db = testDb();
const dir = mkdtempSync(path.join(os.tmpdir(), 'tracker-import-'));
const report = path.join(dir, 'water.txt');
const lying = path.join(dir, 'water.pdf');
let themeSlug: string;
let sectorSlug: string;

beforeAll(async () => {
  writeFileSync(report, SAMPLE_REPORT);
  writeFileSync(lying, SAMPLE_REPORT);
  themeSlug = (await db.theme.findUniqueOrThrow({ where: { id: await seedVocabulary(db, 'theme') } })).slug;
  sectorSlug = (await db.sector.findUniqueOrThrow({ where: { id: await seedVocabulary(db, 'sector') } })).slug;
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db.$disconnect();
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

function capture() {
  const stdout = vi.spyOn(console, 'log').mockImplementation(() => {});
  const stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
  return { out: () => stdout.mock.calls.map((c) => String(c[0])).join('\n'), err: () => stderr.mock.calls.map((c) => String(c[0])) };
}
const options = (extra: Partial<Parameters<typeof runImport>[2]> = {}) => ({ sector: [], ...extra });

describe('tracker import', () => {
  it('import cli: --dry-run --json prints the seminar and the recommendations and writes nothing', async () => {
    const io = capture();
    const drafts = await db.importDraft.count();
    await runImport(testDatabaseUrl(), report, options({ dryRun: true, json: true }));
    expect(process.exitCode).toBeUndefined();
    const printed = JSON.parse(io.out()) as { seminar: Record<string, unknown>; recommendations: { text: string; start: number; end: number }[] };
    expect(printed.seminar).toMatchObject({ title: 'Water Security in South Asia', date: '2015-03-14', venue: 'Institute of Regional Studies, Islamabad' });
    expect(printed.recommendations.map((r) => r.text)).toEqual(SAMPLE_ITEM_TEXTS);
    expect(printed.recommendations[0]).toEqual(expect.objectContaining({ start: expect.any(Number), end: expect.any(Number) }));
    expect(io.err()).toEqual(['Extracting the text…', 'Finding the recommendations…']);
    expect(await db.importDraft.count()).toBe(drafts);
  });

  it('import cli: without --confirm a draft is saved and its review address printed', async () => {
    const io = capture();
    vi.stubEnv('NEXTAUTH_URL', 'https://tracker.example.org/');
    try {
      await runImport(testDatabaseUrl(), report, options({ kind: 'round_table' }));
    } finally {
      vi.unstubAllEnvs();
    }
    expect(process.exitCode).toBeUndefined();
    const match = /https:\/\/tracker\.example\.org\/imports\/(\S+)$/.exec(io.out());
    expect(match).not.toBeNull();
    const draft = await db.importDraft.findUniqueOrThrow({ where: { id: match![1]! } });
    expect(draft).toMatchObject({ status: 'DRAFT', sourceFileName: 'water.txt', createdById: null });
    expect(JSON.parse(draft.seminar)).toMatchObject({ kind: 'ROUND_TABLE' });
    expect(io.err()).toEqual(
      expect.arrayContaining(['Extracting the text…', 'Finding the recommendations…', 'Suggesting themes, sectors and related items…', 'Saving…']),
    );
    expect(reviewUrl('abc', {})).toBe('http://localhost:3000/imports/abc');
  });

  it('import cli: --confirm imports with the flags and prints the codes', async () => {
    const io = capture();
    await runImport(
      testDatabaseUrl(),
      report,
      options({ confirm: true, kind: 'ROUND_TABLE', title: 'Water round table', theme: themeSlug, sector: [sectorSlug] }),
    );
    expect(process.exitCode).toBeUndefined();
    expect(io.out()).toMatch(/^Imported “Water round table” \(2015-03-14\) with 3 recommendations: 2015\S*-R01 to 2015\S*-R03\.$/);
    const seminar = await db.seminar.findFirstOrThrow({ where: { title: 'Water round table' }, include: { recommendations: { include: { sectors: true } } } });
    expect(seminar.recommendations).toHaveLength(3);
    expect(seminar.recommendations[0]!.sectors).toHaveLength(1);
  });

  it('import cli: --confirm refuses without --kind before reading anything, and without a theme keeps the draft', async () => {
    const io = capture();
    const drafts = await db.importDraft.count();
    await runImport(testDatabaseUrl(), report, options({ confirm: true }));
    expect(process.exitCode).toBe(2);
    expect(io.err()[0]).toMatch(/^error: --confirm needs --kind/);
    expect(await db.importDraft.count()).toBe(drafts);

    process.exitCode = undefined;
    await runImport(testDatabaseUrl(), report, options({ confirm: true, kind: 'seminar' }));
    expect(process.exitCode).toBe(1);
    expect(io.err().join('\n')).toMatch(/3 of 3 recommendations have no primary theme: pass --theme SLUG/);
    expect(io.err().at(-1)).toMatch(/^The draft is saved: finish it at http/);
  });

  it('import cli: a file the importer refuses, a missing file and a bad flag exit non-zero with one line', async () => {
    const io = capture();
    await runImport(testDatabaseUrl(), lying, options({ dryRun: true }));
    expect(process.exitCode).toBe(1);
    expect(io.err().at(-1)).toMatch(/^error: .*water\.pdf: This file is named \.pdf but is not a PDF.*\(type_mismatch\)$/);
    process.exitCode = undefined;
    await runImport(testDatabaseUrl(), path.join(dir, 'missing.pdf'), options());
    expect(process.exitCode).toBe(2);
    expect(io.err().at(-1)).toMatch(/missing\.pdf: no such file\.$/);
    process.exitCode = undefined;
    await runImport(testDatabaseUrl(), report, options({ date: '2015-02-30' }));
    expect(process.exitCode).toBe(2);
  });

  it('import cli: the real command line, spawned: dry run on stdout, a refused file one line on stderr with exit 1', { timeout: 120_000 }, async () => {
    const env = { ...process.env, DATABASE_URL: testDatabaseUrl() };
    const cli = path.join(process.cwd(), 'bin', 'cli.ts');
    const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const ok = await run(tsx, [cli, 'import', report, '--dry-run', '--json'], { env });
    expect((JSON.parse(ok.stdout) as { recommendations: unknown[] }).recommendations).toHaveLength(3);
    const refused = await run(tsx, [cli, 'import', lying, '--dry-run'], { env }).then(
      () => null,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stdout).toBe('');
    const lines = refused!.stderr.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^error: .*\(type_mismatch\)$/);
    expect(refused!.stderr).not.toMatch(/\n\s+at /);
  });
});
