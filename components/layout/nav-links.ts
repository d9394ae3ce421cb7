import { hasRole, type Role } from '@/lib/auth/roles';

export type NavLink = { href: string; label: string };
export type NavSection = { label: string; links: NavLink[] };

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
      ],
    },
    { label: 'You', links: [{ href: '/account', label: 'Account and API tokens' }] },
  ];
  if (hasRole(role, 'ADMIN')) {
    sections.push({
      label: 'Admin',
      links: [
        { href: '/admin/users', label: 'Users' },
        { href: '/admin/themes', label: 'Themes' },
        { href: '/admin/sectors', label: 'Sectors' },
        { href: '/admin/seminars', label: 'Seminar details' },
        { href: '/admin/audit', label: 'Audit log' },
      ],
    });
  }
  return sections;
}
