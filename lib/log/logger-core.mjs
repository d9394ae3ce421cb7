// The one logger of a process, shared by the server preload (scripts/lib/request-log.mjs, loaded by
// plain Node before Next starts) and the app (bundled by Next): plain JavaScript so both can load it.
// The two load separate copies of this module, so the logger and the per-request store live on
// globalThis under Symbol.for keys: whoever asks first creates them, the other finds them there.
//
// JSON lines (pino) unless the destination is a terminal, where pino-pretty prints them readably.
// LOG_LEVEL sets the level (default info). Nothing secret may reach a line: known secret fields are
// redacted by name, and every line passes through scrubSecrets (tokens, set-password links,
// bearer credentials, session cookies, password hashes) before it is written.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import pinoPretty from 'pino-pretty';

const LOGGER_KEY = Symbol.for('tracker.logger');
const REQUEST_STORE_KEY = Symbol.for('tracker.requestContext');

export const REQUEST_ID_HEADER = 'x-request-id';
export const DEFAULT_LOG_LEVEL = 'info';
const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

const REDACTED = '[redacted]';
const SECRET_FIELDS = [
  'password',
  'newPassword',
  'currentPassword',
  'passwordAgain',
  'passwordHash',
  'token',
  'tokenHash',
  'secret',
  'setupCode',
  'authorization',
  'cookie',
  'set-cookie',
];
/** Secret fields at the top of a line's object, one level down, and in any `headers` object. */
export const REDACT_PATHS = SECRET_FIELDS.flatMap((field) => {
  const key = /^[A-Za-z_$][\w$]*$/.test(field) ? field : `["${field}"]`;
  const dot = key.startsWith('[') ? '' : '.';
  return [key, `*${dot}${key}`, `headers${dot}${key}`, `*.headers${dot}${key}`];
});

const SCRUBS = [
  // API tokens (lib/tokens/token-secret.ts): "trk_" + base64url.
  [/trk_[A-Za-z0-9_-]{16,}/g, 'trk_[redacted]'],
  // One-time set-password links, wherever they appear (a URL, a message, a stack).
  [/\/set-password\/(?!\[token\])[^/?#\s"\\]+/g, '/set-password/[token]'],
  [/(bearer\s+)[^\s"\\]+/gi, `$1${REDACTED}`],
  [/((?:session|csrf)-token=)[^;\s"\\]+/gi, `$1${REDACTED}`],
  [/\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}/g, '[redacted password hash]'],
];

/** Masks the secrets a log line must never hold, wherever they appear in it. Keeps JSON valid. */
export function scrubSecrets(text) {
  let out = text;
  for (const [pattern, replacement] of SCRUBS) out = out.replace(pattern, replacement);
  return out;
}

/**
 * What a request line records as its route: the path without query string or fragment (a query
 * may carry secrets), with a set-password link's token masked, at most 300 characters.
 * @param {string | undefined} url
 */
export function routeOf(url) {
  const path = String(url ?? '').split(/[?#]/, 1)[0] || '/';
  return scrubSecrets(path).slice(0, 300);
}

/**
 * The request id: a proxy's or client's X-Request-Id when it is a short, plain token (letters,
 * digits, `.`, `_`, `:`, `-`; 8 to 64 characters), else a new random one.
 * @param {unknown} incoming
 */
export function requestIdFrom(incoming) {
  return typeof incoming === 'string' && /^[A-Za-z0-9._:-]{8,64}$/.test(incoming) ? incoming : randomUUID();
}

/** LOG_LEVEL if it names a pino level, else the default (and the reason, to log once). */
export function configuredLevel(value = process.env.LOG_LEVEL) {
  const wanted = (value ?? '').trim().toLowerCase();
  if (!wanted) return { level: DEFAULT_LOG_LEVEL, invalid: null };
  return LEVELS.includes(wanted) ? { level: wanted, invalid: null } : { level: DEFAULT_LOG_LEVEL, invalid: value };
}

/**
 * The store of the request being served (its id and, once known, its user id), set by the server
 * preload around each request.
 * @returns {AsyncLocalStorage<{ id: string; userId?: string }>}
 */
export function requestStore() {
  const shared = /** @type {Record<symbol, unknown>} */ (globalThis);
  if (!shared[REQUEST_STORE_KEY]) shared[REQUEST_STORE_KEY] = new AsyncLocalStorage();
  return /** @type {AsyncLocalStorage<{ id: string; userId?: string }>} */ (shared[REQUEST_STORE_KEY]);
}

/**
 * A new logger writing to `fd` (1, standard output, or 2, standard error): pretty when that is a
 * terminal (or `pretty` says so), JSON lines otherwise. `stream` (tests) replaces the file descriptor.
 * @param {{ fd?: 1 | 2; pretty?: boolean; level?: string; stream?: import('pino').DestinationStream }} [options]
 */
export function createLogger(options = {}) {
  const fd = options.fd ?? 1;
  const pretty = options.pretty ?? (!options.stream && Boolean((fd === 2 ? process.stderr : process.stdout).isTTY));
  const { level, invalid } = configuredLevel(options.level);
  const destination = pretty
    ? pinoPretty({
        destination: options.stream ?? fd,
        colorize: !options.stream,
        singleLine: true,
        translateTime: 'SYS:HH:MM:ss.l',
        ignore: 'pid,hostname',
        sync: true,
      })
    : (options.stream ?? pino.destination({ fd, sync: true }));
  const store = requestStore();
  const logger = pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      // Lines written while a request is served carry its id and user.
      mixin() {
        const request = store.getStore();
        if (!request) return {};
        return request.userId ? { reqId: request.id, userId: request.userId } : { reqId: request.id };
      },
      hooks: { streamWrite: scrubSecrets },
    },
    destination,
  );
  if (invalid !== null) logger.warn({ LOG_LEVEL: invalid }, `LOG_LEVEL "${invalid}" is not a level (${LEVELS.join(', ')}); using ${level}`);
  return logger;
}

/**
 * This process's logger, created on first use (standard output) unless setSharedLogger set one first.
 * @returns {import('pino').Logger}
 */
export function sharedLogger() {
  const shared = /** @type {Record<symbol, import('pino').Logger | undefined>} */ (globalThis);
  return (shared[LOGGER_KEY] ??= createLogger());
}

/**
 * Makes `logger` this process's logger (the command line logs to standard error).
 * @param {import('pino').Logger} logger
 */
export function setSharedLogger(logger) {
  /** @type {Record<symbol, unknown>} */ (globalThis)[LOGGER_KEY] = logger;
}
