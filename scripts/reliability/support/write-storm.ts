// Concurrent API clients for the crash and load tests. Each client owns a few recommendations (so
// clients never race each other for a version: a 409 would mean a bug, not bad luck), keeps their
// version and status as the server acknowledged them, and records every acknowledged write with
// content that identifies it (a unique note or body, and the ids and versions the response gave).
import type { Db } from '@/lib/db';
import { seedRecommendations } from '@/lib/test/recommendation-factory';
import { Random } from '../../bench/random';
import { postAction } from './bulk-action';

export type OwnedItem = { id: string; version: number; status: string; priority: string };

/** A write the server acknowledged with a 2xx, and what it must have left behind. */
export type Ack =
  | { kind: 'status'; recommendationId: string; version: number; status: string; note: string; evidenceBody: string | null }
  | { kind: 'evidence'; recommendationId: string; evidenceId: string; body: string }
  | { kind: 'update'; recommendationId: string; version: number; priority: string }
  | { kind: 'bulk'; items: { id: string; version: number }[]; status: string; note: string };

export type StormMix = { read: number; status: number; evidence: number; update: number; bulk: number };

export type StormOptions = {
  baseUrl: string;
  bearer: string;
  cookie: string;
  bulkAction: { id: string; pagePath: string };
  clients: number;
  /** Items each client owns (bulk edits take two or three of them at once). */
  items: OwnedItem[][];
  mix: StormMix;
  /** A pause after each request, drawn from [min, max] ms: people and scripts, not a flood. */
  thinkMs: [number, number];
  /** Distinguishes this run's notes and bodies from everything else in the database. */
  tag: string;
  /** Aborted: each client stops once its request in flight is answered (or fails). */
  signal: AbortSignal;
  /** Per-request limit: a request slower than this counts as a failure. */
  requestTimeoutMs?: number;
};

export type StormResult = {
  acks: Ack[];
  requests: number;
  /** Answers by HTTP status ("read 200", "status 200", "bulk 200", ...). */
  answers: Record<string, number>;
  /** Answers that are neither a 2xx nor expected: kept with their body for the failure message. */
  unexpected: { what: string; status: number; body: string }[];
  /** Requests that got no answer at all (the server was killed, or the request timed out). */
  noAnswer: { what: string; error: string }[];
  seconds: number;
};

const STORM_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'STALLED'] as const;
const PRIORITIES = ['LOW', 'MEDIUM', 'HIGH'] as const;

function todayText(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * A request's own signal, aborted after `ms` (a controller and a timer of its own rather than
 * AbortSignal.timeout, whose signal Node 20 may collect while a request still depends on it). The
 * storm's stop does not abort requests in flight: each is answered and counted, so the database
 * holds exactly the acknowledged writes (the load test), or the server dies under it (the crash test).
 */
function requestSignal(ms: number): { signal: AbortSignal; done: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`no answer within ${ms / 1000} s`, 'TimeoutError')), ms);
  return { signal: controller.signal, done: () => clearTimeout(timer) };
}

/** Starts the clients; `result` fills in as they go, `finished` resolves once every client has stopped. */
export function startWriteStorm(options: StormOptions): { result: StormResult; finished: Promise<StormResult> } {
  const result: StormResult = { acks: [], requests: 0, answers: {}, unexpected: [], noAnswer: [], seconds: 0 };
  const started = Date.now();
  const count = (what: string, status: number) => {
    const key = `${what} ${status}`;
    result.answers[key] = (result.answers[key] ?? 0) + 1;
  };
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  const mixTotal = Object.values(options.mix).reduce((sum, weight) => sum + weight, 0);

  async function client(index: number) {
    const random = new Random(`${options.tag}-${index}`);
    const items = options.items[index]!;
    let sequence = 0;
    const request = async (what: string, path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown; text: string } | null> => {
      result.requests += 1;
      const { signal, done } = requestSignal(timeoutMs);
      try {
        const response = await fetch(`${options.baseUrl}${path}`, {
          ...init,
          headers: { Authorization: options.bearer, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
          signal,
        });
        const text = await response.text();
        count(what, response.status);
        let body: unknown = null;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON: the check below reports it
        }
        return { status: response.status, body, text };
      } catch (error) {
        result.noAnswer.push({ what, error: String((error as Error).cause ?? error) });
        return null;
      } finally {
        done();
      }
    };
    const expectStatus = (what: string, answer: { status: number; text: string }, ok: number) => {
      if (answer.status === ok) return true;
      result.unexpected.push({ what, status: answer.status, body: answer.text.slice(0, 500) });
      return false;
    };

    while (!options.signal.aborted) {
      const note = `${options.tag}-c${index}-${(sequence += 1)}`;
      const item = random.pick(items);
      let roll = random.next() * mixTotal;
      const choose = (weight: number) => (roll -= weight) < 0;
      if (choose(options.mix.read)) {
        const path = random.pick([
          `/api/v1/recommendations/${item.id}`,
          `/api/v1/recommendations?status=${random.pick(STORM_STATUSES)}`,
          `/api/v1/recommendations?q=${encodeURIComponent(random.pick(['education', 'policy', 'reform', 'health']))}`,
          '/api/v1/progress?by=theme',
          '/api/v1/themes',
        ]);
        const answer = await request('read', path);
        if (!answer) break;
        expectStatus(`read ${path}`, answer, 200);
      } else if (choose(options.mix.status)) {
        // Now and then a change that needs evidence, bringing it along.
        const implement = item.status !== 'IMPLEMENTED' && random.chance(0.25);
        const status = implement ? 'IMPLEMENTED' : random.pick(STORM_STATUSES.filter((candidate) => candidate !== item.status));
        const evidenceBody = implement ? `${note} evidence` : null;
        const answer = await request('status', `/api/v1/recommendations/${item.id}/status`, {
          method: 'POST',
          body: JSON.stringify({
            status,
            effectiveDate: todayText(),
            note,
            expectedVersion: item.version,
            ...(evidenceBody ? { evidence: { body: evidenceBody } } : {}),
          }),
        });
        if (answer && expectStatus('status', answer, 200)) {
          const version = (answer.body as { version: number }).version;
          item.version = version;
          item.status = status;
          result.acks.push({ kind: 'status', recommendationId: item.id, version, status, note, evidenceBody });
        }
        if (!answer) break; // its outcome is unknown, and so is the item's version from here on
      } else if (choose(options.mix.evidence)) {
        const answer = await request('evidence', `/api/v1/recommendations/${item.id}/evidence`, {
          method: 'POST',
          body: JSON.stringify({ body: note, evidenceDate: todayText(), sourceTitle: `Source ${note}` }),
        });
        if (answer && expectStatus('evidence', answer, 201)) {
          const evidence = (answer.body as { evidence: { id: string; body: string } }).evidence;
          result.acks.push({ kind: 'evidence', recommendationId: item.id, evidenceId: evidence.id, body: evidence.body });
        }
        if (!answer) break;
      } else if (choose(options.mix.update)) {
        const priority = random.pick(PRIORITIES.filter((candidate) => candidate !== item.priority));
        const answer = await request('update', `/api/v1/recommendations/${item.id}`, {
          method: 'PATCH',
          body: JSON.stringify({ expectedVersion: item.version, priority }),
        });
        if (answer && expectStatus('update', answer, 200)) {
          const version = (answer.body as { recommendation: { version: number } }).recommendation.version;
          item.version = version;
          item.priority = priority;
          result.acks.push({ kind: 'update', recommendationId: item.id, version, priority });
        }
        if (!answer) break;
      } else {
        const chosen = random.sample(items, random.int(2, 3));
        const status = random.pick(STORM_STATUSES.filter((candidate) => chosen.every((entry) => entry.status !== candidate)));
        if (!status) continue; // the chosen items cover every storm status between them: draw again
        result.requests += 1;
        const { signal, done } = requestSignal(timeoutMs);
        let answer;
        try {
          answer = await postAction(
            options.baseUrl,
            options.bulkAction,
            options.cookie,
            [
              ['scope', 'selected'],
              ...chosen.map((entry): [string, string] => ['items', `${entry.id}:${entry.version}`]),
              ['operation', 'status'],
              ['status', status],
              ['effectiveDate', todayText()],
              ['note', note],
            ],
            signal,
          );
        } catch (error) {
          result.noAnswer.push({ what: 'bulk', error: String((error as Error).cause ?? error) });
          break;
        } finally {
          done();
        }
        count('bulk', answer.status);
        if (answer.status === 200 && answer.ok) {
          for (const entry of chosen) {
            entry.version += 1;
            entry.status = status;
          }
          result.acks.push({ kind: 'bulk', items: chosen.map((entry) => ({ id: entry.id, version: entry.version })), status, note });
        } else {
          result.unexpected.push({ what: `bulk (action answer ${answer.code ?? 'none'})`, status: answer.status, body: answer.text.slice(0, 500) });
        }
      }
      const [min, max] = options.thinkMs;
      if (max > 0) await new Promise((resolve) => setTimeout(resolve, random.int(min, max)));
    }
  }

  const finished = Promise.all(Array.from({ length: options.clients }, (_, index) => client(index))).then(() => {
    result.seconds = (Date.now() - started) / 1000;
    return result;
  });
  return { result, finished };
}

/**
 * `perClient` recommendations for each of `clients`, disjoint: a seminar of its own (from the
 * factory the database tests use), with the version, status and priority they start with.
 */
export async function claimItems(db: Db, clients: number, perClient: number): Promise<OwnedItem[][]> {
  const seeded = await seedRecommendations(db, { count: clients * perClient });
  const rows = await db.recommendation.findMany({
    where: { id: { in: seeded.map((item) => item.id) } },
    select: { id: true, version: true, status: true, priority: true },
    orderBy: { position: 'asc' },
  });
  return Array.from({ length: clients }, (_, index) => rows.slice(index * perClient, (index + 1) * perClient).map((row) => ({ ...row })));
}
