// What a report import looks like while an editor reviews it (issue 24): the shapes the review
// screen, the API and the CLI share. A draft is staff work in progress, stored as one ImportDraft row
// (prisma/schema.prisma) until it is confirmed (a seminar and its recommendations are created) or
// discarded. Plain data only: client components may import these types.

/** One proposed recommendation. */
export type DraftItem = {
  /** Stable client key (cuid/uuid), kept across edits. */
  key: string;
  /** The item's text as the editor has it (verbatim from the source unless edited). */
  text: string;
  /** Span [start, end) in sourceText; both null when the editor typed text that is not in the source. */
  start: number | null;
  end: number | null;
  /** The chosen primary theme (starts as the suggestion). */
  themeId: string | null;
  sectorIds: string[];
  /** What lib/import/suggest proposed when the draft was made; null when nothing was suggested. */
  suggestion: {
    themeId: string | null;
    themeConfidence: number;
    sectors: { id: string; confidence: number }[];
    related: { id: string; code: string; title: string; score: number }[];
  } | null;
  /** Related existing recommendations the editor accepted as links (created on confirm). */
  acceptedRelatedIds: string[];
};

/** The seminar as the draft proposes it; `kind` is one of SEMINAR_KINDS (lib/seminars/kinds.ts), date YYYY-MM-DD. */
export type DraftSeminar = { title: string; kind: string | null; date: string | null; venue: string | null; organiser: string | null };

export const IMPORT_DRAFT_STATUSES = ['DRAFT', 'CONFIRMED', 'DISCARDED'] as const;
export type ImportDraftStatus = (typeof IMPORT_DRAFT_STATUSES)[number];

export type ImportSourceFormat = 'pdf' | 'docx' | 'txt' | 'paste';

export type ImportDraftView = {
  id: string;
  version: number;
  status: ImportDraftStatus;
  /** Who started the draft; id null for the command line. */
  createdBy: { id: string | null; name: string };
  /** ISO 8601 instants. */
  createdAt: string;
  updatedAt: string;
  sourceFileName: string | null;
  sourceFormat: ImportSourceFormat;
  sourceText: string;
  seminar: DraftSeminar;
  items: DraftItem[];
  /** What the extraction or the parser want the editor to know (e.g. pages without text). */
  warnings: string[];
  confirmedSeminar: { id: string; codePrefix: string } | null;
};

export type ImportDraftSummary = Pick<ImportDraftView, 'id' | 'status' | 'createdBy' | 'createdAt' | 'updatedAt' | 'sourceFileName'> & {
  title: string;
  itemCount: number;
};

/** What confirming a draft created. */
export type ConfirmedImport = {
  draftId: string;
  seminar: { id: string; codePrefix: string; title: string; date: string };
  recommendations: { id: string; code: string; title: string }[];
  links: number;
};
