// Loaded into the app server by npm start (`--import`, scripts/start.ts). Next gives pages, actions
// and route handlers no way to read the connection's own address: it copies it into
// X-Forwarded-For only when the request has none, so a client that sends one hides it. This
// records the connection's address in a header of our own, before Next sees the request, and
// overwrites whatever a client sent under that name. lib/auth/client-address.ts reads it.
import http from 'node:http';
import https from 'node:https';

export const PEER_ADDRESS_HEADER = 'x-tracker-peer-address';

for (const Server of [http.Server, https.Server]) {
  const emit = Server.prototype.emit;
  Server.prototype.emit = function emitWithPeerAddress(event, ...args) {
    if (event === 'request' && args[0]?.headers) args[0].headers[PEER_ADDRESS_HEADER] = args[0].socket?.remoteAddress ?? '';
    return emit.call(this, event, ...args);
  };
}
