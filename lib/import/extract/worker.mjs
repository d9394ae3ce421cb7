// @ts-check
// The extraction worker: parses one PDF or DOCX off the server's main thread and posts back
// { ok: true, result } or { ok: false, code, detail }. Started (and, on a time or memory limit,
// terminated) by index.ts, one worker per file.
//
// Plain JavaScript (.mjs) on purpose: Node must be able to start it as it is, under vitest and tsx
// (which do not transform worker-thread entries) as well as after Next.js has bundled it (see index.ts).

import { parentPort, workerData } from 'node:worker_threads';
import { Refusal } from './refusal.mjs';

async function main() {
  const { kind, bytes, limits } = workerData;
  try {
    // Only the parser this file needs is loaded (pdf.js alone is a few MB of JavaScript).
    const result = kind === 'pdf' ? await (await import('./pdf.mjs')).extractPdf(bytes, limits) : await (await import('./docx.mjs')).extractDocx(bytes, limits);
    parentPort?.postMessage({ ok: true, result });
  } catch (error) {
    if (error instanceof Refusal) parentPort?.postMessage({ ok: false, code: error.code, detail: error.detail });
    else parentPort?.postMessage({ ok: false, code: kind === 'pdf' ? 'corrupt_pdf' : 'corrupt_docx', detail: {} });
  }
}

void main();
