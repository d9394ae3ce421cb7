import Link from 'next/link';

export type Crumb = { label: string; href: string };

/**
 * Where an inner page sits: the pages above it, as links, then the page itself (aria-current,
 * not a link). Top-level pages (the sidebar's Tracker section) have none. Hidden in print.
 */
export function Breadcrumbs({ trail, current }: { trail: Crumb[]; current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-3 text-sm print:hidden">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1 text-muted">
        {trail.map((crumb) => (
          <li key={crumb.href} className="flex min-w-0 items-center gap-x-2">
            <Link href={crumb.href} className="break-words">
              {crumb.label}
            </Link>
            <Separator />
          </li>
        ))}
        <li className="min-w-0">
          <span aria-current="page" className="font-medium break-words text-text">
            {current}
          </span>
        </li>
      </ol>
    </nav>
  );
}

function Separator() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 16 16"
      className="h-3 w-3 shrink-0"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M6 3l5 5-5 5" />
    </svg>
  );
}

/** The trail's first step on every inner page. */
export const HOME_CRUMB: Crumb = { label: 'Home', href: '/dashboard' };
