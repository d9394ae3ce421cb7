// What a refusal must look like, for a route (a 4xx with { error: { code, message, fields? } }) and
// for a server action (form state with a code and a message, never the "internal_error" of a crash).
import fc from 'fast-check';

/** The checksums leave out what a refused request may rightly move: a token's last use, the rate limiter's counters. */
export const UNCHANGED_BUT = { ignoreTables: ['RateLimiterFlexible'], ignoreColumns: ['ApiToken.lastUsedAt'] };

/** Gives a generated case a short description, so a failure report does not print a 1 MB string. */
export function described<T extends object>(value: T, description: string): T {
  return Object.assign(value, { [fc.toStringMethod]: () => description });
}

export function shortText(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${JSON.stringify(text.slice(0, 60))}… (${text.length} chars)` : JSON.stringify(text);
}

export type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string[]> } };

/** Throws, naming the case, unless `response` is a 4xx carrying the API's JSON error shape. */
export async function expectApiRefusal(response: Response, label: string): Promise<ErrorBody> {
  const text = await response.text();
  if (response.status < 400 || response.status >= 500) throw new Error(`${label}: expected a 4xx, got ${response.status} ${text.slice(0, 300)}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${label}: the ${response.status} answer is not JSON: ${text.slice(0, 200)}`);
  }
  if (!isErrorBody(body)) throw new Error(`${label}: the ${response.status} answer is not { error: { code, message, fields? } }: ${text.slice(0, 300)}`);
  return body;
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null || Object.keys(body).join() !== 'error') return false;
  const error = (body as ErrorBody).error;
  if (typeof error !== 'object' || error === null) return false;
  if (typeof error.code !== 'string' || error.code === '' || typeof error.message !== 'string' || error.message === '') return false;
  if (error.fields === undefined) return true;
  return (
    typeof error.fields === 'object' &&
    error.fields !== null &&
    Object.values(error.fields).every((messages) => Array.isArray(messages) && messages.every((m) => typeof m === 'string'))
  );
}

export type FormState = { ok?: boolean; code?: string; message?: string; errors?: Record<string, string[]> };

/** Throws, naming the case, unless `state` is a refusal in the form-state shape (not a crash). */
export function expectActionRefusal(state: FormState, label: string): void {
  const summary = JSON.stringify({ ok: state.ok, code: state.code, message: state.message, errors: state.errors }).slice(0, 400);
  if (state.ok) throw new Error(`${label}: expected a refusal, the action succeeded: ${summary}`);
  if (typeof state.code !== 'string' || state.code === '' || state.code === 'internal_error')
    throw new Error(`${label}: expected a refusal code, got ${summary}`);
  if (typeof state.message !== 'string' || state.message === '') throw new Error(`${label}: a refusal needs a message: ${summary}`);
  if (state.errors !== undefined && !Object.values(state.errors).every((messages) => Array.isArray(messages) && messages.every((m) => typeof m === 'string'))) {
    throw new Error(`${label}: field errors must be lists of messages: ${summary}`);
  }
}

/**
 * A time budget for a property (the long run): fast-check stops starting cases after `seconds`, and
 * the cases still in flight (which it stops waiting for) are waited for here, so that none of their
 * writes lands while the next property checks that nothing changed.
 */
export type Budget = { seconds?: number; ran: number; inFlight: Set<Promise<unknown>>; track: <A>(run: (a: A) => Promise<void>) => (a: A) => Promise<void> };

export function timeBudget(seconds: number | undefined): Budget {
  const budget: Budget = {
    seconds,
    ran: 0,
    inFlight: new Set(),
    track: (run) => (a) => {
      budget.ran += 1;
      const running = run(a);
      budget.inFlight.add(running);
      void running.then(
        () => budget.inFlight.delete(running),
        () => budget.inFlight.delete(running),
      );
      return running;
    },
  };
  return budget;
}

/**
 * Seconds that earlier properties of this run left unused, having reached their number of cases
 * first. A slower property (a list, a report, an upload) may spend up to four times its own budget
 * more from them, so it gets thousands of cases too, while the whole run stays within its properties'
 * budgets added up.
 */
let unusedSeconds = 0;
const MAX_BORROWED_SHARES = 4;

/**
 * Runs a property like fc.assert, within the budget's time when it has one; with FUZZ_REPORT set,
 * prints how many cases ran, so the long run shows what it covered.
 */
export async function checkProperty<T>(label: string, property: fc.IAsyncProperty<T>, params: fc.Parameters<T>, budget: Budget): Promise<void> {
  const started = performance.now();
  const seconds = budget.seconds ? budget.seconds + Math.min(unusedSeconds, budget.seconds * MAX_BORROWED_SHARES) : 0;
  const limit = seconds ? { interruptAfterTimeLimit: seconds * 1000, markInterruptAsFailure: false } : {};
  const details = await fc.check(property, { ...params, ...limit });
  await Promise.allSettled([...budget.inFlight]);
  if (budget.seconds) unusedSeconds = Math.max(0, unusedSeconds + budget.seconds - (performance.now() - started) / 1000);
  // A time limit reached before the first case ended is not a failure of the property.
  const failed = details.failed && !(details.interrupted && details.counterexample === null);
  if (failed) throw new Error(fc.defaultReportMessage(details) ?? `${label}: the property failed`, { cause: details.errorInstance });
  if (process.env.FUZZ_REPORT) console.log(`${label}: ${budget.ran} cases in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
