// The report's "as of": which history a quarterly summary reads. One definition, used by every
// section, so the sections cannot disagree about what "in the quarter" means.
import { today } from '@/lib/dates';
import { recordedCutOf } from '@/lib/progress/history-sql';
import { previousQuarter, quarterEnd, quarterStart, type Quarter } from '@/lib/progress/quarters';

export type ReportCut = {
  quarter: Quarter;
  previous: Quarter;
  start: Date;
  end: Date;
  /** The day everything is read on: the quarter's last day, or today while the quarter is in progress. */
  day: Date;
  /** False while the quarter is still in progress (its figures are as of today). */
  complete: boolean;
  previousStart: Date;
  previousEnd: Date;
  /**
   * The history is cut by EFFECTIVE date at `day`, but read as recorded up to the generation day:
   * a change entered late and back-dated into the quarter is included (the issue asks for that),
   * while anything that takes effect after the quarter is not. So a report for a past quarter is
   * the same whenever it is generated, unless someone back-dates a change into it.
   * `historyAsOf` is the as-of day handed to lib/progress (which cuts recordings at the end of
   * that day); `recordedBefore` is that same cut for this folder's own queries.
   */
  historyAsOf: Date;
  recordedBefore: Date;
};

export function reportCut(quarter: Quarter, now: Date): ReportCut {
  const generationDay = today(now);
  const end = quarterEnd(quarter);
  const previous = previousQuarter(quarter);
  const complete = generationDay.getTime() > end.getTime();
  const day = complete ? end : generationDay;
  return {
    quarter,
    previous,
    start: quarterStart(quarter),
    end,
    day,
    complete,
    previousStart: quarterStart(previous),
    previousEnd: quarterEnd(previous),
    historyAsOf: generationDay,
    recordedBefore: recordedCutOf(generationDay),
  };
}
