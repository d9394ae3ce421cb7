import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb, uniqueId } from '@/lib/test/test-db';
import { seedUser, type SeededUser } from '@/lib/test/user-factory';
import { seedRecommendations, seedVocabulary, type SeededRecommendation } from '@/lib/test/recommendation-factory';
import { readerActor } from '@/lib/test/refusal';
import { parseDateOnly } from '@/lib/dates';
import { formatDate } from '@/lib/format';
import { writeAudit } from '@/lib/audit/write-audit';
import { changeStatusNow } from '@/lib/status/change-status';
import { updateRecommendation } from '@/lib/recommendations/update-recommendation';
import { changeRole } from '@/lib/users/change-role';
import { listAuditLog, parseAuditLogFilters } from './list-audit-log';
import { sentenceText } from './describe-audit-entry';

const db = testDb();
let editor: SeededUser;
let admin: SeededUser;
let item: SeededRecommendation;
let other: SeededRecommendation;

beforeAll(async () => {
  editor = await seedUser(db, { role: 'EDITOR' });
  admin = await seedUser(db, { role: 'ADMIN' });
  await db.user.update({ where: { id: editor.id }, data: { name: 'Eddie Editor' } });
  const items = await seedRecommendations(db, { seminarDate: '2015-02-12', count: 2 });
  item = items[0]!;
  other = items[1]!;
});
afterAll(() => db.$disconnect());

const page = (query: Record<string, string>) => listAuditLog(db, parseAuditLogFilters(query).filters, readerActor('ADMIN'), 'UTC');

describe('audit log: entries read as sentences', () => {
  it('audit: a status change names the person and the code, both linked, with the statuses and the effective date', async () => {
    await changeStatusNow(
      db,
      { recommendationId: item.id, expectedVersion: item.version, status: 'NO_LONGER_RELEVANT', effectiveDate: parseDateOnly('2023-05-02')! },
      editor.actor,
    );
    const url = `https://www.example.gov/reports/2024/${uniqueId('annual')}/implementation-review.pdf`;
    await changeStatusNow(
      db,
      {
        recommendationId: item.id,
        expectedVersion: item.version + 1,
        status: 'PARTIALLY_IMPLEMENTED',
        effectiveDate: parseDateOnly('2024-03-15')!,
        evidence: { body: 'The ministry published the plan.', evidenceDate: parseDateOnly('2024-03-15')!, sourceUrl: url },
      },
      editor.actor,
    );
    const { entries } = await page({ code: item.code });
    const change = entries.find((entry) => entry.action === 'recommendation.status_change')!;
    expect(sentenceText(change.sentence)).toBe(
      `Eddie Editor changed ${item.code} from No longer relevant to Partially implemented, effective ${formatDate(parseDateOnly('2024-03-15')!)}`,
    );
    expect(change.sentence).toContainEqual({ text: 'Eddie Editor', href: `/admin/users#user-${editor.id}` });
    expect(change.sentence).toContainEqual({ text: item.code, href: `/recommendations/${item.code}` });
    expect(change.changes).toContainEqual({ field: 'Evidence', from: null, to: 'added with the change' });
    // The evidence the change brought is found by the code too, with its address whole.
    const evidence = entries.find((entry) => entry.action === 'evidence.create')!;
    expect(sentenceText(evidence.sentence)).toBe(`Eddie Editor added evidence to ${item.code}`);
    expect(evidence.changes).toContainEqual({ field: 'Web address', from: null, to: url });
  });

  it('audit: an edit shows the fields it changed by name, themes and sectors by their names rather than ids', async () => {
    const theme = await seedVocabulary(db, 'theme');
    const themeName = (await db.theme.findUniqueOrThrow({ where: { id: theme }, select: { name: true } })).name;
    const before = await db.recommendation.findUniqueOrThrow({ where: { id: other.id }, select: { version: true, primaryTheme: { select: { name: true } } } });
    await updateRecommendation(db, other.id, { expectedVersion: before.version, priority: 'HIGH', primaryThemeId: theme }, editor.actor);
    const [entry] = (await page({ code: other.code, action: 'recommendation.update' })).entries;
    expect(sentenceText(entry!.sentence)).toBe(`Eddie Editor edited ${other.code}`);
    expect(entry!.changes).toEqual(
      expect.arrayContaining([
        { field: 'Priority', from: 'Medium', to: 'High' },
        { field: 'Primary theme', from: before.primaryTheme.name, to: themeName },
      ]),
    );
    expect(JSON.stringify(entry!.changes)).not.toContain(theme);
    // The recorded JSON is still there, one click away.
    expect(entry!.after).toContain('"priority": "HIGH"');
  });

  it('audit: search by code finds only that recommendation’s entries, in either case; an unknown code finds none', async () => {
    const found = await page({ code: other.code.toLowerCase() });
    expect(found.total).toBeGreaterThan(0);
    expect(found.entries.every((entry) => sentenceText(entry.sentence).includes(other.code))).toBe(true);
    expect((await page({ code: 'NOPE-R99' })).total).toBe(0);
  });

  it('audit: sign-ins and sign-outs are hidden unless asked for; refused sign-ins always show', async () => {
    const who = await seedUser(db, { role: 'VIEWER' });
    await db.$transaction(async (tx) => {
      await writeAudit(tx, { actor: { id: who.id, label: who.email }, action: 'auth.sign_in', entityType: 'user', entityId: who.id, ip: '203.0.113.9' });
      await writeAudit(tx, { actor: { id: who.id, label: who.email }, action: 'auth.sign_out', entityType: 'user', entityId: who.id });
      await writeAudit(tx, {
        actor: { id: null, label: who.email },
        action: 'auth.sign_in_failed',
        entityType: 'user',
        entityId: who.id,
        after: { reason: 'wrong password' },
      });
    });
    const hidden = await page({ entityId: who.id });
    expect(hidden.entries.map((entry) => entry.action)).toEqual(['auth.sign_in_failed']);
    expect(sentenceText(hidden.entries[0]!.sentence)).toBe(`A sign-in as ${who.email} was refused (wrong password)`);
    const shown = await page({ entityId: who.id, signIns: 'show' });
    expect(shown.entries.map((entry) => entry.action).sort()).toEqual(['auth.sign_in', 'auth.sign_in_failed', 'auth.sign_out']);
    expect(sentenceText(shown.entries.find((entry) => entry.action === 'auth.sign_in')!.sentence)).toBe('Test User signed in from 203.0.113.9');
  });

  it('audit: a role change names the user whose role changed', async () => {
    const target = await seedUser(db, { role: 'VIEWER' });
    await changeRole(db, { userId: target.id, role: 'EDITOR' }, admin.actor);
    const [entry] = (await page({ entityId: target.id, action: 'user.role_change' })).entries;
    expect(sentenceText(entry!.sentence)).toBe('Test User changed the role of Test User from Viewer to Editor');
    expect(entry!.sentence).toContainEqual({ text: 'Test User', href: `/admin/users#user-${target.id}` });
  });

  it('audit: an action the page does not know still reads as a line, with its fields', async () => {
    const entityType = uniqueId('type');
    await db.$transaction((tx) =>
      writeAudit(tx, { actor: { id: null, label: 'cli' }, action: `${entityType}.frobnicate`, entityType, before: { size: 1 }, after: { size: 2 } }),
    );
    const [entry] = (await page({ entityType })).entries;
    expect(sentenceText(entry!.sentence)).toBe(`The system recorded “${entityType}.frobnicate” on a ${entityType.replace(/_/g, ' ')}`);
    expect(entry!.changes).toEqual([{ field: 'Size', from: '1', to: '2' }]);
  });
});
