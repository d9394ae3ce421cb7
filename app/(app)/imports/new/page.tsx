import type { Metadata } from 'next';
import { UploadForm } from '@/components/import/upload-form';
import { Breadcrumbs, HOME_CRUMB } from '@/components/ui/breadcrumbs';
import { requireActor } from '@/lib/auth/session';
import { IMPORT_LIMITS } from '@/lib/import/extract/limits';
import { formatBytes } from '@/lib/import/extract/limits';
import { formatNumber } from '@/lib/format';
import { PASTED_TEXT_MAX } from '@/lib/validations/import-draft';

export const metadata: Metadata = { title: 'Import a report' };

export default async function NewImportPage() {
  await requireActor('EDITOR');
  return (
    <div className="max-w-3xl space-y-6">
      <header className="space-y-1">
        <Breadcrumbs trail={[HOME_CRUMB, { href: '/imports', label: 'Imports' }]} current="Import a report" />
        <h1 className="text-2xl font-semibold">Import a report</h1>
        <p className="text-muted">
          The importer reads the report, proposes the seminar’s details and its recommendations, and opens a draft for you to review. Nothing is added to the
          tracker until you confirm the draft.
        </p>
      </header>
      <UploadForm
        limits={{
          fileSize: formatBytes(IMPORT_LIMITS.maxFileBytes),
          maxFileBytes: IMPORT_LIMITS.maxFileBytes,
          pdfPages: IMPORT_LIMITS.maxPdfPages,
          textChars: formatNumber(Math.min(PASTED_TEXT_MAX, IMPORT_LIMITS.maxTextChars)),
        }}
      />
    </div>
  );
}
