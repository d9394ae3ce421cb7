'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { authedAction, type ActionState } from '@/lib/auth/action';
import { db } from '@/lib/db';
import { confirmImportDraft } from '@/lib/import/confirm-import-draft';
import { createImportDraft, type ImportSource } from '@/lib/import/create-import-draft';
import { discardImportDraft } from '@/lib/import/discard-import-draft';
import { ImportFileError } from '@/lib/import/extract';
import { updateImportDraft } from '@/lib/import/update-import-draft';
import { recommendationsHref } from '@/lib/progress/drill-down';
import { confirmImportDraftSchema, createImportDraftTextSchema, discardImportDraftSchema, updateImportDraftSchema } from '@/lib/validations/import-draft';

// The review screen sends the seminar and the items as JSON fields of its FormData (a form cannot
// carry nested lists); they are parsed before the drafts' own schemas see them, so a field error
// keeps its path (`items.3.text`, `seminar.date`).
function withJsonFields<S extends z.ZodType>(schema: S, fields: string[]) {
  return z.preprocess((raw) => {
    if (!raw || typeof raw !== 'object') return raw;
    const out: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
    for (const field of fields) {
      const value = out[field];
      // A file sent in a JSON field would pass for an object (its properties all missing): refused as null.
      if (value instanceof Blob) out[field] = null;
      if (typeof value !== 'string') continue;
      try {
        out[field] = JSON.parse(value);
      } catch {
        // Left as the string: the schema says what is wrong with it.
      }
    }
    return out;
  }, schema);
}

function revalidateImports() {
  revalidatePath('/imports');
  revalidatePath('/imports/[id]', 'page');
}

/** The upload form: a file (PDF, DOCX, TXT), or pasted text when no file was chosen. */
const uploadSchema = z
  .object({ file: z.instanceof(File).optional(), text: z.string().optional() })
  .transform((input) => {
    const text = input.text ?? '';
    // A form without a chosen file still sends an empty File (nameless, or named "blob" once decoded):
    // the pasted text is used then. An empty file the editor did choose is read, and refused as empty.
    const chosen = input.file && input.file.name !== '' && input.file.name !== 'blob';
    const file = input.file && (input.file.size > 0 || (chosen && text.trim() === '')) ? input.file : null;
    return { file, text };
  })
  .superRefine((input, context) => {
    if (input.file) return;
    const pasted = createImportDraftTextSchema.safeParse({ text: input.text });
    if (!pasted.success) context.addIssue({ code: 'custom', path: ['text'], message: 'Choose a file, or paste the report’s text.' });
  });

export const uploadReportAction = authedAction(uploadSchema, 'EDITOR', async (input, actor): Promise<ActionState> => {
  let source: ImportSource;
  if (input.file) {
    source = { bytes: new Uint8Array(await input.file.arrayBuffer()), fileName: input.file.name, contentType: input.file.type || null };
  } else {
    const { text } = createImportDraftTextSchema.parse({ text: input.text });
    source = { text };
  }
  let draftId: string;
  try {
    draftId = (await createImportDraft(db, source, actor)).id;
  } catch (error) {
    // A file the importer will not read: its message goes next to the field it came from.
    if (error instanceof ImportFileError) {
      const field = input.file ? 'file' : 'text';
      const values: Record<string, string> = input.file ? {} : { text: input.text };
      return { code: error.code, message: error.message, errors: { [field]: [error.message] }, values };
    }
    throw error;
  }
  revalidateImports();
  redirect(`/imports/${encodeURIComponent(draftId)}`);
});

/** The review screen's autosave; answers with the draft's new version. */
export const saveDraftAction = authedAction(withJsonFields(updateImportDraftSchema, ['seminar', 'items']), 'EDITOR', async (input, actor) => {
  const draft = await updateImportDraft(db, input, actor);
  revalidatePath('/imports');
  // `values` carries the new version back to the page (ActionState has no other field for data).
  return { ok: true, message: 'Saved', values: { version: String(draft.version) } };
});

export const discardDraftAction = authedAction(discardImportDraftSchema, 'EDITOR', async (input, actor) => {
  await discardImportDraft(db, input, actor);
  revalidateImports();
  return { ok: true, message: 'The draft was discarded. It stays in the audit log.' };
});

/** Creates the seminar and its recommendations; the page then goes to them in the list. */
export const confirmDraftAction = authedAction(withJsonFields(confirmImportDraftSchema, ['seminar']), 'EDITOR', async (input, actor) => {
  const confirmed = await confirmImportDraft(db, input, actor);
  revalidateImports();
  for (const path of ['/recommendations', '/seminars', '/dashboard']) revalidatePath(path);
  const count = confirmed.recommendations.length;
  return {
    ok: true,
    message: `${confirmed.seminar.title}: ${count} ${count === 1 ? 'recommendation' : 'recommendations'} added (${confirmed.seminar.codePrefix}).`,
    values: { href: recommendationsHref({ seminar: [confirmed.seminar.id], theme: [], sector: [] }) },
  };
});
