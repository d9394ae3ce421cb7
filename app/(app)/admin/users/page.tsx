import type { Metadata } from 'next';
import { db } from '@/lib/db';
import { requireActor } from '@/lib/auth/session';
import { listUsers } from '@/lib/users/list-users';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { UsersTable } from '@/components/admin/users-table';
import { ADMIN_CRUMB } from '@/components/layout/nav-links';
import { Breadcrumbs, HOME_CRUMB } from '@/components/ui/breadcrumbs';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const admin = await requireActor('ADMIN');
  const users = await listUsers(db, admin);
  return (
    <div className="space-y-8">
      <header className="space-y-1">
        <Breadcrumbs trail={[HOME_CRUMB, ADMIN_CRUMB]} current="Users" />
        <h1 className="text-2xl font-semibold">Users</h1>
        <p className="text-muted">Add people, set what they may do, and lock them out when they leave.</p>
      </header>
      <section aria-labelledby="all-users" className="space-y-3">
        <h2 id="all-users" className="text-lg font-semibold">
          Everyone with an account
        </h2>
        <UsersTable users={users} currentUserId={admin.id} />
      </section>
      <section aria-labelledby="add-user" className="max-w-xl space-y-3 rounded-lg border border-border bg-surface p-4">
        <h2 id="add-user" className="text-lg font-semibold">
          Add a user
        </h2>
        <CreateUserForm />
      </section>
    </div>
  );
}
