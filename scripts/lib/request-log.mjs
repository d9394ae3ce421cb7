// Loaded into the app server by npm start (`--import` in NODE_OPTIONS, scripts/start.ts), as
// peer-address.mjs is. `next start` owns the HTTP server and gives the app no hook around a whole
// request, so this wraps the server's 'request' event:
// - gives each request an id (a plain, short X-Request-Id from the proxy, or a new one), sets it on
//   the request's headers for the app, and returns it in the X-Request-Id response header;
// - runs the request in a per-request store (lib/log/logger-core.mjs) that the app's wrappers fill
//   with the signed-in user's id (lib/log/request-context.ts), so every line logged while serving
//   it carries both;
// - when the response ends, logs one line: method, route (the path without its query string, a
//   set-password token masked), status, duration in ms, request id and user id.
// Once the server listens it logs that, and routes console output (Next's own messages and errors)
// through the logger too, so the server writes JSON lines only (pretty in a terminal).
import http from 'node:http';
import https from 'node:https';
import { format } from 'node:util';
import { REQUEST_ID_HEADER, requestIdFrom, requestStore, routeOf, sharedLogger } from '../../lib/log/logger-core.mjs';

/** Health probes and static files succeed many times a minute: their lines are debug unless they fail. */
const QUIET_ROUTES = /^\/(?:api\/health(?:\/|$)|_next\/static\/|_next\/image|favicon\.ico$)/;

/** @param {number} status @param {string} route */
export function requestLevel(status, route) {
  if (status >= 500) return 'error';
  if (status >= 400) return 'warn';
  return QUIET_ROUTES.test(route) ? 'debug' : 'info';
}

/** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
function startRequest(req, res) {
  const started = process.hrtime.bigint();
  const id = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
  req.headers[REQUEST_ID_HEADER] = id;
  res.setHeader('X-Request-Id', id);
  /** @type {{ id: string; userId?: string }} */
  const context = { id };
  res.once('close', () => {
    const route = routeOf(req.url);
    const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
    const status = res.statusCode;
    const line = { reqId: id, method: req.method, route, status, durationMs, ...(context.userId ? { userId: context.userId } : {}) };
    // A response cut off before it was fully sent (the client went away) says so.
    if (!res.writableFinished) Object.assign(line, { aborted: true });
    sharedLogger()[requestLevel(status, route)](line, `${req.method} ${route} ${status} ${durationMs} ms`);
  });
  return context;
}

let consoleRouted = false;

/** console.* in the server becomes log lines; an Error argument is logged with its stack. */
function routeConsoleToLogger() {
  if (consoleRouted) return;
  consoleRouted = true;
  const logger = sharedLogger();
  for (const [method, level] of /** @type {const} */ ([
    ['log', 'info'],
    ['info', 'info'],
    ['warn', 'warn'],
    ['error', 'error'],
    ['debug', 'debug'],
  ])) {
    console[method] = (...args) => {
      const error = args.find((arg) => arg instanceof Error);
      const rest = error ? args.filter((arg) => arg !== error) : args;
      const message = format(...rest).trim() || (error ? error.message : '');
      // Blank lines Next prints for spacing are not log lines.
      if (!message && !error) return;
      if (error) logger[level]({ err: error }, message);
      else logger[level](message);
    };
  }
}

for (const Server of [http.Server, https.Server]) {
  const emit = Server.prototype.emit;
  Server.prototype.emit = function emitWithRequestLog(event, ...args) {
    const [req, res] = args;
    if (event === 'request' && req?.headers && typeof res?.setHeader === 'function') {
      const context = startRequest(req, res);
      return requestStore().run(context, () => emit.call(this, event, ...args));
    }
    if (event === 'listening') {
      routeConsoleToLogger();
      const address = this.address();
      sharedLogger().info(
        {
          event: 'server_start',
          address: typeof address === 'object' && address ? address : String(address),
          node: process.version,
          logLevel: sharedLogger().level,
        },
        'server listening',
      );
    }
    return emit.call(this, event, ...args);
  };
}
