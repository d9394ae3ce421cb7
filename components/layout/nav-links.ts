import { hasRole, type Role } from '@/lib/auth/roles';

export type NavLink = { href: string; label: string };
export type NavSection = { label: string; links: NavLink[] };

/** The administrator's pages, for the sidebar and the /admin overview. */
export const ADMIN_LINKS: (NavLink & { description: string })[] = [
  { href: '/admin/users', label: 'Users', description: 'Add people, set their role, reset passwords and deactivate accounts.' },
  { href: '/admin/themes', label: 'Themes', description: 'What recommendations are about: add, rename, recolour, reorder and merge.' },
  { href: '/admin/sectors', label: 'Sectors', description: 'Who has to act on recommendations: add, rename, recolour, reorder and merge.' },
  { href: '/admin/seminars', label: 'Seminar details', description: 'Correct a report’s title, kind, date, venue, organiser and speakers.' },
  { href: '/admin/audit', label: 'Audit log', description: 'Every change, who made it and when, with the record before and after.' },
  { href: '/admin/settings', label: 'Settings', description: 'The locale and time zone that dates, times and numbers are shown in.' },
];

export const ADMIN_CRUMB: NavLink = { href: '/admin', label: 'Admin' };

/** The sidebar, by role: a link is shown only to roles that may open its page. */
export function navSections(role: Role): NavSection[] {
  const sections: NavSection[] = [
    {
      label: 'Tracker',
      links: [
        { href: '/dashboard', label: 'Dashboard' },
        { href: '/recommendations', label: 'Recommendations' },
        { href: '/seminars', label: 'Seminars' },
        { href: '/reports', label: 'Quarterly summary' },
        // Report imports are staff work in progress: editors and administrators.
        ...(hasRole(role, 'EDITOR') ? [{ href: '/imports', label: 'Imports' }] : []),
      ],
    },
    { label: 'You', links: [{ href: '/account', label: 'Account and API tokens' }] },
  ];
  if (hasRole(role, 'ADMIN')) {
    sections.push({ label: 'Admin', links: ADMIN_LINKS.map(({ href, label }) => ({ href, label })) });
  }
  return sections;
}
