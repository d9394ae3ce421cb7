import type { ProgressLine } from '@/lib/progress/chart-data';

/** What a missing figure ("–") means for a theme in the last quarter: why no progress can be given. */
export function noFigureText(line: ProgressLine, last: number): string {
  return (line.items[last] ?? 0) > 0 ? 'no figure: all no longer relevant' : 'no figure: none tracked yet';
}
