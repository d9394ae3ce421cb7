import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb, uniqueId } from '@/lib/test/test-db';
import { seedUser, type SeededUser } from '@/lib/test/user-factory';
import { AUDIT_PAGE_SIZE, LABEL_ACTOR_PREFIX, listAuditFilterOptions, listAuditLog, parseAuditLogFilters, startOfDayInZone } from './list-audit-log';
import { readerActor } from '@/lib/test/refusal';

const db = testDb();
let alice: SeededUser;
let bob: SeededUser;
beforeAll(async () => {
  alice = await seedUser(db, { role: 'ADMIN' });
  bob = await seedUser(db, { role: 'EDITOR' });
});
afterAll(() => db.$disconnect());

type Row = { actor: SeededUser | null; action?: string; entityId?: string; at: string; before?: object; after?: object };

/** Audit rows under an entity type of this test's own, so nothing else in the database matches. */
async function seedRows(rows: Row[]) {
  const entityType = uniqueId('type');
  await db.auditLog.createMany({
    data: rows.map((row) => ({
      actorId: row.actor?.id ?? null,
      actorLabel: row.actor?.email ?? 'system',
      action: row.action ?? `${entityType}.update`,
      entityType,
      entityId: row.entityId ?? null,
      before: row.before ? JSON.stringify(row.before) : null,
      after: row.after ? JSON.stringify(row.after) : null,
      createdAt: new Date(row.at),
    })),
  });
  return entityType;
}

const filters = (query: Record<string, string>) => parseAuditLogFilters(query).filters;

describe('audit log: listing and filtering', () => {
  it('audit: newest first, with before/after pretty-printed', async () => {
    const entityType = await seedRows([
      { actor: alice, at: '2021-05-01T10:00:00Z', before: { name: 'A' }, after: { name: 'B' } },
      { actor: bob, at: '2021-05-02T10:00:00Z' },
    ]);
    const page = await listAuditLog(db, filters({ entityType }), readerActor('ADMIN'), 'UTC');
    expect(page.total).toBe(2);
    expect(page.entries.map((entry) => entry.actorLabel)).toEqual([bob.email, alice.email]);
    expect(page.entries[1]).toMatchObject({ before: '{\n  "name": "A"\n}', after: '{\n  "name": "B"\n}', entityType, actorId: alice.id });
    expect(page.entries[0]).toMatchObject({ before: null, after: null });
  });

  it('audit: filters by user, by actors without an account, by action and by entity id', async () => {
    const entityId = uniqueId('entity');
    const entityType = await seedRows([
      { actor: alice, action: 'x.create', entityId, at: '2021-05-01T10:00:00Z' },
      { actor: alice, action: 'x.update', at: '2021-05-02T10:00:00Z' },
      { actor: bob, action: 'x.update', entityId, at: '2021-05-03T10:00:00Z' },
      { actor: null, action: 'x.update', at: '2021-05-04T10:00:00Z' },
    ]);
    const count = async (query: Record<string, string>) => (await listAuditLog(db, filters({ entityType, ...query }), readerActor('ADMIN'), 'UTC')).total;
    expect(await count({ user: alice.id })).toBe(2);
    expect(await count({ user: bob.id })).toBe(1);
    expect(await count({ user: `${LABEL_ACTOR_PREFIX}system` })).toBe(1);
    expect(await count({ action: 'x.update' })).toBe(3);
    expect(await count({ entityId })).toBe(2);
    expect(await count({ user: alice.id, action: 'x.update' })).toBe(1);
  });

  it('audit: a date range includes both end days, in the configured time zone', async () => {
    const entityType = await seedRows([
      { actor: alice, at: '2021-03-01T23:59:59Z' },
      { actor: alice, at: '2021-03-02T00:00:00Z' },
      { actor: alice, at: '2021-03-03T23:59:59Z' },
      { actor: alice, at: '2021-03-04T00:00:00Z' },
    ]);
    const utc = await listAuditLog(db, filters({ entityType, from: '2021-03-02', to: '2021-03-03' }), readerActor('ADMIN'), 'UTC');
    expect(utc.entries.map((entry) => entry.createdAt.toISOString())).toEqual(['2021-03-03T23:59:59.000Z', '2021-03-02T00:00:00.000Z']);
    // In Karachi (UTC+5) 2 March starts at 19:00 UTC on 1 March and 3 March ends at 19:00 UTC on 3 March.
    const karachi = await listAuditLog(db, filters({ entityType, from: '2021-03-02', to: '2021-03-03' }), readerActor('ADMIN'), 'Asia/Karachi');
    expect(karachi.entries.map((entry) => entry.createdAt.toISOString())).toEqual(['2021-03-02T00:00:00.000Z', '2021-03-01T23:59:59.000Z']);
    expect((await listAuditLog(db, filters({ entityType, from: '2021-03-04' }), readerActor('ADMIN'), 'UTC')).total).toBe(1);
    expect((await listAuditLog(db, filters({ entityType, to: '2021-03-01' }), readerActor('ADMIN'), 'UTC')).total).toBe(1);
  });

  it('audit: pages of 50 that neither overlap nor skip, even when entries share a timestamp', async () => {
    const entityType = await seedRows(
      Array.from({ length: AUDIT_PAGE_SIZE + 5 }, (_, index) => ({ actor: alice, at: `2021-06-01T00:00:${String(index % 3).padStart(2, '0')}Z` })),
    );
    const first = await listAuditLog(db, filters({ entityType }), readerActor('ADMIN'), 'UTC');
    const second = await listAuditLog(db, filters({ entityType, page: '2' }), readerActor('ADMIN'), 'UTC');
    expect(first).toMatchObject({ total: 55, page: 1, pageCount: 2 });
    expect(first.entries).toHaveLength(50);
    expect(second.entries).toHaveLength(5);
    const ids = [...first.entries, ...second.entries].map((entry) => entry.id);
    expect(new Set(ids).size).toBe(55);
    const times = [...first.entries, ...second.entries].map((entry) => entry.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect((await listAuditLog(db, filters({ entityType, page: '3' }), readerActor('ADMIN'), 'UTC')).entries).toEqual([]);
  });

  it('audit: the filter choices list every actor, entity type and action in the log', async () => {
    const action = `${uniqueId('act')}.thing`;
    const entityType = await seedRows([{ actor: bob, action, at: '2021-07-01T00:00:00Z' }]);
    const options = await listAuditFilterOptions(db, readerActor('ADMIN'));
    expect(options.actions).toContain(action);
    expect(options.entityTypes).toContain(entityType);
    expect(options.actors).toContainEqual({ value: bob.id, label: bob.email });
  });

  it('audit: actors are offered once each: people under their current email, others under their label', async () => {
    const carol = await seedUser(db, { role: 'EDITOR' });
    const label = uniqueId('cli-import');
    const entityType = uniqueId('type');
    await db.auditLog.createMany({
      data: [
        { actorId: carol.id, actorLabel: 'old-address@example.org', action: 'x.update', entityType, createdAt: new Date('2021-01-01T00:00:00Z') },
        { actorId: carol.id, actorLabel: carol.email, action: 'x.update', entityType, createdAt: new Date('2021-02-01T00:00:00Z') },
        { actorId: null, actorLabel: label, action: 'x.update', entityType, createdAt: new Date('2021-03-01T00:00:00Z') },
        { actorId: null, actorLabel: label, action: 'x.update', entityType, createdAt: new Date('2021-04-01T00:00:00Z') },
      ],
    });
    const renamed = `renamed-${carol.email}`;
    await db.user.update({ where: { id: carol.id }, data: { email: renamed } });
    const { actors } = await listAuditFilterOptions(db, readerActor('ADMIN'));
    expect(actors.filter((actor) => actor.value === carol.id)).toEqual([{ value: carol.id, label: renamed }]);
    expect(actors.filter((actor) => actor.value === `${LABEL_ACTOR_PREFIX}${label}`)).toEqual([
      { value: `${LABEL_ACTOR_PREFIX}${label}`, label: `${label} (no account)` },
    ]);
    expect(actors.map((actor) => actor.label)).toEqual([...actors.map((actor) => actor.label)].sort((a, b) => a.localeCompare(b)));
    // Somebody who never changed anything is not offered.
    const idle = await seedUser(db, { role: 'VIEWER' });
    expect((await listAuditFilterOptions(db, readerActor('ADMIN'))).actors.some((actor) => actor.value === idle.id)).toBe(false);
  });

  it('audit: bad filters are reported and left out, the others still apply', () => {
    const { filters: parsed, errors } = parseAuditLogFilters({ from: '2021-13-01', to: '2021-03-01', action: 'x.update', page: 'abc' });
    expect(errors).toEqual({ from: ['Enter a date as YYYY-MM-DD.'] });
    expect(parsed.from).toBeUndefined();
    expect(parsed).toMatchObject({ action: 'x.update', page: 1 });
    expect(parsed.to?.toISOString()).toBe('2021-03-01T00:00:00.000Z');
    const reversed = parseAuditLogFilters({ from: '2021-03-05', to: '2021-03-01' });
    expect(reversed.errors).toEqual({ to: ['The end date is before the start date.'] });
    expect(reversed.filters.from?.toISOString()).toBe('2021-03-05T00:00:00.000Z');
  });

  it('audit: the start of a day in a zone, across a daylight-saving change', () => {
    const day = (text: string) => new Date(`${text}T00:00:00Z`);
    expect(startOfDayInZone(day('2021-03-02'), 'UTC').toISOString()).toBe('2021-03-02T00:00:00.000Z');
    expect(startOfDayInZone(day('2021-03-02'), 'Asia/Karachi').toISOString()).toBe('2021-03-01T19:00:00.000Z');
    expect(startOfDayInZone(day('2021-06-01'), 'Europe/London').toISOString()).toBe('2021-05-31T23:00:00.000Z');
    expect(startOfDayInZone(day('2021-03-28'), 'Europe/London').toISOString()).toBe('2021-03-28T00:00:00.000Z');
    expect(startOfDayInZone(day('2021-03-14'), 'America/New_York').toISOString()).toBe('2021-03-14T05:00:00.000Z');
  });
});
