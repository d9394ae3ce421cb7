// Every operation in lib/ checks the actor's role itself (requireRole), before it reads or writes
// anything: called with a role one step too low it refuses with ForbiddenError and writes nothing,
// whatever wrapper (or forgotten wrapper) called it. Viewer-level operations have no lower role, so
// they are called with an actor whose role is none of the three (what a stale or forged role would be).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import type { Role } from '@/lib/auth/roles';
import { ForbiddenError } from '@/lib/errors';
import { listAuditFilterOptions, listAuditLog, parseAuditLogFilters } from '@/lib/audit/list-audit-log';
import { loadDemoData } from '@/lib/demo/demo-data';
import { confirmImportDraft } from '@/lib/import/confirm-import-draft';
import { createImportDraft } from '@/lib/import/create-import-draft';
import { discardImportDraft } from '@/lib/import/discard-import-draft';
import { getImportDraft } from '@/lib/import/get-import-draft';
import { listImportDrafts } from '@/lib/import/list-import-drafts';
import { updateImportDraft } from '@/lib/import/update-import-draft';
import { addEvidence } from '@/lib/evidence/add-evidence';
import { editEvidence } from '@/lib/evidence/edit-evidence';
import { removeEvidence } from '@/lib/evidence/remove-evidence';
import { getDashboardData } from '@/lib/progress/dashboard-data';
import { getCachedProgressReport } from '@/lib/progress/progress-report';
import { addRecommendation } from '@/lib/recommendations/add-recommendation';
import { bulkUpdateRecommendations } from '@/lib/recommendations/bulk-update';
import { correctRecommendationText } from '@/lib/recommendations/correct-recommendation-text';
import { restoreRecommendation, withdrawRecommendation } from '@/lib/recommendations/withdraw-recommendation';
import { createSeminar } from '@/lib/seminars/create-seminar';
import { getSeminarForEntry } from '@/lib/seminars/get-seminar-for-entry';
import { getRecommendation } from '@/lib/recommendations/get-recommendation';
import { getSourceExcerpt } from '@/lib/recommendations/get-source-excerpt';
import { getItemTimeline } from '@/lib/recommendations/get-item-timeline';
import { linkRecommendations, unlinkRecommendations } from '@/lib/recommendations/link-recommendations';
import { listRecommendations } from '@/lib/recommendations/list-recommendations';
import { updateRecommendation } from '@/lib/recommendations/update-recommendation';
import { exportQuarterlyReport } from '@/lib/reporting/export-quarterly-report';
import { getQuarterlyReport } from '@/lib/reporting/get-quarterly-report';
import { getSeminarForEdit } from '@/lib/seminars/get-seminar-for-edit';
import { listSeminarSummaries } from '@/lib/seminars/list-seminar-summaries';
import { listSeminarsForAdmin } from '@/lib/seminars/list-seminars-for-admin';
import { runSeed } from '@/lib/seminars/seed/run-seed';
import { updateSeminar } from '@/lib/seminars/update-seminar';
import { updateDisplaySettings } from '@/lib/settings/update-display-settings';
import { changeStatus, changeStatusNow } from '@/lib/status/change-status';
import { createTerm } from '@/lib/taxonomy/create-term';
import { listVocabulary } from '@/lib/taxonomy/list-vocabulary';
import { mergeTerms } from '@/lib/taxonomy/merge-terms';
import { reorderTerms } from '@/lib/taxonomy/reorder-terms';
import { updateTerm } from '@/lib/taxonomy/update-term';
import { seedRecommendation } from '@/lib/test/recommendation-factory';
import { testDb } from '@/lib/test/test-db';
import { seedUser, type SeededUser } from '@/lib/test/user-factory';
import { createApiToken } from '@/lib/tokens/create-api-token';
import { listApiTokens } from '@/lib/tokens/list-api-tokens';
import { revokeApiToken } from '@/lib/tokens/revoke-api-token';
import { addUser } from '@/lib/users/add-user';
import { changeOwnPassword } from '@/lib/users/change-own-password';
import { changeRole } from '@/lib/users/change-role';
import { createUser } from '@/lib/users/create-user';
import { issueSetPasswordLink } from '@/lib/users/issue-set-password-link';
import { listUsers } from '@/lib/users/list-users';
import { setUserActive } from '@/lib/users/set-user-active';
import { parseQuarter } from '@/lib/progress/quarters';
import { DEFAULT_PROGRESS_QUERY } from '@/lib/validations/progress';
import { recommendationFiltersSchema } from '@/lib/validations/recommendation-filters';

const db = testDb();
afterAll(() => db.$disconnect());

/** A role below VIEWER: what an actor whose role is none of the three gets. */
const NO_ROLE = 'NONE' as Role;
const BELOW: Record<Role, Role> = { VIEWER: NO_ROLE, EDITOR: 'VIEWER', ADMIN: 'EDITOR' };

let viewer: SeededUser;
let item: { id: string; code: string; seminarId: string };
const day = new Date('2020-01-15T00:00:00Z');
const quarter = parseQuarter('2020-Q1')!;

beforeAll(async () => {
  viewer = await seedUser(db, { role: 'VIEWER' });
  item = await seedRecommendation(db);
});

/** The actor just below `role`: a real user's id and label, a role too low. */
const below = (role: Role): Actor => ({ ...viewer.actor, role: BELOW[role] });
const stamp = new Date().toISOString();

// Inputs are plausible where that is cheap; either way the role check comes before anything is read.
const OPERATIONS: [name: string, role: Role, run: (actor: Actor) => Promise<unknown>][] = [
  // Writes
  [
    'changeStatus',
    'EDITOR',
    (actor) => db.$transaction((tx) => changeStatus(tx, { recommendationId: item.id, expectedVersion: 1, status: 'IN_PROGRESS', effectiveDate: day }, actor)),
  ],
  [
    'changeStatusNow',
    'EDITOR',
    (actor) => changeStatusNow(db, { recommendationId: item.id, expectedVersion: 1, status: 'IN_PROGRESS', effectiveDate: day }, actor),
  ],
  [
    'bulkUpdateRecommendations',
    'EDITOR',
    (actor) =>
      bulkUpdateRecommendations(
        db,
        { target: { kind: 'items', items: [{ id: item.id, expectedVersion: 1 }] }, change: { operation: 'priority', priority: 'HIGH' } },
        actor,
      ),
  ],
  ['updateRecommendation', 'EDITOR', (actor) => updateRecommendation(db, item.id, { expectedVersion: 1, priority: 'HIGH' }, actor)],
  ['linkRecommendations', 'EDITOR', (actor) => linkRecommendations(db, { recommendationId: item.id, targetCode: item.code }, actor)],
  ['unlinkRecommendations', 'EDITOR', (actor) => unlinkRecommendations(db, { linkId: 'no-such-link' }, actor)],
  ['addEvidence', 'EDITOR', (actor) => addEvidence(db, item.id, { body: 'Seen.', evidenceDate: day }, actor)],
  [
    'editEvidence',
    'EDITOR',
    (actor) => editEvidence(db, { evidenceId: 'no-such-note', expectedVersion: 1, body: 'Seen.', evidenceDate: day }, { ...actor, id: viewer.id }),
  ],
  ['removeEvidence', 'EDITOR', (actor) => removeEvidence(db, { evidenceId: 'no-such-note' }, { ...actor, id: viewer.id })],
  [
    'createSeminar',
    'EDITOR',
    (actor) =>
      createSeminar(
        db,
        { title: 'Refused', kind: 'SEMINAR', date: day, venue: null, organiser: null, speakers: [], sourceText: '', sourceFileName: null },
        actor,
      ),
  ],
  ['addRecommendation', 'EDITOR', (actor) => addRecommendation(db, item.seminarId, { text: 'Refused.' }, actor)],
  [
    'correctRecommendationText',
    'EDITOR',
    (actor) => correctRecommendationText(db, { recommendationId: item.id, expectedVersion: 1, title: 'Refused', text: 'Refused.' }, actor),
  ],
  ['withdrawRecommendation', 'EDITOR', (actor) => withdrawRecommendation(db, { recommendationId: item.id, expectedVersion: 1, reason: 'Refused.' }, actor)],
  ['restoreRecommendation', 'EDITOR', (actor) => restoreRecommendation(db, { recommendationId: item.id, expectedVersion: 1 }, actor)],
  ['createImportDraft', 'EDITOR', (actor) => createImportDraft(db, { text: 'Recommendations\n\n1. Refused.\n' }, actor)],
  ['updateImportDraft', 'EDITOR', (actor) => updateImportDraft(db, { draftId: 'no-such-draft', expectedVersion: 1 }, actor)],
  ['discardImportDraft', 'EDITOR', (actor) => discardImportDraft(db, { draftId: 'no-such-draft' }, actor)],
  [
    'confirmImportDraft',
    'EDITOR',
    (actor) =>
      confirmImportDraft(db, { draftId: 'no-such-draft', seminar: { title: 'Refused', kind: 'SEMINAR', date: day, venue: null, organiser: null } }, actor),
  ],
  ['createTerm', 'ADMIN', (actor) => createTerm(db, { kind: 'theme', name: `Refused ${stamp}`, description: null, color: '#336699' }, actor)],
  ['updateTerm', 'ADMIN', (actor) => updateTerm(db, { kind: 'theme', id: 'no-such-term', expectedUpdatedAt: stamp, name: 'X' } as never, actor)],
  ['reorderTerms', 'ADMIN', (actor) => reorderTerms(db, { kind: 'theme', ids: [] } as never, actor)],
  ['mergeTerms', 'ADMIN', (actor) => mergeTerms(db, { kind: 'theme', sourceId: 'a', targetId: 'b' } as never, actor)],
  ['addUser', 'ADMIN', (actor) => addUser(db, { passwordSetup: 'link', email: `refused-${Date.now()}@example.org`, name: 'Refused', role: 'ADMIN' }, actor)],
  [
    'createUser',
    'ADMIN',
    (actor) => createUser(db, { email: `refused-${Date.now()}@example.org`, name: 'Refused', role: 'ADMIN', password: 'a long enough password' }, actor),
  ],
  ['changeRole', 'ADMIN', (actor) => changeRole(db, { userId: viewer.id, role: 'ADMIN' }, actor)],
  ['setUserActive', 'ADMIN', (actor) => setUserActive(db, { userId: viewer.id, active: false }, actor)],
  ['issueSetPasswordLink', 'ADMIN', (actor) => issueSetPasswordLink(db, { userId: viewer.id }, actor)],
  ['updateSeminar', 'ADMIN', (actor) => updateSeminar(db, { id: item.seminarId } as never, actor)],
  ['updateDisplaySettings', 'ADMIN', (actor) => updateDisplaySettings(db, { locale: 'en-US', timeZone: 'UTC' }, actor)],
  ['runSeed', 'ADMIN', (actor) => runSeed(db, actor)],
  ['loadDemoData', 'ADMIN', (actor) => loadDemoData(db, actor)],
  [
    'changeOwnPassword',
    'VIEWER',
    (actor) => changeOwnPassword(db, { currentPassword: 'x', newPassword: 'a long enough password' } as never, { ...actor, id: viewer.id }),
  ],
  ['createApiToken', 'VIEWER', (actor) => createApiToken(db, { name: 'Refused' }, { ...actor, id: viewer.id })],
  ['revokeApiToken', 'VIEWER', (actor) => revokeApiToken(db, { tokenId: 'no-such-token' }, { ...actor, id: viewer.id })],
  // Reads served to users
  ['listRecommendations', 'VIEWER', (actor) => listRecommendations(db, recommendationFiltersSchema.parse({}), actor)],
  ['getRecommendation', 'VIEWER', (actor) => getRecommendation(db, item.id, actor)],
  ['getSourceExcerpt', 'VIEWER', (actor) => getSourceExcerpt(db, item.id, actor)],
  ['getItemTimeline', 'VIEWER', (actor) => getItemTimeline(db, item.id, actor)],
  ['getDashboardData', 'VIEWER', (actor) => getDashboardData(db, { query: DEFAULT_PROGRESS_QUERY, asOf: day, today: day }, actor)],
  ['getCachedProgressReport', 'VIEWER', (actor) => getCachedProgressReport(db, DEFAULT_PROGRESS_QUERY, actor)],
  ['getQuarterlyReport', 'VIEWER', (actor) => getQuarterlyReport(db, { quarter, seminar: [], theme: [], sector: [], generatedBy: 'x' }, actor)],
  [
    'exportQuarterlyReport',
    'VIEWER',
    (actor) => exportQuarterlyReport(db, { quarter, seminar: [], theme: [], sector: [], generatedBy: 'x' }, { format: 'csv', csv: 'items' }, actor),
  ],
  ['listSeminarSummaries', 'VIEWER', (actor) => listSeminarSummaries(db, { page: 1, pageSize: 10 }, actor)],
  ['listApiTokens', 'VIEWER', (actor) => listApiTokens(db, { ...actor, id: viewer.id })],
  ['listAuditLog', 'ADMIN', (actor) => listAuditLog(db, parseAuditLogFilters({}).filters, actor)],
  ['listAuditFilterOptions', 'ADMIN', (actor) => listAuditFilterOptions(db, actor)],
  ['listUsers', 'ADMIN', (actor) => listUsers(db, actor)],
  ['getImportDraft', 'EDITOR', (actor) => getImportDraft(db, 'no-such-draft', actor)],
  ['listImportDrafts', 'EDITOR', (actor) => listImportDrafts(db, {}, actor)],
  ['getSeminarForEntry', 'EDITOR', (actor) => getSeminarForEntry(db, item.seminarId, actor)],
  ['listSeminarsForAdmin', 'ADMIN', (actor) => listSeminarsForAdmin(db, { page: 1, pageSize: 10 }, actor)],
  ['getSeminarForEdit', 'ADMIN', (actor) => getSeminarForEdit(db, item.seminarId, actor)],
  ['listVocabulary', 'ADMIN', (actor) => listVocabulary(db, 'theme', actor)],
];

describe('operations refuse a too-low role by themselves', () => {
  for (const [name, role, run] of OPERATIONS) {
    it(`${name} needs ${role}`, async () => {
      const auditBefore = await db.auditLog.count();
      const error = await run(below(role)).then(
        () => null,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(error).toMatchObject({ code: 'forbidden', message: 'Your role does not allow this.' });
      // Every write in lib/ records an audit row in its own transaction: none means nothing was written.
      expect(await db.auditLog.count()).toBe(auditBefore);
    });
  }

  it('the item the writes aimed at is untouched', async () => {
    const row = await db.recommendation.findUniqueOrThrow({ where: { id: item.id }, select: { version: true, status: true, priority: true } });
    expect(row.version).toBe(1);
    expect(row.status).toBe('NOT_STARTED');
    expect((await db.user.findUniqueOrThrow({ where: { id: viewer.id } })).role).toBe('VIEWER');
  });
});
