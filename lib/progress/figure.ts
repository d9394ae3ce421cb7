/** A figure on a day and at the end of the quarter before, and the difference (the dashboard's and the report's headline). */
export type Figure<T extends number | null = number> = { previous: T; current: T; change: T };

/** Arguments in time order: the earlier value first. */
export function figure(previous: number, current: number): Figure {
  return { previous, current, change: current - previous };
}

/** Progress may be null (no item counts) on either day; then so is the change. */
export function progressFigure(previous: number | null, current: number | null): Figure<number | null> {
  return { previous, current, change: previous !== null && current !== null ? current - previous : null };
}
