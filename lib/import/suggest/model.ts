// The suggestion model, learned from the items already classified. Pure: no I/O (load.ts reads the
// database into it). Built once per data version (load.ts), then asked for any number of texts.
//
// Terms: stems and adjacent-stem bigrams, hashed into buckets (tokenize.ts). One inverted index
// (term -> items, each with the term's count and TF-IDF weight there) serves all three parts, and a
// text is answered in one pass over the postings of its own terms:
//
// - Theme: multinomial naive Bayes over the terms, with Laplace smoothing (THEME_ALPHA); a term's
//   count per theme is summed from its postings (so the model keeps no per-theme tables). Only
//   terms seen in training count (an unknown word says nothing about any theme; smoothing it would
//   favour the theme with the fewest words). A text's terms are counted once each, and their
//   summed log-likelihood is scaled down past THEME_EVIDENCE_TERMS terms: naive Bayes treats
//   overlapping words and bigrams as independent evidence and so is overconfident on long texts.
//   The posterior of the top theme is then made honest for thin evidence (see themeConfidence).
// - Related: TF-IDF cosine similarity (weight (1 + ln tf) * ln(1 + N / df), vectors of unit length)
//   against every training item, accumulated from the postings: a text costs the postings of its
//   own terms, not a scan of every item.
// - Sectors: multi-label k nearest neighbours: the sectors of the RELATED_NEIGHBOURS most similar
//   items (by the same cosine, any seminar), each weighted by its similarity.
import { hashedTerms, TERM_BUCKETS } from './tokenize';

/** Laplace smoothing of the theme's term probabilities. */
export const THEME_ALPHA = 1;
/** A text's summed theme log-likelihood counts as at most this many independent terms. */
export const THEME_EVIDENCE_TERMS = 10;
/** A term in more than this share of the items is not "informative" for the confidence's evidence count. */
export const INFORMATIVE_MAX_DF_SHARE = 0.5;
/** Items nearest to the text whose sectors are counted. */
export const SECTOR_NEIGHBOURS = 10;
/** A neighbour must be at least this similar to count for sectors. */
export const SECTOR_MIN_SIMILARITY = 0.1;
/** Added to the neighbours' summed similarity in the sector confidence's denominator: few or weak neighbours, low confidence. */
export const SECTOR_EVIDENCE_PRIOR = 0.5;
/** Sectors suggested at or above this confidence, at most MAX_SECTORS. */
export const SECTOR_MIN_CONFIDENCE = 0.3;
export const MAX_SECTORS = 4;
/**
 * Related items at or above this cosine. A paraphrase of an item scores about 0.3 to 0.6, the same
 * text 1; unrelated items on the same broad topic (sharing "trade" and "border") stay below.
 */
export const RELATED_MIN_SCORE = 0.25;

export type TrainingItem = {
  id: string;
  code: string;
  title: string;
  seminarId: string;
  /** What the model reads: the title and the text. */
  text: string;
  /** The primary theme, already mapped to its surviving theme if merged. */
  themeId: string;
  /** Owner sectors, already mapped to their survivors and without repeats. */
  sectorIds: string[];
};

export type ThemeGuess = { themeId: string | null; confidence: number };
export type Neighbour = { index: number; score: number };
/** What `analyse` returns besides the theme: two lists of similar items, each best first (ties by load order). */
export type SimilarOptions = {
  /** The nearest items of any seminar (for the sectors): at most this many, ... */
  neighbours: number;
  /** ... each at least this similar. */
  minNeighbourScore: number;
  /** The most similar items that `skip` does not refuse (the related items): at most this many, ... */
  related: number;
  /** ... each at least this similar. */
  minRelatedScore: number;
  skip?: (index: number) => boolean;
};
export type Analysis = { theme: ThemeGuess; neighbours: Neighbour[]; related: Neighbour[] };

/** The best `k` of the items offered, by score, ties to the lower index; insertion into a short sorted list. */
class TopK {
  private readonly indexes: Int32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(private readonly k: number) {
    this.indexes = new Int32Array(k);
    this.scores = new Float64Array(k);
  }

  /** Whether an item scoring `score` would get in (cheap: most items do not). */
  wants(index: number, score: number): boolean {
    if (this.size < this.k) return true;
    if (this.k === 0) return false;
    const last = this.scores[this.k - 1]!;
    return score > last || (score === last && index < this.indexes[this.k - 1]!);
  }

  offer(index: number, score: number): void {
    if (!this.wants(index, score)) return;
    let position = Math.min(this.size, this.k - 1);
    while (position > 0) {
      const before = this.scores[position - 1]!;
      if (before > score || (before === score && this.indexes[position - 1]! < index)) break;
      this.scores[position] = before;
      this.indexes[position] = this.indexes[position - 1]!;
      position -= 1;
    }
    this.scores[position] = score;
    this.indexes[position] = index;
    if (this.size < this.k) this.size += 1;
  }

  list(): Neighbour[] {
    return Array.from({ length: this.size }, (_, position) => ({ index: this.indexes[position]!, score: this.scores[position]! }));
  }
}

function indexOf(map: Map<string, number>, list: string[], key: string): number {
  let index = map.get(key);
  if (index === undefined) {
    index = list.length;
    map.set(key, index);
    list.push(key);
  }
  return index;
}

/** Collects the training items one at a time (only their terms' buckets and counts are kept), then builds the model. */
export class ModelBuilder {
  private readonly df = new Int32Array(TERM_BUCKETS);
  private readonly docTerms: Int32Array[] = [];
  private readonly docCounts: Uint16Array[] = [];
  private readonly ids: string[] = [];
  private readonly codes: string[] = [];
  private readonly titles: string[] = [];
  private readonly docSeminar: number[] = [];
  private readonly seminarIndex = new Map<string, number>();
  private readonly seminars: string[] = [];
  private readonly docTheme: number[] = [];
  private readonly docSectors: Int32Array[] = [];
  private readonly sectorIndex = new Map<string, number>();
  private readonly sectors: string[] = [];
  private readonly themeIndex = new Map<string, number>();
  private readonly themes: string[] = [];
  private readonly themeDocs: number[] = [];
  private readonly themeTotals: number[] = [];

  add(item: TrainingItem): void {
    const { counts } = hashedTerms(item.text);
    const termIds = new Int32Array(counts.size);
    const termTfs = new Uint16Array(counts.size);
    const theme = indexOf(this.themeIndex, this.themes, item.themeId);
    if (theme === this.themeDocs.length) {
      this.themeDocs.push(0);
      this.themeTotals.push(0);
    }
    this.themeDocs[theme]! += 1;
    let position = 0;
    let total = 0;
    for (const [term, count] of counts) {
      this.df[term]! += 1;
      termIds[position] = term;
      termTfs[position] = Math.min(count, 65_535);
      total += count;
      position += 1;
    }
    this.themeTotals[theme]! += total;
    this.docTerms.push(termIds);
    this.docCounts.push(termTfs);
    this.docTheme.push(theme);
    this.ids.push(item.id);
    this.codes.push(item.code);
    this.titles.push(item.title);
    this.docSeminar.push(indexOf(this.seminarIndex, this.seminars, item.seminarId));
    this.docSectors.push(Int32Array.from(item.sectorIds, (sectorId) => indexOf(this.sectorIndex, this.sectors, sectorId)));
  }

  build(): SuggestModel {
    const documents = this.ids.length;
    const df = this.df;
    let vocabulary = 0;
    // The inverted index in compressed rows: the postings of term t are [offsets[t], offsets[t + 1]).
    const offsets = new Int32Array(TERM_BUCKETS + 1);
    for (let term = 0; term < TERM_BUCKETS; term += 1) {
      if (df[term]! > 0) vocabulary += 1;
      offsets[term + 1] = offsets[term]! + df[term]!;
    }
    const postings = offsets[TERM_BUCKETS]!;
    const postingDocs = new Int32Array(postings);
    const postingTfs = new Uint16Array(postings);
    const postingWeights = new Float32Array(postings);
    const fill = offsets.slice(0, TERM_BUCKETS);
    for (let doc = 0; doc < documents; doc += 1) {
      const termIds = this.docTerms[doc]!;
      const tfs = this.docCounts[doc]!;
      const weights = new Float64Array(termIds.length);
      let norm = 0;
      for (let position = 0; position < termIds.length; position += 1) {
        const weight = (1 + Math.log(tfs[position]!)) * Math.log(1 + documents / df[termIds[position]!]!);
        weights[position] = weight;
        norm += weight * weight;
      }
      norm = Math.sqrt(norm) || 1;
      for (let position = 0; position < termIds.length; position += 1) {
        const slot = fill[termIds[position]!]!++;
        postingDocs[slot] = doc;
        postingTfs[slot] = tfs[position]!;
        postingWeights[slot] = weights[position]! / norm;
      }
      // Each item's own lists are not needed once in the index.
      this.docTerms[doc] = EMPTY;
      this.docCounts[doc] = EMPTY_COUNTS;
    }
    return new SuggestModel({
      df,
      vocabulary,
      offsets,
      postingDocs,
      postingTfs,
      postingWeights,
      ids: this.ids,
      codes: this.codes,
      titles: this.titles,
      docSeminar: Int32Array.from(this.docSeminar),
      seminarIndex: this.seminarIndex,
      docTheme: Int32Array.from(this.docTheme),
      docSectors: this.docSectors,
      sectors: this.sectors,
      themes: this.themes,
      themeDocs: this.themeDocs,
      themeTotals: this.themeTotals,
    });
  }
}

const EMPTY = new Int32Array(0);
const EMPTY_COUNTS = new Uint16Array(0);

type ModelData = {
  df: Int32Array;
  /** Distinct terms (buckets) seen in training: the smoothing's vocabulary size. */
  vocabulary: number;
  offsets: Int32Array;
  postingDocs: Int32Array;
  postingTfs: Uint16Array;
  postingWeights: Float32Array;
  ids: string[];
  codes: string[];
  titles: string[];
  docSeminar: Int32Array;
  seminarIndex: Map<string, number>;
  docTheme: Int32Array;
  docSectors: Int32Array[];
  sectors: string[];
  themes: string[];
  themeDocs: number[];
  themeTotals: number[];
};

export class SuggestModel {
  readonly size: number;
  private readonly scores: Float64Array;
  private readonly touched: Int32Array;
  private readonly themeCounts: Float64Array;

  constructor(private readonly data: ModelData) {
    this.size = data.ids.length;
    this.scores = new Float64Array(this.size);
    this.touched = new Int32Array(this.size);
    this.themeCounts = new Float64Array(data.themes.length);
  }

  private idf(term: number): number {
    return Math.log(1 + this.size / Math.max(1, this.data.df[term]!));
  }

  /**
   * The text's theme and the training items most similar to it (SimilarOptions), from one pass
   * over the postings of the text's terms; the similar items are then picked from those touched
   * without sorting them all (a text that shares only common words touches most items).
   */
  analyse(text: string, options: SimilarOptions): Analysis {
    const { df, offsets, postingDocs, postingTfs, postingWeights, docTheme, themes } = this.data;
    const { counts, unigrams } = hashedTerms(text);
    const themeCount = themes.length;
    const scores = this.scores;
    const touched = this.touched;
    const themeCounts = this.themeCounts;
    const logLikelihood = new Float64Array(themeCount);
    const informativeMax = Math.max(1, this.size * INFORMATIVE_MAX_DF_SHARE);
    // The text's TF-IDF vector's length counts its unseen terms too (as if in one item): a text that
    // adds much that no item says is that much less of a duplicate.
    let norm = 0;
    for (const [term, count] of counts) norm += ((1 + Math.log(count)) * this.idf(term)) ** 2;
    norm = Math.sqrt(norm);
    let known = 0;
    let informative = 0;
    let touchedCount = 0;
    for (const [term, count] of counts) {
      const start = offsets[term]!;
      const end = offsets[term + 1]!;
      if (start === end) continue;
      known += 1;
      if (unigrams.has(term) && df[term]! <= informativeMax) informative += 1;
      const weight = ((1 + Math.log(count)) * this.idf(term)) / norm;
      themeCounts.fill(0);
      for (let slot = start; slot < end; slot += 1) {
        const doc = postingDocs[slot]!;
        const before = scores[doc]!;
        if (before === 0) touched[touchedCount++] = doc;
        scores[doc] = before + weight * postingWeights[slot]!;
        const theme = docTheme[doc]!;
        themeCounts[theme] = themeCounts[theme]! + postingTfs[slot]!;
      }
      for (let theme = 0; theme < themeCount; theme += 1) logLikelihood[theme] = logLikelihood[theme]! + Math.log(themeCounts[theme]! + THEME_ALPHA);
    }
    const neighbours = new TopK(Math.max(0, options.neighbours));
    const related = new TopK(Math.max(0, options.related));
    for (let position = 0; position < touchedCount; position += 1) {
      const doc = touched[position]!;
      // Float32 weights can sum a hair past 1 for the same text.
      const score = Math.min(1, scores[doc]!);
      scores[doc] = 0;
      if (score >= options.minNeighbourScore) neighbours.offer(doc, score);
      if (score >= options.minRelatedScore && related.wants(doc, score) && !options.skip?.(doc)) related.offer(doc, score);
    }
    return { theme: this.themeGuess(logLikelihood, known, informative), neighbours: neighbours.list(), related: related.list() };
  }

  /**
   * The primary theme by naive Bayes, and how sure of it to be (0..1): the posterior of the top
   * theme, made honest for what it rests on:
   * - no informative word in common with the training items (one in at most half of them): no
   *   guess (null, 0);
   * - k informative shared words: the posterior is mixed with the uniform guess (1 / themes) by
   *   k / (k + 1), so one shared word cannot make it near-certain;
   * - a theme learned from n items: at most n / (n + 1) (Laplace's rule of succession), so two
   *   examples never give 0.99.
   * `logLikelihood` holds, per theme, the sum over the text's known terms of ln(count + alpha).
   */
  private themeGuess(logLikelihood: Float64Array, known: number, informative: number): ThemeGuess {
    const { themes, themeDocs, themeTotals, vocabulary } = this.data;
    const themeCount = themes.length;
    if (themeCount === 0 || informative === 0) return { themeId: null, confidence: 0 };
    const scale = Math.min(1, THEME_EVIDENCE_TERMS / known);
    const logPosterior = new Float64Array(themeCount);
    for (let theme = 0; theme < themeCount; theme += 1) {
      const terms = logLikelihood[theme]! - known * Math.log(themeTotals[theme]! + THEME_ALPHA * vocabulary);
      logPosterior[theme] = Math.log((themeDocs[theme]! + 1) / (this.size + themeCount)) + scale * terms;
    }
    const posterior = softmax(logPosterior);
    let best = 0;
    for (let theme = 1; theme < themeCount; theme += 1) if (posterior[theme]! > posterior[best]!) best = theme;
    const evidence = informative / (informative + 1);
    const mixed = evidence * posterior[best]! + (1 - evidence) / themeCount;
    const examples = themeDocs[best]!;
    return { themeId: themes[best]!, confidence: Math.min(mixed, examples / (examples + 1)) };
  }

  /**
   * Owner sectors from the nearest items: each sector's share of the neighbours' similarity,
   * times total / (total + SECTOR_EVIDENCE_PRIOR) so that one weak neighbour is not a sure thing.
   */
  sectors(neighbours: Neighbour[]): { id: string; confidence: number }[] {
    const { docSectors, sectors } = this.data;
    let total = 0;
    const weights = new Map<number, number>();
    for (const { index, score } of neighbours) {
      total += score;
      for (const sector of docSectors[index]!) weights.set(sector, (weights.get(sector) ?? 0) + score);
    }
    if (total === 0) return [];
    const evidence = total / (total + SECTOR_EVIDENCE_PRIOR);
    return [...weights]
      .map(([sector, weight]) => ({ id: sectors[sector]!, confidence: (weight / total) * evidence }))
      .filter((sector) => sector.confidence >= SECTOR_MIN_CONFIDENCE)
      .sort((a, b) => b.confidence - a.confidence || a.id.localeCompare(b.id))
      .slice(0, MAX_SECTORS);
  }

  item(index: number): { id: string; code: string; title: string } {
    return { id: this.data.ids[index]!, code: this.data.codes[index]!, title: this.data.titles[index]! };
  }

  /** A test of whether training item `index` belongs to seminar `seminarId`. */
  inSeminar(seminarId: string): (index: number) => boolean {
    const seminar = this.data.seminarIndex.get(seminarId);
    if (seminar === undefined) return () => false;
    const docSeminar = this.data.docSeminar;
    return (index) => docSeminar[index] === seminar;
  }
}

/** exp(x) / sum(exp(x)), computed without overflow. */
export function softmax(values: Float64Array | number[]): Float64Array {
  let max = -Infinity;
  for (const value of values) if (value > max) max = value;
  const result = new Float64Array(values.length);
  let sum = 0;
  for (let index = 0; index < values.length; index += 1) {
    const value = Math.exp(values[index]! - max);
    result[index] = value;
    sum += value;
  }
  for (let index = 0; index < values.length; index += 1) result[index] = result[index]! / sum;
  return result;
}
