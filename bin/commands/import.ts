// `tracker import FILE`: a seminar report (PDF, DOCX or text) into the tracker, as the web import
// does it (lib/import): by default saved as a draft to review in the browser; with --dry-run only
// shown; with --confirm imported at once. Progress goes to stderr, results to stdout. A file the
// importer refuses, or a refusal of the operation, is one line on stderr and a non-zero exit.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createClient, type Db } from '../../lib/db/client';
import { SYSTEM_ACTOR } from '../../lib/auth/actor';
import { DomainError } from '../../lib/errors';
import { confirmImportDraft } from '../../lib/import/confirm-import-draft';
import { createImportDraft } from '../../lib/import/create-import-draft';
import type { ImportDraftView } from '../../lib/import/draft-types';
import { describeImportFileError, ImportFileError } from '../../lib/import/extract';
import { prepareImport, type ImportStep } from '../../lib/import/prepare-import';
import { updateImportDraft } from '../../lib/import/update-import-draft';
import { SEMINAR_KINDS } from '../../lib/seminars/kinds';
import { refreshDisplaySettings } from '../../lib/settings/display-settings-cache';
import { confirmImportDraftSchema } from '../../lib/validations/import-draft';
import { parseDateOnly } from '../../lib/dates';

export type ImportOptions = {
  dryRun?: boolean;
  json?: boolean;
  confirm?: boolean;
  title?: string;
  date?: string;
  kind?: string;
  venue?: string;
  organiser?: string;
  /** Slugs (or ids): the primary theme and owner sectors of items that have no suggested one. */
  theme?: string;
  sector: string[];
};

const STEP_LINE: Record<ImportStep, string> = {
  extracting: 'Extracting the text…',
  parsing: 'Finding the recommendations…',
  suggesting: 'Suggesting themes, sectors and related items…',
  saving: 'Saving…',
};

const progress = (line: string) => console.error(line);
const fail = (message: string, code = 1) => {
  console.error(`error: ${message}`);
  process.exitCode = code;
};

export function reviewUrl(draftId: string, env: Record<string, string | undefined> = process.env): string {
  const base = (env.NEXTAUTH_URL?.trim() || 'http://localhost:3000').replace(/\/+$/, '');
  return `${base}/imports/${draftId}`;
}

export async function runImport(url: string, file: string, options: ImportOptions): Promise<void> {
  // What the flags can be checked for before anything is read.
  if (options.kind && !(SEMINAR_KINDS as readonly string[]).includes(options.kind.toUpperCase())) {
    return fail(`--kind ${options.kind}: choose one of ${SEMINAR_KINDS.join(', ')}.`, 2);
  }
  if (options.date && !parseDateOnly(options.date)) return fail(`--date ${options.date}: give a real date as YYYY-MM-DD.`, 2);
  if (options.confirm && options.dryRun) return fail('--confirm and --dry-run do not go together: choose one.', 2);
  if (options.confirm && !options.kind)
    return fail('--confirm needs --kind (one of ' + SEMINAR_KINDS.join(', ') + '): a report does not say what kind of event it was.', 2);

  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(
      code === 'ENOENT' ? `${file}: no such file.` : code === 'EISDIR' ? `${file} is a folder, not a file.` : `${file} could not be read (${code ?? 'error'}).`,
      2,
    );
  }
  const source = { bytes, fileName: path.basename(file) };
  const onStep = (step: ImportStep) => progress(STEP_LINE[step]);

  try {
    if (options.dryRun) {
      const prepared = await prepareImport(null, source, { onStep });
      const seminar = { ...prepared.seminar, ...flagSeminar(options) };
      const recommendations = prepared.items.map(({ text, start, end, lineStart, lineEnd }) => ({ text, start, end, lineStart, lineEnd }));
      if (options.json) {
        console.log(JSON.stringify({ seminar, recommendations, warnings: prepared.warnings }, null, 2));
      } else {
        console.log(`${seminar.title || '(no title found)'} — ${seminar.date ?? 'no date found'}${seminar.venue ? `, ${seminar.venue}` : ''}`);
        recommendations.forEach((item, index) => console.log(`${String(index + 1).padStart(3)}. [lines ${item.lineStart}–${item.lineEnd}] ${item.text}`));
        for (const warning of prepared.warnings) progress(`warning: ${warning}`);
        progress(`${recommendations.length} recommendation${recommendations.length === 1 ? '' : 's'} found; nothing was saved (--dry-run).`);
      }
      return;
    }

    const db = createClient(url);
    try {
      await refreshDisplaySettings(db);
      let draft = await createImportDraft(db, source, SYSTEM_ACTOR, { onStep });
      for (const warning of draft.warnings) progress(`warning: ${warning}`);
      draft = await applyFlags(db, draft, options);
      if (!options.confirm) {
        const address = reviewUrl(draft.id);
        if (options.json)
          console.log(JSON.stringify({ draftId: draft.id, url: address, recommendations: draft.items.length, seminar: draft.seminar }, null, 2));
        else
          console.log(`Saved a draft with ${draft.items.length} recommendation${draft.items.length === 1 ? '' : 's'}. Review and confirm it at:\n${address}`);
        return;
      }
      await confirmDraft(db, draft, options);
    } finally {
      await db.$disconnect();
    }
  } catch (error) {
    if (error instanceof ImportFileError) return fail(`${file}: ${describeImportFileError(error)}`);
    if (error instanceof DomainError) return fail(error.message);
    throw error;
  }
}

function flagSeminar(options: ImportOptions) {
  return {
    ...(options.title ? { title: options.title.trim() } : {}),
    ...(options.date ? { date: options.date } : {}),
    ...(options.kind ? { kind: options.kind.toUpperCase() } : {}),
    ...(options.venue ? { venue: options.venue.trim() } : {}),
    ...(options.organiser ? { organiser: options.organiser.trim() } : {}),
  };
}

async function findTerm(db: Db, kind: 'theme' | 'sector', value: string): Promise<string> {
  const where = { OR: [{ id: value }, { slug: value }], mergedIntoId: null };
  const row = kind === 'theme' ? await db.theme.findFirst({ where, select: { id: true } }) : await db.sector.findFirst({ where, select: { id: true } });
  if (!row) throw new DomainError('invalid_reference', `--${kind} ${value}: no ${kind} has this slug or id.`);
  return row.id;
}

/** The seminar flags, and --theme/--sector for items without a suggested one, saved into the draft. */
async function applyFlags(db: Db, draft: ImportDraftView, options: ImportOptions): Promise<ImportDraftView> {
  const seminar = flagSeminar(options);
  const themeId = options.theme ? await findTerm(db, 'theme', options.theme) : null;
  const sectorIds = await Promise.all(options.sector.map((value) => findTerm(db, 'sector', value)));
  if (Object.keys(seminar).length === 0 && !themeId && sectorIds.length === 0) return draft;
  return updateImportDraft(
    db,
    {
      draftId: draft.id,
      expectedVersion: draft.version,
      seminar: { ...draft.seminar, ...seminar, kind: (seminar.kind ?? draft.seminar.kind) as (typeof SEMINAR_KINDS)[number] | null },
      items: draft.items.map((item) => ({
        ...item,
        themeId: item.themeId ?? themeId,
        sectorIds: item.sectorIds.length > 0 ? item.sectorIds : sectorIds,
      })),
    },
    SYSTEM_ACTOR,
  );
}

async function confirmDraft(db: Db, draft: ImportDraftView, options: ImportOptions): Promise<void> {
  const address = reviewUrl(draft.id);
  const parsed = confirmImportDraftSchema.safeParse({ draftId: draft.id, expectedVersion: draft.version, seminar: draft.seminar });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path.at(-1) ?? 'seminar');
      fail(`the seminar's ${field} is missing or wrong (${issue.message}): pass --${field}.`);
    }
    progress(`The draft is saved: finish it at ${address}`);
    return;
  }
  const untyped = draft.items.filter((item) => !item.themeId).length;
  if (untyped > 0) {
    fail(`${untyped} of ${draft.items.length} recommendations have no primary theme: pass --theme SLUG for them.`);
    progress(`The draft is saved: finish it at ${address}`);
    return;
  }
  if (draft.items.length === 0) {
    fail('no recommendations were found, so there is nothing to import.');
    progress(`The draft is saved: mark them by hand at ${address}`);
    return;
  }
  progress('Creating the seminar and its recommendations…');
  const confirmed = await confirmImportDraft(db, parsed.data, SYSTEM_ACTOR);
  if (options.json) {
    console.log(JSON.stringify(confirmed, null, 2));
  } else {
    const codes = confirmed.recommendations.map((item) => item.code);
    console.log(
      `Imported “${confirmed.seminar.title}” (${confirmed.seminar.date}) with ${codes.length} recommendation${codes.length === 1 ? '' : 's'}: ${codes[0]}${codes.length > 1 ? ` to ${codes.at(-1)}` : ''}.`,
    );
  }
}
