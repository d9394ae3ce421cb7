// Connections to a known server process, for the tests that change data through one process and
// read it through another (the cluster's workers, or two app servers on one PostgreSQL database).
import http from 'node:http';
import { toDateOnly } from '@/lib/dates';
import { httpRequest, pidServing, type Answer, type AppServer } from './app-servers';

export type Pinned = {
  /** The server process that serves this connection. */
  pid: number;
  agent: http.Agent;
  get(path: string, headers?: Record<string, string>): Promise<Answer>;
  post(path: string, headers: Record<string, string>, body: unknown): Promise<Answer>;
  /** Every process that has answered on this connection so far (one, while the connection holds). */
  pids(): number[];
};

/** One keep-alive connection to `server`, which its requests share while it stays open. */
export async function pinnedConnection(server: AppServer): Promise<Pinned> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1, keepAliveMsecs: 60_000 });
  const seen = new Set<number>();
  const note = (answer: Answer) => {
    const pid = pidServing(server.port, answer.clientPort, server.workerPids());
    seen.add(pid ?? -1);
    return answer;
  };
  const first = note(await httpRequest(server.baseUrl, { path: '/api/health', agent }));
  if (first.status !== 200) throw new Error(`/api/health answered ${first.status}`);
  return {
    pid: [...seen][0]!,
    agent,
    get: async (path, headers = {}) => note(await httpRequest(server.baseUrl, { path, headers, agent })),
    post: async (path, headers, body) =>
      note(await httpRequest(server.baseUrl, { method: 'POST', path, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body), agent })),
    pids: () => [...seen],
  };
}

/** One connection to each of `count` different server processes of `server`, by pid. */
export async function pinnedConnections(server: AppServer, count: number): Promise<Record<number, Pinned>> {
  const byPid: Record<number, Pinned> = {};
  for (let attempt = 0; attempt < 40 && Object.keys(byPid).length < count; attempt += 1) {
    const connection = await pinnedConnection(server);
    if (connection.pid > 0 && !byPid[connection.pid]) byPid[connection.pid] = connection;
    else connection.agent.destroy();
  }
  if (Object.keys(byPid).length < count) throw new Error(`Reached ${Object.keys(byPid).length} of ${count} server processes in 40 connections`);
  return byPid;
}

/** A status change that needs no evidence and always changes the weighted progress (IN_PROGRESS 0.25, STALLED 0). */
export function statusChangeBody(item: { status: string; version: number }) {
  return { status: item.status === 'IN_PROGRESS' ? 'STALLED' : 'IN_PROGRESS', effectiveDate: toDateOnly(new Date()), expectedVersion: item.version };
}

/**
 * What the dashboard page says, as text: the markup, scripts and the per-request nonce left out, so
 * two answers compare equal when they show the same figures. The whole document: the figures are
 * streamed after the layout, outside <main>, and moved into it by the browser.
 */
export function dashboardFigures(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
