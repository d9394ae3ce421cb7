import Link from 'next/link';
import { cookies } from 'next/headers';
import { verifySession } from '@/lib/auth/session';
import { ROLE_LABEL } from '@/lib/auth/roles';
import { db } from '@/lib/db';
import { isDemoLoaded } from '@/lib/demo/demo-data';
import { parseTheme, THEME_COOKIE } from '@/lib/theme/theme-preference';
import { navSections } from '@/components/layout/nav-links';
import { MobileMenu } from '@/components/layout/mobile-menu';
import { ThemeToggle } from '@/components/layout/theme-toggle';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { ToastProvider } from '@/components/ui/toast';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await verifySession();
  const demo = await isDemoLoaded(db);
  const sections = navSections(user.role);
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <ToastProvider>
      <div className="min-h-screen md:flex">
        <nav aria-label="Main" className="no-print relative border-b border-border bg-surface p-4 md:w-60 md:shrink-0 md:border-b-0 md:border-r">
          <div className="flex items-center justify-between gap-2 md:block">
            <p className="font-semibold md:mb-3">
              <Link href="/" className="text-text no-underline">
                Recommendation Tracker
              </Link>
            </p>
            <MobileMenu>
              {sections.map((section) => (
                <div key={section.label} className="mb-4">
                  <h2 className="mb-1 text-xs font-semibold uppercase tracking-wide text-muted">{section.label}</h2>
                  <ul className="flex flex-col gap-1">
                    {section.links.map((link) => (
                      <li key={link.href}>
                        <Link href={link.href} className="inline-block py-1">
                          {link.label}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
              <div className="mt-6 space-y-3 text-sm">
                <p>
                  <span className="block font-medium">{user.name}</span>
                  <span className="text-muted">{ROLE_LABEL[user.role]}</span>
                </p>
                <SignOutButton />
                <ThemeToggle initial={theme} />
              </div>
            </MobileMenu>
          </div>
        </nav>
        <div className="min-w-0 flex-1">
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
    </ToastProvider>
  );
}
