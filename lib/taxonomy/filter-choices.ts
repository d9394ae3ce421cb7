import type { Db } from '@/lib/db';
import { dataVersionCache } from '@/lib/cache/data-version-cache';
import { listSeminarChoices, type SeminarChoices } from '@/lib/seminars/list-seminar-options';
import { listTermsForFilters, type TermOption } from './list-terms-for-filters';

/** What the filter forms of the list, the dashboard and the quarterly summary offer. */
export type FilterChoices = { seminars: SeminarChoices; themes: TermOption[]; sectors: TermOption[] };

/** The recent and the chosen seminars (listSeminarChoices), and the themes and sectors on offer: four small reads. */
export async function loadFilterChoices(db: Db, chosenSeminars: string[]): Promise<FilterChoices> {
  const [seminars, themes, sectors] = await Promise.all([
    listSeminarChoices(db, chosenSeminars),
    listTermsForFilters(db, 'theme'),
    listTermsForFilters(db, 'sector'),
  ]);
  return { seminars, themes, sectors };
}

// One entry per set of chosen seminars: nearly every view chooses none.
const cachedFilterChoices = dataVersionCache<FilterChoices>('filter-choices-cache', 32);

/**
 * loadFilterChoices, computed once per data version (lib/cache/data-version-cache.ts): the choices
 * change only when someone edits the vocabulary or the seminars, and a page of the list otherwise
 * reads them on every view.
 */
export function getFilterChoices(db: Db, chosenSeminars: string[]): Promise<FilterChoices> {
  return cachedFilterChoices(db, JSON.stringify([...chosenSeminars].sort()), () => loadFilterChoices(db, chosenSeminars));
}
