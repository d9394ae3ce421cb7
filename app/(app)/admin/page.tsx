import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/lib/auth/session';
import { ADMIN_LINKS } from '@/components/layout/nav-links';
import { Breadcrumbs, HOME_CRUMB } from '@/components/ui/breadcrumbs';

export const metadata: Metadata = { title: 'Admin' };

/** The administrator's pages in one place: where the breadcrumbs' "Admin" leads. */
export default async function AdminPage() {
  await requireRole('ADMIN');
  return (
    <div className="max-w-3xl space-y-6">
      <header className="space-y-1">
        <Breadcrumbs trail={[HOME_CRUMB]} current="Admin" />
        <h1 className="text-2xl font-semibold">Admin</h1>
        <p className="text-muted">People, the lists recommendations are filed under, seminar details, the audit log and display settings.</p>
      </header>
      <ul className="grid gap-3 sm:grid-cols-2">
        {ADMIN_LINKS.map((link) => (
          <li key={link.href} className="rounded-lg border border-border bg-surface p-4">
            <Link href={link.href} className="font-semibold">
              {link.label}
            </Link>
            <p className="mt-1 text-sm text-muted">{link.description}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
