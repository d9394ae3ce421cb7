import type { ReportItemFacts } from './read-report-items';
import { ListHead } from './list-head';
import type { ReportHighlights, ReportItem, ReportItemLists } from './report-types';

type Activity = { changed: number; stale: number; overdue: number };

/**
 * What the report says about its items, gathered as they are read chunk by chunk
 * (readReportItems), so no summary needs the whole list at once: the headline's changed, stale
 * and overdue counts now and a quarter ago, each owner sector's counts, and the three lists the
 * PDF and the print page show (their first rows, with their lengths). The counts come from the same
 * rows as the workbook's "All items" table, so the two agree by construction.
 */
export class ReportItemSummary {
  readonly now: Activity = { changed: 0, stale: 0, overdue: 0 };
  readonly before: Activity = { changed: 0, stale: 0, overdue: 0 };
  readonly #bySector = new Map<string, Activity>();
  readonly #becameStale = new ListHead<ReportItem>();
  readonly #becameOverdue = new ListHead<ReportItem>();
  readonly #unchanged = new ListHead<ReportItem>();
  readonly #newlyImplemented = new ListHead<ReportItem>();
  readonly #newlyStalled = new ListHead<ReportItem>();

  add(chunk: ReportItemFacts[]): void {
    for (const facts of chunk) {
      const { item } = facts;
      const changed = item.changesInQuarter > 0;
      count(this.now, changed, item.stale, item.overdue);
      count(this.before, facts.changedInPreviousQuarter, facts.staleBefore, facts.overdueBefore);
      for (const sectorId of facts.sectorIds) {
        let sector = this.#bySector.get(sectorId);
        if (!sector) this.#bySector.set(sectorId, (sector = { changed: 0, stale: 0, overdue: 0 }));
        count(sector, changed, item.stale, item.overdue);
      }
      if (item.becameStale) this.#becameStale.add(item);
      if (item.becameOverdue) this.#becameOverdue.add(item);
      if (item.noChangeSinceSeminar) this.#unchanged.add(item);
      if (item.status === 'IMPLEMENTED' && item.previousStatus !== 'IMPLEMENTED') this.#newlyImplemented.add(item);
      if (item.status === 'STALLED' && item.previousStatus !== 'STALLED') this.#newlyStalled.add(item);
    }
  }

  /** An owner sector's items changed, stale and overdue on the report's day. */
  sector(sectorId: string): Activity {
    return this.#bySector.get(sectorId) ?? { changed: 0, stale: 0, overdue: 0 };
  }

  lists(): ReportItemLists {
    return { becameStale: this.#becameStale.list, becameOverdue: this.#becameOverdue.list, unchanged: this.#unchanged.list };
  }

  /** The cover's news: status now implemented (or stalled) and not so at the end of the previous quarter. */
  highlights(): ReportHighlights {
    return { newlyImplemented: this.#newlyImplemented.list, newlyStalled: this.#newlyStalled.list };
  }
}

function count(activity: Activity, changed: boolean, stale: boolean, overdue: boolean): void {
  if (changed) activity.changed += 1;
  if (stale) activity.stale += 1;
  if (overdue) activity.overdue += 1;
}
