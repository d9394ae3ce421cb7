// Every server action, described for the fuzz suite: its module and export, who calls it, a valid
// form built from the fuzz world, and what each field is. lib/auth/hostile-actions.db.test.ts fails
// if a 'use server' module exports an action that is not listed here (the authorization matrix's
// list, e2e/authorization-matrix.ts ACTIONS, is the reference).
import type { Db } from '@/lib/db';
import { EVIDENCE_BODY_MAX, EVIDENCE_SOURCE_TITLE_MAX } from '@/lib/validations/evidence';
import { PASTED_TEXT_MAX } from '@/lib/validations/import-draft';
import { RECOMMENDATION_TEXT_MAX, RECOMMENDATION_TITLE_MAX, REASON_MAX } from '@/lib/validations/recommendation';
import { SEMINAR_PLACE_MAX, SEMINAR_TITLE_MAX } from '@/lib/validations/seminar';
import { STATUS_NOTE_MAX } from '@/lib/validations/status-change';
import { TERM_DESCRIPTION_MAX, TERM_KINDS, TERM_NAME_MAX } from '@/lib/validations/taxonomy';
import { SEMINAR_KINDS } from '@/lib/seminars/kinds';
import { PRIORITIES, STATUSES } from '@/lib/status/status';
import { ROLES } from '@/lib/auth/roles';
import { SAMPLE_REPORT } from '@/lib/import/test-sample-report';
import type { Fields } from './mutations';
import type { World } from './world';

export type ActionTarget = {
  file: string;
  action: string;
  /** Who calls it: a signed-in user of this kind, or nobody (the public setup and set-password forms). */
  as: 'editor' | 'admin' | 'anonymous';
  base: (world: World) => Record<string, unknown>;
  fields: Fields;
  accepts?: { texts: string[]; stored: (db: Db, world: World) => Promise<Record<string, unknown>> };
};

const RECOMMENDATION = 'app/(app)/recommendations/[code]/actions.ts';
const IMPORTS = 'app/(app)/imports/actions.ts';
const USERS = 'app/(app)/admin/users/actions.ts';
const VOCABULARY = 'app/(app)/admin/vocabulary/actions.ts';

const recommendationId = { kind: 'id', required: true } as const;
const version = { kind: 'version' } as const;
const termKind = { kind: 'enum', values: TERM_KINDS, required: true } as const;
const color = { kind: 'enum', values: ['#336699'], required: true } as const;
const draftSeminar = JSON.stringify({ title: 'Water', kind: 'ROUND_TABLE', date: '2015-03-14', venue: null, organiser: null });

export const ACTION_TARGETS: ActionTarget[] = [
  {
    file: 'app/setup/actions.ts',
    action: 'createFirstAdminAction',
    as: 'anonymous',
    base: () => ({
      setupCode: 'ABCD-EFGH-IJKL',
      email: 'first@example.org',
      name: 'First',
      password: 'a long passphrase',
      confirmPassword: 'a long passphrase',
    }),
    fields: {
      setupCode: { kind: 'text', max: 64, required: true },
      email: { kind: 'text', max: 254, required: true },
      name: { kind: 'text', max: 120, required: true },
      password: { kind: 'password' },
    },
  },
  {
    file: 'app/set-password/[token]/actions.ts',
    action: 'setPasswordAction',
    as: 'anonymous',
    base: () => ({ token: 'a'.repeat(43), password: 'a long passphrase', confirmPassword: 'a long passphrase' }),
    fields: { token: { kind: 'id', required: true }, password: { kind: 'password' } },
  },
  {
    file: 'app/(app)/account/actions.ts',
    action: 'changeOwnPasswordAction',
    as: 'editor',
    base: () => ({ currentPassword: 'not the password at all', password: 'a new long passphrase', confirmPassword: 'a new long passphrase' }),
    fields: { currentPassword: { kind: 'text', max: 1024, required: true }, password: { kind: 'password' } },
  },
  {
    file: 'app/(app)/account/actions.ts',
    action: 'createApiTokenAction',
    as: 'editor',
    base: () => ({ name: 'Fuzz token', scope: 'read', expiresAt: '' }),
    fields: { name: { kind: 'text', max: 80, required: true }, scope: { kind: 'enum', values: ['read', 'write'] }, expiresAt: { kind: 'date' } },
  },
  {
    file: 'app/(app)/account/actions.ts',
    action: 'revokeApiTokenAction',
    as: 'editor',
    base: (w) => ({ tokenId: w.tokenId }),
    fields: { tokenId: { kind: 'id', required: true } },
  },
  {
    file: 'app/(app)/recommendations/actions.ts',
    action: 'bulkUpdateAction',
    as: 'editor',
    base: (w) => ({ scope: 'selected', items: `${w.recommendationId}:1`, operation: 'priority', priority: 'HIGH' }),
    fields: {
      scope: { kind: 'enum', values: ['selected', 'all'], required: true },
      items: { kind: 'ids' },
      operation: { kind: 'enum', values: ['sector', 'theme', 'priority', 'status'], required: true },
      priority: { kind: 'enum', values: PRIORITIES, required: true },
    },
  },
  {
    file: 'app/(app)/seminars/actions.ts',
    action: 'createSeminarAction',
    as: 'editor',
    base: () => ({ title: 'Fuzzed seminar', kind: 'SEMINAR', date: '1900-01-01', venue: 'Karachi', organiser: '' }),
    fields: {
      title: { kind: 'text', max: SEMINAR_TITLE_MAX, required: true },
      kind: { kind: 'enum', values: SEMINAR_KINDS, required: true },
      date: { kind: 'date', required: true },
      venue: { kind: 'text', max: SEMINAR_PLACE_MAX },
      organiser: { kind: 'text', max: SEMINAR_PLACE_MAX },
    },
  },
  {
    file: 'app/(app)/seminars/actions.ts',
    action: 'addRecommendationAction',
    as: 'editor',
    base: (w) => ({
      seminarId: w.seminarId,
      primaryThemeId: w.themeId,
      text: 'Publish the data.',
      title: '',
      sectorIds: w.sectorId,
      priority: 'LOW',
      targetDate: '',
    }),
    fields: {
      seminarId: { kind: 'id', required: true },
      primaryThemeId: { kind: 'id', required: true },
      text: { kind: 'text', max: RECOMMENDATION_TEXT_MAX, required: true },
      title: { kind: 'text', max: RECOMMENDATION_TITLE_MAX },
      sectorIds: { kind: 'ids' },
      priority: { kind: 'enum', values: PRIORITIES },
      targetDate: { kind: 'date' },
    },
  },
  {
    file: RECOMMENDATION,
    action: 'changeStatusAction',
    as: 'editor',
    base: (w) => ({ recommendationId: w.recommendationId, status: 'STALLED', effectiveDate: '2016-05-01', note: 'Stalled.', expectedVersion: 1 }),
    fields: {
      recommendationId,
      status: { kind: 'enum', values: STATUSES, required: true },
      effectiveDate: { kind: 'date', required: true },
      note: { kind: 'text', max: STATUS_NOTE_MAX },
      expectedVersion: version,
    },
  },
  {
    file: RECOMMENDATION,
    action: 'addEvidenceAction',
    as: 'editor',
    base: (w) => ({ recommendationId: w.recommendationId, body: 'A press release.', evidenceDate: '2016-04-01', sourceTitle: '', sourceUrl: '' }),
    fields: {
      recommendationId,
      body: { kind: 'text', max: EVIDENCE_BODY_MAX, required: true },
      evidenceDate: { kind: 'date', required: true },
      sourceTitle: { kind: 'text', max: EVIDENCE_SOURCE_TITLE_MAX },
      sourceUrl: { kind: 'url' },
    },
    accepts: {
      texts: ['body', 'sourceTitle'],
      stored: (db, w) =>
        db.evidenceNote.findFirstOrThrow({
          where: { recommendationId: w.recommendationId },
          orderBy: { createdAt: 'desc' },
          select: { body: true, sourceTitle: true },
        }),
    },
  },
  {
    file: RECOMMENDATION,
    action: 'editEvidenceAction',
    as: 'editor',
    base: (w) => ({ evidenceId: w.evidenceId, expectedVersion: 1, body: 'Edited.', evidenceDate: '2016-01-05', sourceTitle: '', sourceUrl: '' }),
    fields: {
      evidenceId: { kind: 'id', required: true },
      expectedVersion: version,
      body: { kind: 'text', max: EVIDENCE_BODY_MAX, required: true },
      evidenceDate: { kind: 'date', required: true },
      sourceUrl: { kind: 'url' },
    },
  },
  {
    file: RECOMMENDATION,
    action: 'removeEvidenceAction',
    as: 'editor',
    base: (w) => ({ evidenceId: w.evidenceId }),
    fields: { evidenceId: { kind: 'id', required: true } },
  },
  {
    file: RECOMMENDATION,
    action: 'updateRecommendationAction',
    as: 'editor',
    base: (w) => ({
      recommendationId: w.recommendationId,
      expectedVersion: 1,
      primaryThemeId: w.themeId,
      sectorIds: w.sectorId,
      priority: 'HIGH',
      targetDate: '2031-01-01',
    }),
    fields: {
      recommendationId,
      expectedVersion: version,
      primaryThemeId: { kind: 'id' },
      secondaryThemeIds: { kind: 'ids' },
      sectorIds: { kind: 'ids' },
      priority: { kind: 'enum', values: PRIORITIES },
      targetDate: { kind: 'date' },
    },
  },
  {
    file: RECOMMENDATION,
    action: 'addLinkAction',
    as: 'editor',
    base: (w) => ({ recommendationId: w.recommendationId, targetCode: w.otherCode, note: '' }),
    fields: { recommendationId, targetCode: { kind: 'id', required: true }, note: { kind: 'text', max: 500 } },
  },
  { file: RECOMMENDATION, action: 'removeLinkAction', as: 'editor', base: (w) => ({ linkId: w.linkId }), fields: { linkId: { kind: 'id', required: true } } },
  {
    file: RECOMMENDATION,
    action: 'correctTextAction',
    as: 'editor',
    base: (w) => ({ recommendationId: w.recommendationId, expectedVersion: 1, title: 'Corrected', text: 'Corrected text.', reason: '' }),
    fields: {
      recommendationId,
      expectedVersion: version,
      title: { kind: 'text', max: RECOMMENDATION_TITLE_MAX, required: true },
      text: { kind: 'text', max: RECOMMENDATION_TEXT_MAX, required: true },
      reason: { kind: 'text', max: REASON_MAX },
    },
  },
  {
    file: RECOMMENDATION,
    action: 'withdrawAction',
    as: 'editor',
    base: (w) => ({ recommendationId: w.recommendationId, expectedVersion: 1, reason: 'Entered twice.' }),
    fields: { recommendationId, expectedVersion: version, reason: { kind: 'text', max: REASON_MAX, required: true } },
  },
  {
    file: RECOMMENDATION,
    action: 'restoreAction',
    as: 'editor',
    base: (w) => ({ recommendationId: w.recommendationId, expectedVersion: 1 }),
    fields: { recommendationId, expectedVersion: version },
  },
  {
    file: IMPORTS,
    action: 'uploadReportAction',
    as: 'editor',
    base: () => ({ text: SAMPLE_REPORT }),
    fields: { text: { kind: 'text', max: PASTED_TEXT_MAX, required: true } },
  },
  {
    file: IMPORTS,
    action: 'saveDraftAction',
    as: 'editor',
    base: (w) => ({ draftId: w.draftId, expectedVersion: 1, seminar: draftSeminar }),
    fields: { draftId: { kind: 'id', required: true }, expectedVersion: version, seminar: { kind: 'object' }, items: { kind: 'object' } },
  },
  {
    file: IMPORTS,
    action: 'discardDraftAction',
    as: 'editor',
    base: (w) => ({ draftId: w.draftId, expectedVersion: 1 }),
    fields: { draftId: { kind: 'id', required: true }, expectedVersion: version },
  },
  {
    file: IMPORTS,
    action: 'confirmDraftAction',
    as: 'editor',
    base: (w) => ({ draftId: w.draftId, expectedVersion: 1, seminar: draftSeminar }),
    fields: { draftId: { kind: 'id', required: true }, expectedVersion: version, seminar: { kind: 'object', required: true } },
  },
  {
    file: USERS,
    action: 'createUserAction',
    as: 'admin',
    base: () => ({ passwordSetup: 'link', email: `fuzz-${Date.now()}@example.org`, name: 'Fuzz', role: 'VIEWER' }),
    fields: {
      passwordSetup: { kind: 'enum', values: ['link', 'password'], required: true },
      email: { kind: 'text', max: 254, required: true },
      name: { kind: 'text', max: 120, required: true },
      role: { kind: 'enum', values: ROLES, required: true },
    },
  },
  {
    file: USERS,
    action: 'changeRoleAction',
    as: 'admin',
    base: (w) => ({ userId: w.other.id, role: 'EDITOR' }),
    fields: { userId: { kind: 'id', required: true }, role: { kind: 'enum', values: ROLES, required: true } },
  },
  {
    file: USERS,
    action: 'setUserActiveAction',
    as: 'admin',
    base: (w) => ({ userId: w.other.id, active: 'false' }),
    fields: { userId: { kind: 'id', required: true }, active: { kind: 'enum', values: ['true', 'false'], required: true } },
  },
  { file: USERS, action: 'resetPasswordAction', as: 'admin', base: (w) => ({ userId: w.other.id }), fields: { userId: { kind: 'id', required: true } } },
  {
    file: VOCABULARY,
    action: 'createTermAction',
    as: 'admin',
    base: () => ({ kind: 'theme', name: `Fuzz theme ${Date.now()}`, description: '', color: '#336699' }),
    fields: { kind: termKind, name: { kind: 'text', max: TERM_NAME_MAX, required: true }, description: { kind: 'text', max: TERM_DESCRIPTION_MAX }, color },
  },
  {
    file: VOCABULARY,
    action: 'updateTermAction',
    as: 'admin',
    base: (w) => ({ kind: 'theme', id: w.themeId, name: 'Renamed theme', description: '', color: '#336699', expectedUpdatedAt: w.termUpdatedAt }),
    fields: {
      kind: termKind,
      id: { kind: 'id', required: true },
      name: { kind: 'text', max: TERM_NAME_MAX, required: true },
      color,
      expectedUpdatedAt: { kind: 'date', required: true },
    },
  },
  {
    file: VOCABULARY,
    action: 'moveTermAction',
    as: 'admin',
    base: (w) => ({ kind: 'theme', id: w.themeId, direction: 'up' }),
    fields: { kind: termKind, id: { kind: 'id', required: true }, direction: { kind: 'enum', values: ['up', 'down'], required: true } },
  },
  {
    file: VOCABULARY,
    action: 'mergeTermsAction',
    as: 'admin',
    base: (w) => ({ kind: 'sector', sourceId: w.sectorId, targetId: w.otherSectorId, confirm: 'yes' }),
    fields: {
      kind: termKind,
      sourceId: { kind: 'id', required: true },
      targetId: { kind: 'id', required: true },
      confirm: { kind: 'enum', values: ['yes'], required: true },
    },
  },
  {
    file: 'app/(app)/admin/seminars/actions.ts',
    action: 'updateSeminarAction',
    as: 'admin',
    base: (w) => ({ id: w.seminarId, expectedVersion: 1, title: 'Renamed seminar', kind: 'SEMINAR', date: '2015-02-12', venue: '', organiser: '' }),
    fields: {
      id: { kind: 'id', required: true },
      expectedVersion: version,
      title: { kind: 'text', max: SEMINAR_TITLE_MAX, required: true },
      kind: { kind: 'enum', values: SEMINAR_KINDS, required: true },
      date: { kind: 'date', required: true },
      venue: { kind: 'text', max: SEMINAR_PLACE_MAX },
    },
  },
  {
    file: 'app/(app)/admin/settings/actions.ts',
    action: 'updateDisplaySettingsAction',
    as: 'admin',
    base: () => ({ locale: 'en-GB', timeZone: 'Asia/Karachi' }),
    fields: { locale: { kind: 'text', max: 64 }, timeZone: { kind: 'text', max: 64 } },
  },
];
