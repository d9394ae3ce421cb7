import type { SeminarOption } from '@/lib/seminars/list-seminar-options';
import type { TermOption } from '@/lib/taxonomy/list-terms-for-filters';

/** What the filter pickers offer, loaded once by the page: the recent and chosen seminars (listSeminarChoices) of `seminarTotal`. */
export type FilterOptions = { seminars: SeminarOption[]; seminarTotal: number; themes: TermOption[]; sectors: TermOption[] };
