import Link from 'next/link';
import { verifySession } from '@/lib/auth/session';
import { hasRole, ROLE_LABEL } from '@/lib/auth/roles';
import { db } from '@/lib/db';
import { isDemoLoaded } from '@/lib/demo/demo-data';
import { SignOutButton } from '@/components/auth/sign-out-button';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await verifySession();
  const demo = await isDemoLoaded(db);
  const links = [
    { href: '/recommendations', label: 'Recommendations' },
    { href: '/account', label: 'Account' },
    ...(hasRole(user.role, 'ADMIN') ? [{ href: '/admin/users', label: 'Users' }] : []),
  ];
  return (
    <div className="min-h-screen md:flex">
      <nav aria-label="Main" className="no-print border-b border-border bg-surface p-4 md:w-60 md:border-b-0 md:border-r">
        <p className="mb-3 font-semibold">Recommendation Tracker</p>
        <ul className="flex flex-wrap gap-3 md:flex-col">
          {links.map((link) => (
            <li key={link.href}>
              <Link href={link.href}>{link.label}</Link>
            </li>
          ))}
        </ul>
        <div className="mt-6 space-y-2 text-sm">
          <p>
            <span className="block font-medium">{user.name}</span>
            <span className="text-muted">{ROLE_LABEL[user.role]}</span>
          </p>
          <SignOutButton />
        </div>
      </nav>
      <div className="flex-1">
        {demo && (
          <p role="note" className="border-b border-border bg-surface-muted px-4 py-2 text-sm font-medium">
            Sample data: the status history and evidence shown here are illustrative, loaded with <code>npm run demo</code>.
          </p>
        )}
        <main id="main" className="p-4 md:p-8">
          {children}
        </main>
      </div>
    </div>
  );
}
