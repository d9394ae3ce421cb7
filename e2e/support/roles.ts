import path from 'node:path';

export type E2ERole = 'admin' | 'editor' | 'viewer';

export const PASSWORD = 'correct horse battery staple';

export const ACCOUNTS: Record<E2ERole, { email: string; name: string }> = {
  admin: { email: 'admin@e2e.test', name: 'Ada Admin' },
  editor: { email: 'editor@e2e.test', name: 'Eddie Editor' },
  viewer: { email: 'viewer@e2e.test', name: 'Vera Viewer' },
};

export const storageState = (role: E2ERole) => path.join('e2e', '.auth', `${role}.json`);
