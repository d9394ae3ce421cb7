import Link from 'next/link';
import { verifySession } from '@/lib/auth/session';
import { ROLE_LABEL } from '@/lib/auth/roles';
import { navSections } from '@/components/layout/nav-links';
import { db } from '@/lib/db';
import { isDemoLoaded } from '@/lib/demo/demo-data';
import { SignOutButton } from '@/components/auth/sign-out-button';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await verifySession();
  const demo = await isDemoLoaded(db);
  const sections = navSections(user.role);
  return (
    <div className="min-h-screen md:flex">
      <nav aria-label="Main" className="no-print border-b border-border bg-surface p-4 md:w-60 md:border-b-0 md:border-r">
        <p className="mb-3 font-semibold">Recommendation Tracker</p>
        {sections.map((section) => (
          <div key={section.label} className="mb-4">
            <h2 className="mb-1 text-xs font-semibold uppercase tracking-wide text-muted">{section.label}</h2>
            <ul className="flex flex-wrap gap-x-4 gap-y-1 md:flex-col">
              {section.links.map((link) => (
                <li key={link.href}>
                  <Link href={link.href}>{link.label}</Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
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
