// The worker file must be found however the app runs. vitest is covered by every other test here;
// this one runs the extractor under tsx, as the CLI (bin/cli.ts) does, in a separate Node process.
// Several files at once share the worker slots (IMPORT_MAX_CONCURRENT) and all come back.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractReportText } from './index';
import { makeDocx, makePdf } from './test-fixtures';

const dir = mkdtempSync(path.join(tmpdir(), 'extract-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the extraction worker', { timeout: 60_000 }, () => {
  it('starts under tsx (the CLI)', async () => {
    const pdfPath = path.join(dir, 'r.pdf');
    writeFileSync(pdfPath, await makePdf([['Hello from tsx']]));
    const script = path.join(dir, 'run.mts');
    const indexUrl = new URL('./index.ts', import.meta.url).href;
    writeFileSync(
      script,
      `import { readFileSync } from 'node:fs';\n` +
        `const { extractReportText } = await import(${JSON.stringify(indexUrl)});\n` +
        `const r = await extractReportText({ bytes: new Uint8Array(readFileSync(${JSON.stringify(pdfPath)})), fileName: 'r.pdf' });\n` +
        `console.log(JSON.stringify(r));\n`,
    );
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: process.cwd(), encoding: 'utf8', timeout: 50_000 });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ text: 'Hello from tsx', format: 'pdf', pages: 1, warnings: [] });
  });

  it('handles several files at once', async () => {
    const pdf = await makePdf([['One PDF']]);
    const docx = await makeDocx();
    const results = await Promise.all([pdf, docx, pdf, docx, pdf].map((bytes) => extractReportText({ bytes })));
    expect(results.map((r) => r.format)).toEqual(['pdf', 'docx', 'pdf', 'docx', 'pdf']);
    expect(results[0]?.text).toBe('One PDF');
  });
});
