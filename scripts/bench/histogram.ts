// Latency histogram with log-spaced buckets (1% wide, from 10 µs to ~16 min): constant memory
// whatever the number of requests, percentiles within 1%. Serialisable, so the load process can
// send it back to the runner.
const MIN_MS = 0.01;
const GROWTH = 1.01;
const BUCKETS = 1_850;
const LOG_GROWTH = Math.log(GROWTH);

export type HistogramData = { counts: number[]; count: number; sum: number; min: number; max: number };

export class Histogram {
  private counts = new Array<number>(BUCKETS).fill(0);
  count = 0;
  sum = 0;
  min = Infinity;
  max = 0;

  record(ms: number): void {
    const index = ms <= MIN_MS ? 0 : Math.min(BUCKETS - 1, Math.ceil(Math.log(ms / MIN_MS) / LOG_GROWTH));
    this.counts[index]! += 1;
    this.count += 1;
    this.sum += ms;
    this.min = Math.min(this.min, ms);
    this.max = Math.max(this.max, ms);
  }

  /** The smallest recorded bound below which `p` percent of the samples fall (upper bucket edge, capped at max). */
  percentile(p: number): number {
    if (this.count === 0) return NaN;
    const rank = Math.ceil((p / 100) * this.count);
    let seen = 0;
    for (let index = 0; index < BUCKETS; index += 1) {
      seen += this.counts[index]!;
      if (seen >= rank) return Math.min(this.max, Math.max(this.min, MIN_MS * GROWTH ** index));
    }
    return this.max;
  }

  mean(): number {
    return this.count === 0 ? NaN : this.sum / this.count;
  }

  toJSON(): HistogramData {
    return { counts: this.counts, count: this.count, sum: this.sum, min: this.min, max: this.max };
  }

  static from(data: HistogramData): Histogram {
    const histogram = new Histogram();
    histogram.counts = [...data.counts];
    histogram.count = data.count;
    histogram.sum = data.sum;
    histogram.min = data.min ?? Infinity;
    histogram.max = data.max;
    return histogram;
  }
}
