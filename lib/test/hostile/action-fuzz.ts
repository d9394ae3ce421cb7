// The fuzz suite of the server actions, called in-process with FormData as React sends it. Used by
// lib/auth/hostile-actions.db.test.ts (in npm test) and scripts/reliability/fuzz.reliability.test.ts
// (the long run). The calling test file mocks '@/lib/db', 'next-auth', '@/lib/auth/session' (the
// user in ./current-user.ts), 'next/headers' and 'next/cache' (no request outside Next).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '@/lib/test/test-db';
import { tableChecksums } from '@/lib/test/table-checksums';
import { acceptedInput, refusedInput, toFormData } from './mutations';
import { ACTION_TARGETS, type ActionTarget } from './action-targets';
import { signedIn } from './current-user';
import { checkProperty, described, timeBudget, expectActionRefusal, shortText, UNCHANGED_BUT, type FormState } from './expect-refusal';
import { createWorld, type World } from './world';

type ActionFn = (state: FormState, form: FormData) => Promise<FormState>;

async function load(target: ActionTarget): Promise<ActionFn> {
  const actions = (await import(/* @vite-ignore */ path.join(process.cwd(), target.file))) as Record<string, ActionFn>;
  return actions[target.action]!;
}

function signIn(target: ActionTarget, world: World) {
  const who = target.as === 'anonymous' ? null : world[target.as];
  signedIn.user = who ? { id: who.id, email: who.email, name: 'Fuzz user', role: who.role } : null;
}

/** Whether a module's first statement is 'use server' (as lib/auth/authorization-matrix.test.ts finds them). */
function isServerActionModule(source: string): boolean {
  return /^(?:\s|\/\/[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*(['"])use server\1/.test(source);
}

export type ActionFuzzOptions = { runs: number; acceptedRuns: number; timeout: number; seconds?: number };

export function describeActionFuzz({ runs, acceptedRuns, timeout, seconds }: ActionFuzzOptions) {
  const db = testDb();
  let world: World;
  beforeAll(async () => {
    world = await createWorld(db);
  });
  afterAll(() => db.$disconnect());

  it('every exported server action is fuzzed', async () => {
    const exported: string[] = [];
    for (const dir of ['app', 'lib', 'components']) {
      const files = (readdirSync(path.join(process.cwd(), dir), { recursive: true }) as string[]).filter(
        (file) => /\.tsx?$/.test(file) && !file.includes('node_modules'),
      );
      for (const file of files) {
        const full = path.join(process.cwd(), dir, file);
        if (!isServerActionModule(readFileSync(full, 'utf8'))) continue;
        const exports = (await import(/* @vite-ignore */ full)) as Record<string, unknown>;
        for (const [name, value] of Object.entries(exports)) if (typeof value === 'function') exported.push(`${path.join(dir, file)}#${name}`);
      }
    }
    expect(exported.sort()).toEqual(ACTION_TARGETS.map((t) => `${t.file}#${t.action}`).sort());
  }, 60_000);

  for (const target of ACTION_TARGETS) {
    const name = `${target.action} (${target.file})`;
    describe(name, () => {
      it(
        `fuzz: ${target.action} refuses hostile form input with a form error, never a crash, and the database is unchanged`,
        async () => {
          const action = await load(target);
          const before = await tableChecksums(db, UNCHANGED_BUT);
          const budget = timeBudget(seconds);
          await checkProperty(
            `${target.action} refused`,
            fc.asyncProperty(
              fc
                .constant(null)
                .chain(() =>
                  refusedInput(target.base(world), target.fields, 'form').map((c) =>
                    described(c, `${c.mutation.field}: ${c.mutation.how} ${shortText(c.mutation.value)}`),
                  ),
                ),
              budget.track(async ({ input, mutation }) => {
                signIn(target, world);
                const audits = await db.auditLog.count();
                const label = `${mutation.field}: ${mutation.how} ${shortText(mutation.value)}`;
                expectActionRefusal(await action({}, toFormData(input)), label);
                expect(await db.auditLog.count(), `${label}: wrote an audit row`).toBe(audits);
              }),
            ),
            { numRuns: runs },
            budget,
          );
          expect(await tableChecksums(db, UNCHANGED_BUT)).toEqual(before);
        },
        timeout,
      );

      const accepts = target.accepts;
      if (accepts) {
        it(
          `fuzz: ${target.action} accepts HTML, SQL, scripts, right-to-left and control characters as text and stores them as typed`,
          async () => {
            const action = await load(target);
            const budget = timeBudget(seconds);
            await checkProperty(
              `${target.action} accepted`,
              fc.asyncProperty(
                fc.constant(null).chain(() => acceptedInput(target.base(world), target.fields, accepts.texts, 'form')),
                budget.track(async (input) => {
                  signIn(target, world);
                  const state = await action({}, toFormData(input));
                  const label = accepts.texts.map((field) => `${field}=${shortText(input[field])}`).join(' ');
                  if (!state.ok) throw new Error(`${label}: expected success, got ${JSON.stringify(state).slice(0, 300)}`);
                  const stored = await accepts.stored(db, world);
                  for (const field of accepts.texts) expect(stored[field], `${field} stored as typed`).toBe((input[field] as string).trim());
                }),
              ),
              { numRuns: acceptedRuns },
              budget,
            );
          },
          timeout,
        );
      }
    });
  }
}
