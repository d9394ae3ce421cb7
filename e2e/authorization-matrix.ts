// THE authorization matrix: every page, route handler and server action, and what each kind of
// visitor gets. e2e/authorization-matrix.spec.ts checks every page and route cell against the
// real server; lib/auth/authorization-matrix.test.ts checks every action cell and fails when a
// page, route handler or server action exists in app/ without a row here.

export type Who = 'anonymous' | 'viewer' | 'editor' | 'admin';
export const EVERYONE: Who[] = ['anonymous', 'viewer', 'editor', 'admin'];

/** ok = 200; login = sent to /login; forbidden = 403 page; not-found = 404. */
export type PageOutcome = 'ok' | 'login' | 'forbidden' | 'not-found';
export type PageRow = { route: string; visit: string; expect: Record<Who, PageOutcome> };

const signedIn = (admin: PageOutcome = 'ok', editor: PageOutcome = 'ok', viewer: PageOutcome = 'ok') =>
  ({ anonymous: 'login', viewer, editor, admin }) as Record<Who, PageOutcome>;
const adminOnly = signedIn('ok', 'forbidden', 'forbidden');

export const PAGES: PageRow[] = [
  { route: '/', visit: '/', expect: signedIn() },
  { route: '/dashboard', visit: '/dashboard', expect: signedIn() },
  { route: '/reports', visit: '/reports', expect: signedIn() },
  { route: '/reports/[quarter]', visit: '/reports/2015-Q4', expect: signedIn() },
  { route: '/login', visit: '/login', expect: { anonymous: 'ok', viewer: 'ok', editor: 'ok', admin: 'ok' } },
  // Gone for good once the first administrator exists (the e2e setup creates it).
  { route: '/setup', visit: '/setup', expect: { anonymous: 'not-found', viewer: 'not-found', editor: 'not-found', admin: 'not-found' } },
  { route: '/set-password/[token]', visit: '/set-password/not-a-real-token', expect: { anonymous: 'ok', viewer: 'ok', editor: 'ok', admin: 'ok' } },
  { route: '/recommendations', visit: '/recommendations', expect: signedIn() },
  { route: '/seminars', visit: '/seminars', expect: signedIn() },
  { route: '/seminars/new', visit: '/seminars/new', expect: signedIn('ok', 'ok', 'forbidden') },
  { route: '/seminars/[id]/recommendations/new', visit: '/seminars/2015/recommendations/new', expect: signedIn('ok', 'ok', 'forbidden') },
  { route: '/recommendations/[code]', visit: '/recommendations/2015-R03', expect: signedIn() },
  { route: '/recommendations/[code]/source', visit: '/recommendations/2015-R03/source', expect: signedIn() },
  { route: '/account', visit: '/account', expect: signedIn() },
  // Report imports (issue 24) are staff work: editors and administrators.
  { route: '/imports', visit: '/imports', expect: signedIn('ok', 'ok', 'forbidden') },
  { route: '/imports/new', visit: '/imports/new', expect: signedIn('ok', 'ok', 'forbidden') },
  { route: '/imports/[id]', visit: '/imports/not-a-real-id', expect: signedIn('not-found', 'not-found', 'forbidden') },
  { route: '/admin', visit: '/admin', expect: adminOnly },
  { route: '/admin/users', visit: '/admin/users', expect: adminOnly },
  { route: '/admin/themes', visit: '/admin/themes', expect: adminOnly },
  { route: '/admin/sectors', visit: '/admin/sectors', expect: adminOnly },
  { route: '/admin/seminars', visit: '/admin/seminars', expect: adminOnly },
  { route: '/admin/seminars/[id]', visit: '/admin/seminars/not-a-real-id', expect: signedIn('not-found', 'forbidden', 'forbidden') },
  { route: '/admin/audit', visit: '/admin/audit', expect: adminOnly },
  { route: '/admin/settings', visit: '/admin/settings', expect: adminOnly },
];

/** Expected HTTP status. Writes are sent with an empty JSON body: 400 means "allowed, input checked". */
export type RouteRow = { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; route: string; path: string; expect: Record<Who, number> };

const readable = { anonymous: 401, viewer: 200, editor: 200, admin: 200 };
const editorWrite = { anonymous: 401, viewer: 403, editor: 400, admin: 400 };

export const ROUTES: RouteRow[] = [
  { method: 'GET', route: '/api/health', path: '/api/health', expect: { anonymous: 200, viewer: 200, editor: 200, admin: 200 } },
  // For a load balancer: public, and 200 only while the database answers and is fully migrated.
  { method: 'GET', route: '/api/health/ready', path: '/api/health/ready', expect: { anonymous: 200, viewer: 200, editor: 200, admin: 200 } },
  { method: 'GET', route: '/api/auth/[...nextauth]', path: '/api/auth/csrf', expect: { anonymous: 200, viewer: 200, editor: 200, admin: 200 } },
  // Without next-auth's CSRF token a sign-out (or any next-auth POST) is not carried out: it is redirected.
  { method: 'POST', route: '/api/auth/[...nextauth]', path: '/api/auth/signout', expect: { anonymous: 302, viewer: 302, editor: 302, admin: 302 } },
  { method: 'GET', route: '/api/v1/me', path: '/api/v1/me', expect: readable },
  { method: 'GET', route: '/api/v1/progress', path: '/api/v1/progress', expect: readable },
  { method: 'GET', route: '/api/v1/reports/quarterly', path: '/api/v1/reports/quarterly?quarter=2015-Q4&format=csv', expect: readable },
  { method: 'GET', route: '/api/v1/recommendations', path: '/api/v1/recommendations', expect: readable },
  { method: 'GET', route: '/api/v1/themes', path: '/api/v1/themes', expect: readable },
  { method: 'GET', route: '/api/v1/sectors', path: '/api/v1/sectors', expect: readable },
  { method: 'GET', route: '/api/v1/seminars', path: '/api/v1/seminars', expect: readable },
  { method: 'POST', route: '/api/v1/seminars', path: '/api/v1/seminars', expect: editorWrite },
  { method: 'POST', route: '/api/v1/seminars/[id]/recommendations', path: '/api/v1/seminars/2015/recommendations', expect: editorWrite },
  { method: 'GET', route: '/api/v1/recommendations/[id]', path: '/api/v1/recommendations/2015-R03', expect: readable },
  { method: 'PATCH', route: '/api/v1/recommendations/[id]', path: '/api/v1/recommendations/2015-R03', expect: editorWrite },
  { method: 'POST', route: '/api/v1/recommendations/[id]/status', path: '/api/v1/recommendations/2015-R03/status', expect: editorWrite },
  { method: 'POST', route: '/api/v1/recommendations/[id]/evidence', path: '/api/v1/recommendations/2015-R03/evidence', expect: editorWrite },
  // Report imports are staff work: editors only, even to read.
  { method: 'GET', route: '/api/v1/imports', path: '/api/v1/imports', expect: { anonymous: 401, viewer: 403, editor: 200, admin: 200 } },
  { method: 'POST', route: '/api/v1/imports', path: '/api/v1/imports', expect: editorWrite },
  { method: 'GET', route: '/api/v1/imports/[id]', path: '/api/v1/imports/not-a-real-id', expect: { anonymous: 401, viewer: 403, editor: 404, admin: 404 } },
  { method: 'PATCH', route: '/api/v1/imports/[id]', path: '/api/v1/imports/not-a-real-id', expect: editorWrite },
  // No body needed to discard: an unknown draft is then the first thing an allowed caller hears of.
  { method: 'DELETE', route: '/api/v1/imports/[id]', path: '/api/v1/imports/not-a-real-id', expect: { anonymous: 401, viewer: 403, editor: 404, admin: 404 } },
  { method: 'POST', route: '/api/v1/imports/[id]/confirm', path: '/api/v1/imports/not-a-real-id/confirm', expect: editorWrite },
  // The API description holds no data.
  { method: 'GET', route: '/api/v1/openapi.json', path: '/api/v1/openapi.json', expect: { anonymous: 200, viewer: 200, editor: 200, admin: 200 } },
];

/** allowed = the action runs for this visitor (bad input then gets field errors); public = no session needed. */
export type ActionOutcome = 'allowed' | 'forbidden' | 'unauthorized';
export type ActionRow = { file: string; action: string; expect: Record<Who, ActionOutcome> | 'public' };

const allSignedIn: Record<Who, ActionOutcome> = { anonymous: 'unauthorized', viewer: 'allowed', editor: 'allowed', admin: 'allowed' };
const editorAction: Record<Who, ActionOutcome> = { anonymous: 'unauthorized', viewer: 'forbidden', editor: 'allowed', admin: 'allowed' };
const adminAction: Record<Who, ActionOutcome> = { anonymous: 'unauthorized', viewer: 'forbidden', editor: 'forbidden', admin: 'allowed' };

export const ACTIONS: ActionRow[] = [
  // Public by design: the setup action works only while no user exists; the set-password action's token is the credential.
  { file: 'app/setup/actions.ts', action: 'createFirstAdminAction', expect: 'public' },
  { file: 'app/set-password/[token]/actions.ts', action: 'setPasswordAction', expect: 'public' },
  { file: 'app/(app)/account/actions.ts', action: 'changeOwnPasswordAction', expect: allSignedIn },
  { file: 'app/(app)/account/actions.ts', action: 'createApiTokenAction', expect: allSignedIn },
  { file: 'app/(app)/account/actions.ts', action: 'revokeApiTokenAction', expect: allSignedIn },
  { file: 'app/(app)/recommendations/actions.ts', action: 'bulkUpdateAction', expect: editorAction },
  { file: 'app/(app)/seminars/actions.ts', action: 'createSeminarAction', expect: editorAction },
  { file: 'app/(app)/seminars/actions.ts', action: 'addRecommendationAction', expect: editorAction },
  ...[
    'changeStatusAction',
    'addEvidenceAction',
    'editEvidenceAction',
    'removeEvidenceAction',
    'updateRecommendationAction',
    'addLinkAction',
    'removeLinkAction',
    'correctTextAction',
    'withdrawAction',
    'restoreAction',
  ].map((action) => ({ file: 'app/(app)/recommendations/[code]/actions.ts', action, expect: editorAction })),
  ...['uploadReportAction', 'saveDraftAction', 'discardDraftAction', 'confirmDraftAction'].map((action) => ({
    file: 'app/(app)/imports/actions.ts',
    action,
    expect: editorAction,
  })),
  { file: 'app/(app)/admin/users/actions.ts', action: 'createUserAction', expect: adminAction },
  { file: 'app/(app)/admin/users/actions.ts', action: 'changeRoleAction', expect: adminAction },
  { file: 'app/(app)/admin/users/actions.ts', action: 'setUserActiveAction', expect: adminAction },
  { file: 'app/(app)/admin/users/actions.ts', action: 'resetPasswordAction', expect: adminAction },
  { file: 'app/(app)/admin/vocabulary/actions.ts', action: 'createTermAction', expect: adminAction },
  { file: 'app/(app)/admin/vocabulary/actions.ts', action: 'updateTermAction', expect: adminAction },
  { file: 'app/(app)/admin/vocabulary/actions.ts', action: 'moveTermAction', expect: adminAction },
  { file: 'app/(app)/admin/vocabulary/actions.ts', action: 'mergeTermsAction', expect: adminAction },
  { file: 'app/(app)/admin/seminars/actions.ts', action: 'updateSeminarAction', expect: adminAction },
  { file: 'app/(app)/admin/settings/actions.ts', action: 'updateDisplaySettingsAction', expect: adminAction },
];
