// The load generator. Runs in a SECOND process (forked by the runner), so the client's own work
// never shares an event loop with the measurements' bookkeeping; it talks to the server over
// loopback with keep-alive connections, each connection a closed loop (send, read the whole answer,
// send again), bounded by a duration and a request count. Latencies go into a histogram.
import http from 'node:http';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Histogram, type HistogramData } from './histogram';

export type RequestSpec = { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string };

/** One item a status-change client works on, with what it knows of it. */
export type StatusItem = { id: string; version: number; status: string };

export type Scenario =
  | { kind: 'fixed'; requests: RequestSpec[] }
  /** Each client (connection) changes the status of its own items in turn, carrying expectedVersion. */
  | { kind: 'statusChange'; headers: Record<string, string>; clients: StatusItem[][]; effectiveDate: string };

export type LoadJob = {
  baseUrl: string;
  connections: number;
  durationMs: number;
  maxRequests: number;
  /** Before measuring, each connection sends at least this many requests and goes on for warmupMs; none recorded. */
  warmupPerConnection: number;
  warmupMs: number;
  timeoutMs: number;
  scenario: Scenario;
};

export type LoadResult = {
  histogram: HistogramData;
  requests: number;
  errors: number;
  statusCodes: Record<string, number>;
  elapsedMs: number;
  firstError: string | null;
};

type Answer = { status: number; body: string };

function send(agent: http.Agent, baseUrl: string, spec: RequestSpec, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(spec.path, baseUrl), { method: spec.method, headers: spec.headers, agent, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(spec.body);
  });
}

/** The next request of a status-change client, and what to learn from its answer. */
function statusChangeStep(scenario: Extract<Scenario, { kind: 'statusChange' }>, client: number, turn: number) {
  const items = scenario.clients[client]!;
  const item = items[turn % items.length]!;
  // IN_PROGRESS and STALLED need no evidence and always differ from the status in force today.
  const status = item.status === 'IN_PROGRESS' ? 'STALLED' : 'IN_PROGRESS';
  const spec: RequestSpec = {
    method: 'POST',
    path: `/api/v1/recommendations/${encodeURIComponent(item.id)}/status`,
    headers: { ...scenario.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ status, effectiveDate: scenario.effectiveDate, expectedVersion: item.version }),
  };
  return { item, spec };
}

async function resync(agent: http.Agent, job: LoadJob, headers: Record<string, string>, item: StatusItem): Promise<void> {
  const answer = await send(agent, job.baseUrl, { method: 'GET', path: `/api/v1/recommendations/${encodeURIComponent(item.id)}`, headers }, job.timeoutMs);
  if (answer.status !== 200) return;
  const fresh = (JSON.parse(answer.body) as { recommendation?: { version?: number; status?: string } }).recommendation;
  if (typeof fresh?.version === 'number') item.version = fresh.version;
  if (typeof fresh?.status === 'string') item.status = fresh.status;
}

export async function runLoad(job: LoadJob): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections });
  const histogram = new Histogram();
  const statusCodes: Record<string, number> = {};
  let requests = 0;
  let errors = 0;
  let firstError: string | null = null;
  let issued = 0;
  const turns = new Array<number>(job.connections).fill(0);

  const once = async (connection: number, record: boolean): Promise<void> => {
    const scenario = job.scenario;
    const turn = turns[connection]!++;
    const step =
      scenario.kind === 'fixed'
        ? { spec: scenario.requests[(connection + turn * job.connections) % scenario.requests.length]!, item: null }
        : statusChangeStep(scenario, connection, turn);
    const started = performance.now();
    let ok = false;
    let problem: string | null = null;
    let status = 'network';
    try {
      const answer = await send(agent, job.baseUrl, step.spec, job.timeoutMs);
      status = String(answer.status);
      ok = answer.status >= 200 && answer.status < 300;
      if (ok && step.item) {
        const result = JSON.parse(answer.body) as { version: number; status: string };
        step.item.version = result.version;
        step.item.status = result.status;
      }
      if (!ok) problem = `${step.spec.method} ${step.spec.path} → ${answer.status} ${answer.body.slice(0, 300)}`;
    } catch (error) {
      problem = `${step.spec.method} ${step.spec.path} → ${(error as Error).message}`;
    }
    const elapsed = performance.now() - started;
    if (record) {
      requests += 1;
      // An answer's time is a latency, even an error's; a timeout or a dropped connection has none.
      if (status !== 'network') histogram.record(elapsed);
      statusCodes[status] = (statusCodes[status] ?? 0) + 1;
      if (!ok) {
        errors += 1;
        firstError ??= problem;
      }
    }
    // A refused status change leaves the client's idea of the item stale: read it again (untimed).
    if (!ok && step.item && scenario.kind === 'statusChange') await resync(agent, job, scenario.headers, step.item).catch(() => undefined);
  };

  // Each connection goes straight from warming up to measuring, with no pause: a socket left idle
  // while slower connections finish warming up would be closed by the server's keep-alive timeout.
  const measureFrom = performance.now() + job.warmupMs;
  const measureUntil = measureFrom + job.durationMs;
  await Promise.all(
    Array.from({ length: job.connections }, async (_, connection) => {
      let sent = 0;
      let recorded = 0;
      // Every connection records at least one request, however slow the target.
      for (let now = performance.now(); (now < measureUntil || recorded === 0) && issued < job.maxRequests; now = performance.now()) {
        const record = now >= measureFrom && sent >= job.warmupPerConnection;
        if (record) {
          issued += 1;
          recorded += 1;
        }
        await once(connection, record);
        sent += 1;
      }
    }),
  );
  const elapsedMs = performance.now() - measureFrom;
  agent.destroy();
  return { histogram: histogram.toJSON(), requests, errors, statusCodes, elapsedMs, firstError };
}

// --- the second process --------------------------------------------------------------------

type JobMessage = { type: 'run'; id: number; job: LoadJob };
type ResultMessage = { type: 'result'; id: number; result?: LoadResult; error?: string };

/** Starts the load process and returns a function that runs a job in it. */
export function startLoadProcess(): { run(job: LoadJob): Promise<LoadResult>; stop(): void; pid: number } {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--load-worker'], {
    execArgv: ['--import', 'tsx'],
    // Its output goes to stderr: with --json the runner's stdout must end with the JSON line.
    stdio: ['ignore', 2, 2, 'ipc'],
  });
  let next = 0;
  const waiting = new Map<number, { resolve: (result: LoadResult) => void; reject: (error: Error) => void }>();
  child.on('message', (message: ResultMessage) => {
    const entry = waiting.get(message.id);
    if (!entry) return;
    waiting.delete(message.id);
    if (message.result) entry.resolve(message.result);
    else entry.reject(new Error(message.error ?? 'load process failed'));
  });
  child.on('exit', (code) => {
    for (const entry of waiting.values()) entry.reject(new Error(`load process exited (${code})`));
    waiting.clear();
  });
  return {
    pid: child.pid!,
    run(job) {
      const id = (next += 1);
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        child.send({ type: 'run', id, job } satisfies JobMessage);
      });
    },
    stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
    },
  };
}

if (process.argv.includes('--load-worker') && process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // The runner going away (or finishing) ends this process too.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (message: JobMessage) => {
    if (message.type !== 'run') return;
    runLoad(message.job).then(
      (result) => process.send!({ type: 'result', id: message.id, result } satisfies ResultMessage),
      (error: Error) => process.send!({ type: 'result', id: message.id, error: error.stack ?? error.message } satisfies ResultMessage),
    );
  });
}
