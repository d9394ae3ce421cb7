// The server preload on a plain Node HTTP server (what `next start` runs): request ids in and out,
// one line per request with the user the app noted, console output turned into log lines.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, setSharedLogger } from '../../lib/log/logger-core.mjs';
import { noteRequestUser } from '../../lib/log/request-context';

const raw: string[] = [];
const lines = () => raw.map((line) => JSON.parse(line) as Record<string, unknown>);
setSharedLogger(
  createLogger({
    level: 'debug',
    stream: new Writable({
      write(chunk: Buffer, _encoding, done) {
        raw.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    }),
  }),
);
await import('./request-log.mjs');

const LINK_TOKEN = 'c2V0LXBhc3N3b3JkLWxpbmstdG9rZW4tZm9yLXRlc3Rz';
let base = '';
const seenByApp: string[] = [];
const server = http.createServer((req, res) => {
  seenByApp.push(String(req.headers['x-request-id']));
  if (req.url?.startsWith('/signed-in')) noteRequestUser('user-42');
  if (req.url?.startsWith('/boom')) {
    console.error('Unexpected API error', new Error('the database went away'));
    res.statusCode = 500;
  }
  setTimeout(() => res.end('ok'), 20);
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The request line for `id`, once the response has closed. */
async function requestLine(id: string) {
  await expect.poll(() => lines().find((line) => line.reqId === id && 'status' in line)).toBeDefined();
  return lines().find((line) => line.reqId === id && 'status' in line)!;
}

describe('scripts/lib/request-log.mjs', () => {
  it('request log: logs that the server listens', () => {
    expect(lines()).toContainEqual(
      expect.objectContaining({ event: 'server_start', msg: 'server listening', address: expect.objectContaining({ address: '127.0.0.1' }) }),
    );
  });

  it('request log: a new id per request, given to the app and returned in X-Request-Id; one line with method, route, status, duration and user', async () => {
    const response = await fetch(`${base}/signed-in/page?callbackUrl=%2Fsecret&token=abc`);
    const id = response.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(seenByApp.at(-1)).toBe(id);
    const line = await requestLine(id);
    expect(line).toMatchObject({ level: 30, method: 'GET', route: '/signed-in/page', status: 200, userId: 'user-42' });
    expect(line.durationMs).toBeGreaterThanOrEqual(15);
    expect(JSON.stringify(line)).not.toContain('token=abc');

    const other = await fetch(`${base}/anonymous`);
    expect(other.headers.get('x-request-id')).not.toBe(id);
    expect(await requestLine(other.headers.get('x-request-id')!)).not.toHaveProperty('userId');
  });

  it('request log: keeps a proxy’s plain X-Request-Id, replaces one that is not', async () => {
    const kept = await fetch(`${base}/x`, { headers: { 'X-Request-Id': 'proxy-req-0001' } });
    expect(kept.headers.get('x-request-id')).toBe('proxy-req-0001');
    expect(seenByApp.at(-1)).toBe('proxy-req-0001');
    const replaced = await fetch(`${base}/x`, { headers: { 'X-Request-Id': 'not a "safe" id' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(seenByApp.at(-1)).toBe(replaced.headers.get('x-request-id'));
  });

  it('request log: masks a set-password link’s token in the route', async () => {
    const response = await fetch(`${base}/set-password/${LINK_TOKEN}`);
    expect(await requestLine(response.headers.get('x-request-id')!)).toMatchObject({ route: '/set-password/[token]' });
    expect(raw.join('\n')).not.toContain(LINK_TOKEN);
  });

  it('request log: a 500 is logged as an error, and console output becomes a line with the request id and the stack', async () => {
    const response = await fetch(`${base}/boom`);
    const id = response.headers.get('x-request-id')!;
    expect(await requestLine(id)).toMatchObject({ level: 50, status: 500, route: '/boom' });
    const error = lines().find((line) => line.reqId === id && line.msg === 'Unexpected API error') as {
      level: number;
      err: { message: string; stack: string };
    };
    expect(error).toMatchObject({ level: 50, err: { message: 'the database went away' } });
    expect(error.err.stack).toContain('request-log.test.ts');
  });

  it('request log: blank console lines (spacing) are not logged', () => {
    const before = raw.length;
    console.log();
    console.log('   ');
    expect(raw.length).toBe(before);
  });

  it('request log: health probes that succeed are debug lines, so LOG_LEVEL=info keeps them out', async () => {
    const response = await fetch(`${base}/api/health/ready`);
    expect(await requestLine(response.headers.get('x-request-id')!)).toMatchObject({ level: 20, route: '/api/health/ready' });
  });
});
