import type { SeminarOption } from '@/lib/seminars/list-seminar-options';
import type { TermOption } from '@/lib/taxonomy/list-terms-for-filters';

/** What the filter pickers offer, loaded once by the page. */
export type FilterOptions = { seminars: SeminarOption[]; themes: TermOption[]; sectors: TermOption[] };
