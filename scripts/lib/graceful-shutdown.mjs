// Loaded into each production server process by npm start (`--import`, scripts/lib/server-cluster.ts),
// which also sets NEXT_MANUAL_SIG_HANDLE so that `next start` leaves SIGTERM and SIGINT to this file.
// Next's own handler calls `server.close()` at once, which in Node 20 also destroys every keep-alive
// connection that has no request in progress, including one whose next request is already on its way
// (the client sees a reset for a request it sent before the signal); connections already accepted but
// not yet handed to the server (in the cluster primary's queue, or the kernel's backlog while the
// server is busy) are reset too; and it has no deadline.
//
// On SIGTERM or SIGINT this:
// 1. keeps accepting until no new connection has come for QUIET_MS (so the connections queued before
//    the signal are taken and served), for at most ACCEPT_FOR_MS, then stops accepting (in a cluster
//    worker, the primary then hands it no more); every response from the signal on says
//    `Connection: close`;
// 2. lets every request in progress finish;
// 3. closes a keep-alive connection once it has been idle for IDLE_LINGER_MS after that (a request the
//    client sent just before is served, with `Connection: close`);
// 4. disconnects the database clients lib/db.ts registered, then exits with code 0;
// 5. exits with code 1 if all that has not happened within TRACKER_SHUTDOWN_GRACE_MS (9 s by
//    default, inside the 10 s the cluster's primary allows before it kills a worker).
import http from 'node:http';
import net from 'node:net';

const GRACE_MS = Number(process.env.TRACKER_SHUTDOWN_GRACE_MS) > 0 ? Number(process.env.TRACKER_SHUTDOWN_GRACE_MS) : 9_000;
const QUIET_MS = 250;
const ACCEPT_FOR_MS = 3_000;
const IDLE_LINGER_MS = 1_000;
const CHECK_EVERY_MS = 50;
/** lib/db.ts adds each database client here. */
const SHUTDOWN_CLIENTS = Symbol.for('recommendation-tracker.shutdown-clients');

/** @type {Set<net.Server>} */
const servers = new Set();
/** Open connections: how many requests each has in progress and since when it has been idle. */
/** @type {Map<net.Socket, { active: number; idleSince: number }>} */
const connections = new Map();
/** @type {Set<http.ServerResponse>} */
const responses = new Set();
let shuttingDown = false;
let lastConnectionAt = 0;

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitTrackingRequests(event, ...args) {
  if (event === 'listening') servers.add(this);
  else if (event === 'connection') track(args[0]);
  else if (event === 'request') started(args[0], args[1]);
  return emit.call(this, event, ...args);
};

/** @param {net.Socket} socket */
function track(socket) {
  if (!socket || connections.has(socket)) return;
  lastConnectionAt = Date.now();
  connections.set(socket, { active: 0, idleSince: Date.now() });
  socket.once('close', () => connections.delete(socket));
}

/** @param {http.IncomingMessage} request @param {http.ServerResponse} response */
function started(request, response) {
  const socket = request.socket;
  track(socket);
  const connection = connections.get(socket);
  if (connection) connection.active += 1;
  responses.add(response);
  if (shuttingDown) response.shouldKeepAlive = false;
  response.once('close', () => {
    responses.delete(response);
    if (connection) {
      connection.active -= 1;
      connection.idleSince = Date.now();
    }
  });
}

async function closeDatabases() {
  const clients = /** @type {Set<{ $disconnect(): Promise<void> }> | undefined} */ (globalThis[SHUTDOWN_CLIENTS]);
  await Promise.all(
    [...(clients ?? [])].map((client) => client.$disconnect().catch((error) => console.error('graceful shutdown: closing the database failed', error))),
  );
}

/** @param {NodeJS.Signals} signal */
function shutDown(signal) {
  if (shuttingDown) return;
  shuttingDown = true;
  const since = Date.now();
  console.log(`${signal}: finishing ${responses.size} request(s) in progress, then exiting (pid ${process.pid}).`);
  setTimeout(() => {
    console.error(`graceful shutdown: ${responses.size} request(s) still in progress after ${GRACE_MS / 1000} s; exiting without them.`);
    process.exit(1);
  }, GRACE_MS).unref();

  for (const response of responses) if (!response.headersSent) response.shouldKeepAlive = false;

  // Quiet means several checks in a row with no new connection between them: after the event loop
  // has been busy, the timer may run before the connections that arrived meanwhile are taken.
  let quietChecks = 0;
  let previousCheck = since;
  let closedAt = 0;
  const check = setInterval(() => {
    const now = Date.now();
    if (!closedAt) {
      quietChecks = lastConnectionAt >= previousCheck ? 0 : quietChecks + 1;
      previousCheck = now;
      if (quietChecks * CHECK_EVERY_MS < QUIET_MS && now - since < ACCEPT_FOR_MS) return;
      // net.Server's close, not http.Server's: stop accepting, but leave the idle connections to step 3.
      for (const server of servers) net.Server.prototype.close.call(server);
      closedAt = now;
    }
    for (const [socket, connection] of connections) {
      if (connection.active === 0 && now - Math.max(connection.idleSince, closedAt) >= IDLE_LINGER_MS) socket.destroy();
    }
    if (responses.size > 0 || connections.size > 0) return;
    clearInterval(check);
    void closeDatabases().then(() => process.exit(0));
  }, CHECK_EVERY_MS);
}

// Only where `next start` has been told to leave the signals to us; elsewhere (next build, next dev)
// this file changes nothing.
if (process.env.NEXT_MANUAL_SIG_HANDLE) {
  process.on('SIGTERM', () => shutDown('SIGTERM'));
  process.on('SIGINT', () => shutDown('SIGINT'));
}
