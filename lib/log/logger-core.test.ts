import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, requestIdFrom, requestStore, routeOf, scrubSecrets } from './logger-core.mjs';

/** A logger at `level` whose lines are collected, parsed. */
function capture(level = 'info') {
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger({ stream, level });
  return { logger, raw, lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const API_TOKEN = 'trk_Yk1pZ3h0LXRva2VuLXRoYXQtaXMtc2VjcmV0LTEyMzQ1';
const LINK_TOKEN = 'Zm9yLWEtc2V0LXBhc3N3b3JkLWxpbmstb25seS0xMjM0NTY3OA';
const HASH = '$2b$10$abcdefghijklmnopqrstuuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ12';

describe('logger: nothing secret reaches a line', () => {
  it('log: secret fields are redacted by name, at the top, one level down and in headers', () => {
    const { logger, raw, lines } = capture();
    logger.info(
      {
        password: 'hunter2-password',
        token: API_TOKEN,
        input: { newPassword: 'new-secret-pass', currentPassword: 'old-secret-pass', secret: 'shown-once' },
        headers: { authorization: `Bearer ${API_TOKEN}`, cookie: 'next-auth.session-token=abc.def.ghi', 'set-cookie': 'next-auth.csrf-token=xyz' },
        request: { headers: { authorization: 'Basic dXNlcjpwYXNz', cookie: 'a=b' } },
        user: { id: 'u1', passwordHash: HASH, setupCode: 'ABCD-EFGH-JKMN-PQRS' },
      },
      'with secrets',
    );
    const text = raw.join('\n');
    for (const secret of [
      'hunter2-password',
      API_TOKEN,
      'new-secret-pass',
      'old-secret-pass',
      'shown-once',
      'abc.def.ghi',
      'xyz',
      'dXNlcjpwYXNz',
      HASH,
      'ABCD-EFGH-JKMN-PQRS',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(lines()[0]).toMatchObject({ password: '[redacted]', input: { newPassword: '[redacted]' }, headers: { cookie: '[redacted]' }, user: { id: 'u1' } });
  });

  it('log: tokens, set-password links, bearer credentials and hashes are masked in messages and stacks too', () => {
    const { logger, raw } = capture();
    const error = new Error(`failed for /set-password/${LINK_TOKEN} with ${API_TOKEN} and ${HASH}`);
    logger.error({ err: error }, `request to https://tracker.example/set-password/${LINK_TOKEN}?x=1 with Authorization: Bearer abc.def`);
    const text = raw.join('\n');
    for (const secret of [LINK_TOKEN, API_TOKEN, HASH, 'abc.def']) expect(text).not.toContain(secret);
    expect(text).toContain('/set-password/[token]');
    expect(text).toContain('trk_[redacted]');
    // Still one valid JSON line with the stack.
    const [line] = raw.map((l) => JSON.parse(l) as { err: { stack: string } });
    expect(line!.err.stack).toContain('logger-core.test.ts');
  });

  it('log: routes keep the path only: no query string, no fragment, the set-password token masked', () => {
    expect(routeOf('/login?callbackUrl=%2Fdashboard&token=abc')).toBe('/login');
    expect(routeOf('/recommendations/2015-R03#evidence')).toBe('/recommendations/2015-R03');
    expect(routeOf(`/set-password/${LINK_TOKEN}`)).toBe('/set-password/[token]');
    expect(routeOf(`/set-password/${LINK_TOKEN}?_rsc=1x`)).toBe('/set-password/[token]');
    expect(routeOf(undefined)).toBe('/');
    expect(scrubSecrets('/set-password/[token]')).toBe('/set-password/[token]');
  });
});

describe('logger: request ids and levels', () => {
  it('log: a proxy’s X-Request-Id is kept only when it is a short plain token; otherwise a new id', () => {
    expect(requestIdFrom('0f8e4c6a9b2d4e1f8a7b6c5d4e3f2a1b')).toBe('0f8e4c6a9b2d4e1f8a7b6c5d4e3f2a1b');
    expect(requestIdFrom('lb-1:req.42_x')).toBe('lb-1:req.42_x');
    const fresh = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    for (const unsafe of [undefined, '', 'short', 'has spaces in it', '"quoted-value"', 'x'.repeat(65), 'a\nfake-log-line', ['abcdefgh1', 'abcdefgh2']]) {
      expect(requestIdFrom(unsafe)).toMatch(fresh);
    }
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });

  it('log: lines written while a request is served carry its id and user id', () => {
    const { logger, lines } = capture();
    logger.info('outside');
    requestStore().run({ id: 'req-12345678' }, () => {
      logger.info('before the user is known');
      requestStore().getStore()!.userId = 'user-1';
      logger.warn({ reason: 'x' }, 'after');
    });
    expect(lines().map(({ msg, reqId, userId }) => ({ msg, reqId, userId }))).toEqual([
      { msg: 'outside', reqId: undefined, userId: undefined },
      { msg: 'before the user is known', reqId: 'req-12345678', userId: undefined },
      { msg: 'after', reqId: 'req-12345678', userId: 'user-1' },
    ]);
  });

  it('log: LOG_LEVEL sets the level; a wrong one falls back to info and says so', () => {
    const quiet = capture('warn');
    quiet.logger.info('not shown');
    quiet.logger.warn('shown');
    expect(quiet.lines().map((line) => line.msg)).toEqual(['shown']);

    const wrong = capture('loud');
    expect(wrong.logger.level).toBe('info');
    expect(wrong.lines()[0]).toMatchObject({ level: 40, LOG_LEVEL: 'loud' });
  });

  it('log: JSON lines with an ISO time, level, pid and host for a file or a pipe', () => {
    const { logger, lines } = capture();
    logger.info({ event: 'x' }, 'hello');
    expect(lines()[0]).toMatchObject({ level: 30, msg: 'hello', event: 'x', pid: process.pid, hostname: expect.any(String) });
    expect(String(lines()[0]!.time)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });
});
