// The request being served, as the server preload (scripts/lib/request-log.mjs) recorded it: its id,
// and the user the app found for it, which the preload adds to the request's log line.
import { requestStore } from './logger-core.mjs';

export type RequestContext = { id: string; userId?: string };

/** The request this code runs for, or undefined outside one (the command line, tests, a server started without the preload). */
export function currentRequest(): RequestContext | undefined {
  return requestStore().getStore();
}

/** " (request id …)" for a message that asks the reader to report a failure; empty outside a request. */
export function requestIdNote(): string {
  const id = currentRequest()?.id;
  return id ? ` (request id ${id})` : '';
}

/** Records who is making the current request (a session or an API token), for its log line. */
export function noteRequestUser(userId: string): void {
  const request = requestStore().getStore();
  if (request) request.userId = userId;
}
