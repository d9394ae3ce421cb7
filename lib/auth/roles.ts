export const ROLES = ['VIEWER', 'EDITOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABEL: Record<Role, string> = { VIEWER: 'Viewer', EDITOR: 'Editor', ADMIN: 'Administrator' };

const RANK: Record<Role, number> = { VIEWER: 1, EDITOR: 2, ADMIN: 3 };

/** Roles are ordered: an admin can do everything an editor can, an editor everything a viewer can. */
export function hasRole(actual: string, required: Role): boolean {
  return (RANK[actual as Role] ?? 0) >= RANK[required];
}
