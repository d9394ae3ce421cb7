import type { Metadata } from 'next';
import { db } from '@/lib/db';
import { requireActor } from '@/lib/auth/session';
import { listAuditFilterOptions, listAuditLog, parseAuditLogFilters } from '@/lib/audit/list-audit-log';
import { AuditFilterForm } from '@/components/admin-audit/audit-filter-form';
import { PageNav } from '@/components/ui/page-nav';
import { AuditTable } from '@/components/admin-audit/audit-table';
import { ADMIN_CRUMB } from '@/components/layout/nav-links';
import { Breadcrumbs, HOME_CRUMB } from '@/components/ui/breadcrumbs';

export const metadata: Metadata = { title: 'Audit log' };

type Query = Record<string, string | string[] | undefined>;

const FILTER_KEYS = ['code', 'user', 'entityType', 'action', 'from', 'to', 'entityId', 'signIns'] as const;

/** The filters as typed, for the form and for links that keep them (page numbers, "this record"). */
function typedFilters(query: Query): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = query[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (first) values[key] = first;
  }
  return values;
}

const href = (params: Record<string, string>) => {
  const search = new URLSearchParams(params).toString();
  return search ? `/admin/audit?${search}` : '/admin/audit';
};

export default async function AuditPage({ searchParams }: { searchParams: Promise<Query> }) {
  const actor = await requireActor('ADMIN');
  const query = await searchParams;
  const { filters, errors } = parseAuditLogFilters(query);
  const [page, options] = await Promise.all([listAuditLog(db, filters, actor), listAuditFilterOptions(db, actor)]);
  const values = typedFilters(query);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <Breadcrumbs trail={[HOME_CRUMB, ADMIN_CRUMB]} current="Audit log" />
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <p className="text-muted">
          Every change, who made it and when, newest first. Each entry keeps the record as it was before and after; entries are never edited or removed.
        </p>
      </header>
      <AuditFilterForm options={options} values={values} errors={errors} />
      {Object.keys(errors).length > 0 && (
        <p role="alert" className="rounded-md border border-danger p-3 text-sm text-danger">
          Some filters could not be used and were left out: see the highlighted fields.
        </p>
      )}
      <AuditTable page={page} entityHref={(entityType, entityId) => href({ entityType, entityId })} />
      <PageNav
        label="Audit log pages"
        previous="← Newer"
        next="Older →"
        page={page.page}
        pageCount={page.pageCount}
        hrefFor={(number) => href({ ...values, ...(number > 1 ? { page: String(number) } : {}) })}
      />
    </div>
  );
}
