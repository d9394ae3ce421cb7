// Hostile uploads through POST /api/v1/imports (multipart), called as Next calls it: oversized,
// truncated, malformed and mislabelled PDF, DOCX and text files, zip and stream bombs, empty files
// and broken envelopes. Each gets its status and error code, a message meant for a person (no stack,
// path or library internals), within a time bound and a bound on how far the process's memory grows
// (sampled while it runs), and the database is unchanged. The extractor's own behaviour per file is
// tested in lib/import/extract/*.test.ts; this is what an API client sees, end to end.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDb } from '@/lib/test/test-db';
import { tableChecksums } from '@/lib/test/table-checksums';
import { UNCHANGED_BUT } from '@/lib/test/hostile/expect-refusal';
import { seedUser } from '@/lib/test/user-factory';
import {
  makeDeclaredZipBomb,
  makeDocx,
  makeEncryptedPdf,
  makeImageOnlyPdf,
  makeLyingZipBomb,
  makePdf,
  makePdfStreamBomb,
  makePng,
  makeZip,
  reportPage,
  zipEntry,
} from './extract/test-fixtures';

// The memory watchdog's limit for this file: the bound the PDF stream bomb is held to (default 1 GB).
vi.hoisted(() => {
  process.env.IMPORT_WORKER_MEMORY_MB = '160';
});

vi.mock('@/lib/db', async () => {
  const { testDb: open } = await import('@/lib/test/test-db');
  return { db: open() };
});
vi.mock('next-auth', () => ({ getServerSession: async () => null }));

const imports = await import('@/app/api/v1/imports/route');
const { createApiToken } = await import('@/lib/tokens/create-api-token');
const { IMPORT_LIMITS } = await import('./extract/limits');

const MB = 1024 * 1024;
const db = testDb();
afterAll(() => db.$disconnect());

let token: string;
beforeAll(async () => {
  const editor = await seedUser(db, { role: 'EDITOR' });
  token = (await createApiToken(db, { name: 'uploads', scope: 'write' }, editor.actor)).token;
});

type Upload = { bytes?: Uint8Array; name?: string; type?: string; body?: BodyInit; headers?: Record<string, string> };
type Case = { name: string; upload: () => Promise<Upload>; status: number; code: string; message?: RegExp; seconds?: number };

const cut = (bytes: Uint8Array, share: number) => bytes.subarray(0, Math.floor(bytes.length * share));

const CASES: Case[] = [
  {
    name: 'an empty file',
    upload: async () => ({ bytes: new Uint8Array(0), name: 'empty.txt', type: 'text/plain' }),
    status: 422,
    code: 'empty_file',
    message: /empty/,
  },
  {
    name: 'a file over the size limit',
    upload: async () => ({ bytes: new Uint8Array(IMPORT_LIMITS.maxFileBytes + 1).fill(0x61), name: 'big.txt', type: 'text/plain' }),
    status: 413,
    code: 'too_large',
    message: /over the 20 MB limit/,
  },
  {
    name: 'a body that says it is 1 GB (refused before it is read)',
    upload: async () => ({ body: 'x', headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(1024 * MB) } }),
    status: 413,
    code: 'too_large',
  },
  {
    name: 'a truncated PDF',
    upload: async () => ({ bytes: cut(await makePdf([reportPage(1), reportPage(2)]), 0.6), name: 'cut.pdf', type: 'application/pdf' }),
    status: 422,
    code: 'corrupt_pdf',
    message: /cut short/,
  },
  {
    name: 'a PDF header followed by junk',
    upload: async () => ({
      bytes: new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 'x'), Buffer.from('\n%%EOF\n')])),
      name: 'junk.pdf',
    }),
    status: 422,
    code: 'corrupt_pdf',
  },
  {
    name: 'a password-protected PDF',
    upload: async () => ({ bytes: makeEncryptedPdf(), name: 'secret.pdf' }),
    status: 422,
    code: 'encrypted_pdf',
    message: /password/,
  },
  { name: 'a scanned PDF', upload: async () => ({ bytes: await makeImageOnlyPdf(), name: 'scan.pdf' }), status: 422, code: 'no_text_layer', message: /no OCR/ },
  {
    name: 'a PDF stream that inflates to 1 GiB',
    upload: async () => ({ bytes: await makePdfStreamBomb(1024 * MB), name: 'bomb.pdf' }),
    status: 422,
    code: 'too_complex',
    seconds: 30,
  },
  {
    name: 'a truncated DOCX',
    upload: async () => ({ bytes: cut(await makeDocx(), 0.5), name: 'cut.docx' }),
    status: 422,
    code: 'corrupt_docx',
  },
  {
    name: 'a DOCX whose document is not XML',
    upload: async () => ({ bytes: makeZip([zipEntry('[Content_Types].xml', '<Types/>'), zipEntry('word/document.xml', 'not <xml at all')]), name: 'odd.docx' }),
    status: 422,
    code: 'corrupt_docx',
  },
  {
    name: 'a DOCX zip bomb that declares 4 GB',
    upload: async () => ({ bytes: await makeDeclaredZipBomb(4_000_000_000), name: 'bomb.docx' }),
    status: 413,
    code: 'docx_too_large_uncompressed',
  },
  {
    name: 'a DOCX zip bomb that declares 4 KB and inflates to 2 GiB',
    upload: async () => ({ bytes: await makeLyingZipBomb(2 * 1024 * MB), name: 'bomb.docx' }),
    status: 413,
    code: 'docx_too_large_uncompressed',
    message: /inflates to more than it declares/,
  },
  {
    name: 'an Excel workbook named .docx',
    upload: async () => ({ bytes: makeZip([zipEntry('[Content_Types].xml', '<Types/>'), zipEntry('xl/workbook.xml', '<workbook/>')]), name: 'sheet.docx' }),
    status: 415,
    code: 'unsupported_type',
    message: /Excel workbook/,
  },
  {
    name: 'text named .pdf',
    upload: async () => ({ bytes: new TextEncoder().encode('Recommendations\n1. Not a PDF.\n'), name: 'report.pdf', type: 'application/pdf' }),
    status: 415,
    code: 'type_mismatch',
  },
  {
    name: 'a PNG image named .pdf',
    upload: async () => ({ bytes: makePng(), name: 'report.pdf', type: 'application/pdf' }),
    status: 415,
    code: 'type_mismatch',
  },
  {
    name: 'an old Word .doc',
    upload: async () => ({ bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(500).fill(0)]), name: 'report.doc' }),
    status: 415,
    code: 'unsupported_type',
    message: /old Word \.doc/,
  },
  {
    name: 'random binary data named .txt',
    upload: async () => ({ bytes: new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256), name: 'notes.txt', type: 'text/plain' }),
    status: 415,
    code: 'unsupported_type',
  },
  {
    name: 'text that is neither UTF-8 nor UTF-16',
    upload: async () => ({ bytes: new Uint8Array(Buffer.from('Caf\u00e9 na\u00efve r\u00e9sum\u00e9\n'.repeat(20), 'latin1')), name: 'notes.txt' }),
    status: 422,
    code: 'bad_encoding',
  },
  {
    name: 'a file name with a NUL in it',
    upload: async () => ({ bytes: new TextEncoder().encode('Recommendations\n1. Publish.\n'), name: 'report\u0000.txt' }),
    status: 400,
    code: 'invalid_input',
  },
  {
    name: 'a multipart body that is cut short',
    upload: async () => ({
      body: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    }),
    status: 400,
    code: 'invalid_input',
  },
  {
    name: 'a form without the file field',
    upload: async () => {
      const form = new FormData();
      form.set('document', 'not a file');
      return { body: form };
    },
    status: 400,
    code: 'invalid_input',
  },
  {
    name: 'an XML body',
    upload: async () => ({ body: '<report/>', headers: { 'content-type': 'application/xml' } }),
    status: 415,
    code: 'unsupported_media_type',
  },
];

function requestFor(upload: Upload): Request {
  let body = upload.body;
  if (upload.bytes) {
    const form = new FormData();
    form.set('file', new File([upload.bytes as BlobPart], upload.name ?? 'file', { type: upload.type ?? 'application/octet-stream' }));
    body = form;
  }
  return new Request('http://localhost/api/v1/imports', { method: 'POST', headers: { authorization: `Bearer ${token}`, ...upload.headers }, body });
}

/** Runs `work`, sampling the process's resident memory meanwhile: its result, the time taken and the highest growth seen. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; growthMb: number }> {
  global.gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  const started = performance.now();
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, seconds: (performance.now() - started) / 1000, growthMb: (peak - before) / MB };
  } finally {
    clearInterval(sampler);
  }
}

describe('hostile uploads through POST /api/v1/imports', () => {
  const checksums: Record<string, string>[] = [];
  beforeAll(async () => {
    checksums.push(await tableChecksums(db, UNCHANGED_BUT));
  });

  for (const c of CASES) {
    it(`uploads: ${c.name} → ${c.status} ${c.code}, a clear message, in bounded time and memory`, async () => {
      const upload = await c.upload();
      const drafts = await db.importDraft.count();
      const { result: response, seconds, growthMb } = await measured(() => imports.POST(requestFor(upload), { params: Promise.resolve({}) }));
      const body = (await response.json()) as { error?: { code: string; message: string } };
      expect({ status: response.status, code: body.error?.code }).toEqual({ status: c.status, code: c.code });
      const message = body.error!.message;
      expect(message).toMatch(/^[A-Z].*[.!]$/s);
      expect(message).not.toMatch(/\bat .+:\d+|node_modules|\/work\/|\/tmp\/|Error:|undefined|\[object/);
      if (c.message) expect(message).toMatch(c.message);
      // The bombs' bounds are the extractor's limits (time; the memory watchdog, set to 160 MB above);
      // the rest is refused from the first bytes.
      expect(seconds, 'seconds').toBeLessThan(c.seconds ?? 10);
      // The file itself, a multipart copy, and the watchdog's limit for the parser.
      expect(growthMb, 'MB of memory growth').toBeLessThan(160 + 3 * ((upload.bytes?.length ?? 0) / MB) + 96);
      expect(await db.importDraft.count()).toBe(drafts);
    }, 60_000);
  }

  it('uploads: none of the refused files changed the database', async () => {
    expect(await tableChecksums(db, UNCHANGED_BUT)).toEqual(checksums[0]);
  });
});
