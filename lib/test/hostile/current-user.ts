// Who the mocked session says is signed in, for the server-action fuzz suite (the test file's
// vi.mock of '@/lib/auth/session' reads it).
import type { CurrentUser } from '@/lib/auth/session';

export const signedIn: { user: CurrentUser | null } = { user: null };
