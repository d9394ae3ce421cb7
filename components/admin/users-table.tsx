import { ROLE_LABEL } from '@/lib/auth/roles';
import { formatDateTime } from '@/lib/format';
import type { UserListItem } from '@/lib/users/list-users';
import { UserActions } from './user-actions';

export function UsersTable({ users, currentUserId }: { users: UserListItem[]; currentUserId: string }) {
  const active = users.filter((user) => user.active).length;
  return (
    <div
      role="region"
      aria-label="Users table (scrolls sideways on narrow screens)"
      tabIndex={0}
      className="relative overflow-x-auto rounded-lg border border-border bg-surface"
    >
      <table className="w-full min-w-[56rem] text-left text-sm">
        <caption className="p-3 text-left text-muted">
          {users.length} {users.length === 1 ? 'user' : 'users'}, {active} active. Users are never deleted; deactivate them instead.
        </caption>
        <thead className="border-b border-border bg-surface-muted">
          <tr>
            <th scope="col" className="p-3 font-medium">
              User
            </th>
            <th scope="col" className="p-3 font-medium">
              Role
            </th>
            <th scope="col" className="p-3 font-medium">
              Status
            </th>
            <th scope="col" className="p-3 font-medium">
              Last sign-in
            </th>
            <th scope="col" className="p-3 font-medium">
              Actions
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {users.map((user) => (
            <tr key={user.id} id={`user-${user.id}`} className="scroll-mt-20 align-top target:bg-surface-muted">
              <th scope="row" className="p-3 font-normal">
                <span className="block font-medium">{user.name}</span>
                <span className="block break-all text-muted">{user.email}</span>
              </th>
              <td className="p-3">{ROLE_LABEL[user.role] ?? user.role}</td>
              <td className="p-3">{user.active ? 'Active' : <span className="font-medium text-danger">Deactivated</span>}</td>
              <td className="p-3 whitespace-nowrap">{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : 'Never'}</td>
              <td className="p-3">
                <UserActions user={{ id: user.id, email: user.email, role: user.role, active: user.active }} isSelf={user.id === currentUserId} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
