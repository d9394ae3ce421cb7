// Progress for people watching a benchmark: one line per phase or step on stderr, so stdout keeps
// only the results (and, with --json, ends with the one JSON line).
const started = Date.now();

export function log(message: string): void {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[bench ${seconds}s] ${message}\n`);
}

/** Logs "label: n%" each time another `step` percent of `total` is done. */
export function percentLogger(label: string, total: number, step = 10): (done: number) => void {
  let next = step;
  return (done) => {
    if (total <= 0) return;
    const percent = Math.floor((done / total) * 100);
    if (percent < next && done < total) return;
    log(`${label}: ${Math.min(100, percent)}%`);
    next = (Math.floor(percent / step) + 1) * step;
  };
}
