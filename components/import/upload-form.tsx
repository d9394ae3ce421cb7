'use client';

// Starting an import: a report file, or its text pasted. A file the importer will not read is
// refused with its reason next to the file field, and nothing is created. A file over the size
// limit is refused here before it is sent: past the server's body limit (a little above it) the
// upload would be cut off without the importer's message.
import { useState, type FormEvent } from 'react';
import { TextAreaField, TextField } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { useKeptForm } from '@/components/ui/use-kept-form';
import { uploadReportAction } from '@/app/(app)/imports/actions';
import { importFileError } from '@/lib/import/extract/errors';
import { formatBytes } from '@/lib/import/extract/limits';

export function UploadForm({ limits }: { limits: { fileSize: string; maxFileBytes: number; pdfPages: number; textChars: string } }) {
  const { state, action, pending, onSubmit } = useKeptForm(uploadReportAction);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  function submit(event: FormEvent<HTMLFormElement>) {
    const file = (event.currentTarget.elements.namedItem('file') as HTMLInputElement | null)?.files?.[0];
    if (file && file.size > limits.maxFileBytes) {
      event.preventDefault();
      setTooLarge(importFileError('too_large', { size: formatBytes(file.size), limit: limits.fileSize }).message);
      return;
    }
    setTooLarge(null);
    onSubmit(event);
  }
  return (
    <form action={action} onSubmit={submit} className="space-y-6" noValidate aria-label="Import a report" encType="multipart/form-data">
      <FormMessage state={state} />
      <TextField
        id="import-file"
        name="file"
        type="file"
        label="Report file"
        accept=".pdf,.docx,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
        hint={`A PDF with a text layer, a Word document (DOCX) or a plain-text file; at most ${limits.fileSize} and, for a PDF, ${limits.pdfPages} pages. Scanned PDFs cannot be read: paste the text instead.`}
        errors={tooLarge ? [tooLarge] : state.errors?.file}
        className="mt-1 block w-full rounded-md border border-border bg-surface px-3 py-2 text-text file:mr-3 file:rounded file:border file:border-border file:bg-surface-muted file:px-3 file:py-1 file:text-text"
      />
      <p className="text-sm font-medium">Or</p>
      <TextAreaField
        id="import-text"
        name="text"
        label="Paste the report’s text"
        hint={`Used when no file is chosen; at most ${limits.textChars} characters.`}
        rows={8}
        defaultValue={state.values?.text}
        errors={state.errors?.text}
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Reading the report…' : 'Read the report'}
      </Button>
      <p className="text-sm text-muted" aria-live="polite">
        {pending ? 'Reading the file and finding its recommendations; a long PDF can take up to half a minute.' : ''}
      </p>
    </form>
  );
}
