// The read-only half of an import: extract the text, find the recommendations and the seminar's
// metadata, ask for suggestions. Writes nothing, so the CLI's --dry-run uses it as it is, and
// create-import-draft.ts saves what it returns.
import { randomUUID } from 'node:crypto';
import type { Db } from '@/lib/db';
import { SEMINAR_TITLE_MAX, SEMINAR_PLACE_MAX } from '@/lib/validations/seminar';
import { DRAFT_ITEMS_MAX, DRAFT_ITEM_TEXT_MAX, PASTED_TEXT_MAX } from '@/lib/validations/import-draft';
import { extractReportText, IMPORT_LIMITS, type ImportLimits } from './extract';
import { importFileError } from './extract/errors';
import { normalizeText } from './extract/text';
import { parseRecommendations, parseReportMetadata } from './parse-report';
import { suggestForTexts } from './suggest';
import type { DraftItem, DraftSeminar, ImportSourceFormat } from './draft-types';

/** A file as uploaded, or pasted text. */
export type ImportSource = { bytes: Uint8Array; fileName?: string | null; contentType?: string | null } | { text: string; fileName?: string | null };

/** The long steps, for a progress line (the CLI prints them on stderr). */
export type ImportStep = 'extracting' | 'parsing' | 'suggesting' | 'saving';
export type ImportOptions = { onStep?: (step: ImportStep) => void; limits?: ImportLimits; suggest?: boolean };

export type PreparedImport = {
  sourceFileName: string | null;
  sourceFormat: ImportSourceFormat;
  sourceText: string;
  seminar: DraftSeminar;
  /** With the parser's line numbers, which the CLI's dry run shows. */
  items: (DraftItem & { lineStart: number | null; lineEnd: number | null })[];
  warnings: string[];
};

const clip = (text: string | null, max: number) => (text ? text.slice(0, max).trim() || null : null);

/** `db` is only read for suggestions: pass null (or suggest: false) to touch no database at all. */
export async function prepareImport(db: Db | null, source: ImportSource, options: ImportOptions = {}): Promise<PreparedImport> {
  const limits = options.limits ?? IMPORT_LIMITS;
  options.onStep?.('extracting');
  let sourceText: string;
  let sourceFormat: ImportSourceFormat;
  let warnings: string[] = [];
  if ('bytes' in source) {
    const extracted = await extractReportText(
      { bytes: source.bytes, fileName: source.fileName ?? undefined, contentType: source.contentType ?? undefined },
      limits,
    );
    sourceText = extracted.text;
    sourceFormat = extracted.format;
    warnings = extracted.warnings;
  } else {
    sourceText = normalizeText(source.text);
    sourceFormat = 'paste';
    if (sourceText.trim() === '') throw importFileError('empty_file');
    if (sourceText.length > Math.min(limits.maxTextChars, PASTED_TEXT_MAX)) {
      throw importFileError('too_large', { what: 'text', limit: `${Math.min(limits.maxTextChars, PASTED_TEXT_MAX).toLocaleString('en')} characters` });
    }
  }

  options.onStep?.('parsing');
  const parsed = parseRecommendations(sourceText);
  const metadata = parseReportMetadata(sourceText);
  if (parsed.length === 0) warnings.push('No recommendations were found in the text. Mark them by hand, or check that this is the right report.');
  if (parsed.length > DRAFT_ITEMS_MAX) warnings.push(`The report seems to have ${parsed.length} recommendations; only the first ${DRAFT_ITEMS_MAX} are kept.`);
  const kept = parsed.slice(0, DRAFT_ITEMS_MAX).map((item) => ({ ...item, text: item.text.slice(0, DRAFT_ITEM_TEXT_MAX) }));

  let suggestions: Awaited<ReturnType<typeof suggestForTexts>> = [];
  if (db && options.suggest !== false && kept.length > 0) {
    options.onStep?.('suggesting');
    suggestions = await suggestForTexts(
      db,
      kept.map((item) => item.text),
    );
  }

  const items = kept.map((item, index) => {
    const suggestion = suggestions[index] ?? null;
    return {
      key: randomUUID(),
      text: item.text,
      start: item.start,
      end: item.end,
      lineStart: item.lineStart,
      lineEnd: item.lineEnd,
      themeId: suggestion?.themeId ?? null,
      sectorIds: suggestion ? suggestion.sectors.filter((sector) => sector.confidence >= 0.5).map((sector) => sector.id) : [],
      suggestion,
      acceptedRelatedIds: [],
    };
  });

  return {
    sourceFileName: clip(source.fileName ?? null, 255),
    sourceFormat,
    sourceText,
    seminar: {
      title: clip(metadata.title, SEMINAR_TITLE_MAX) ?? '',
      kind: null,
      date: metadata.date,
      venue: clip(metadata.venue, SEMINAR_PLACE_MAX),
      organiser: null,
    },
    items,
    warnings,
  };
}
