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

/**
 * A keep-alive connection to one server process of `server`. A keep-alive connection can be closed by
 * the server (idle for 5 s) just as the next request goes out on it; a GET that meets that is sent
 * again, on a new connection to the same process (connections that reach another are dropped). A POST is
 * never sent twice: one that reaches another process is recorded in `pids()`.
 */
export async function pinnedConnection(server: AppServer): Promise<Pinned> {
  const newAgent = () => new http.Agent({ keepAlive: true, maxSockets: 1 });
  let agent = newAgent();
  const seen = new Set<number>();
  const first = await httpRequest(server.baseUrl, { path: '/api/health', agent });
  if (first.status !== 200) throw new Error(`/api/health answered ${first.status}`);
  const pid = pidServing(server.port, first.clientPort, server.workerPids()) ?? -1;
  seen.add(pid);

  const send = async (options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Answer> => {
    const get = (options.method ?? 'GET') === 'GET';
    for (let attempt = 0; ; attempt += 1) {
      let answer: Answer;
      try {
        answer = await httpRequest(server.baseUrl, { ...options, agent });
      } catch (error) {
        if (!get || attempt >= 20 || !/ECONNRESET|socket hang up/.test((error as Error).message)) throw error;
        continue;
      }
      const servedBy = pidServing(server.port, answer.clientPort, server.workerPids()) ?? -1;
      if (servedBy === pid || !get || attempt >= 20) {
        seen.add(servedBy);
        return answer;
      }
      agent.destroy();
      agent = newAgent();
    }
  };
  return {
    pid,
    get agent() {
      return agent;
    },
    get: (path, headers = {}) => send({ path, headers }),
    // A GET first: it finds out (and mends) a connection the server has closed meanwhile, so the POST
    // goes out at once on a live connection to the right process.
    post: async (path, headers, body) => {
      await send({ path: '/api/health' });
      return send({ method: 'POST', path, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    },
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
