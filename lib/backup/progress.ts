// Progress of a backup or restore, a table at a time; the command line prints it on stderr.
export type TableProgress = { table: string; done: number; total: number };
export type ProgressReporter = (progress: TableProgress) => void;

/**
 * Prints a table's progress: when it starts, at most every `intervalMs` while it goes on, and
 * when it is done.
 */
export function progressPrinter(verb: string, print: (line: string) => void = (line) => console.error(line), intervalMs = 2_000): ProgressReporter {
  let last = 0;
  return ({ table, done, total }) => {
    const now = Date.now();
    const finished = done >= total;
    if (done > 0 && !finished && now - last < intervalMs) return;
    if (done === 0 && total > 0) {
      last = now;
      return;
    }
    last = now;
    print(`  ${verb} ${table}: ${done.toLocaleString('en')} of ${total.toLocaleString('en')} rows`);
  };
}
