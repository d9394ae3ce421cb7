// The corpus's loader and matching rule (see README.md, "The matching rule"), shared by
// lib/import/corpus.test.ts (the TXT form) and lib/import/corpus-formats.test.ts (PDF and DOCX).

import { readFileSync } from 'node:fs';

/** An item matches an expected one when their similarity is at least this. */
export const MATCH_THRESHOLD = 0.9;

export type ManifestEntry = {
  slug: string;
  title: string;
  kind: string;
  derivedFrom?: string;
  features: string[];
};

export type Fixture = ManifestEntry & { source: string; expected: string[] };

export const CORPUS_DIR = new URL('./', import.meta.url);
export const readCorpusFile = (file: string) => readFileSync(new URL(file, CORPUS_DIR), 'utf8');

/** Every fixture of the manifest, with its text and expected items. */
export function loadFixtures(): Fixture[] {
  const manifest = JSON.parse(readCorpusFile('manifest.json')) as { fixtures: ManifestEntry[] };
  return manifest.fixtures.map((entry) => ({
    ...entry,
    source: readCorpusFile(`${entry.slug}.txt`),
    expected: (JSON.parse(readCorpusFile(`${entry.slug}.expected.json`)) as { recommendations: string[] }).recommendations,
  }));
}

export const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Levenshtein distance of a and b, or Infinity when it exceeds `max` (only a band of
 * width 2·max+1 around the diagonal is computed, so long items stay cheap).
 */
export function boundedLevenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return Infinity;
  const INF = max + 1;
  let prev = new Array<number>(b.length + 1);
  let curr = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j <= max ? j : INF;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    curr.fill(INF);
    curr[0] = i <= max ? i : INF;
    let rowMin = curr[0];
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min((prev[j - 1] ?? INF) + cost, (prev[j] ?? INF) + 1, (curr[j - 1] ?? INF) + 1);
      curr[j] = Math.min(value, INF);
      rowMin = Math.min(rowMin, curr[j] ?? INF);
    }
    if (rowMin > max) return Infinity;
    [prev, curr] = [curr, prev];
  }
  const d = prev[b.length] ?? INF;
  return d > max ? Infinity : d;
}

/** 1 − normalised edit distance on whitespace-collapsed text; 0 when below the threshold. */
export function similarity(a: string, b: string): number {
  const x = collapse(a);
  const y = collapse(b);
  const longest = Math.max(x.length, y.length);
  if (longest === 0) return 1;
  const d = boundedLevenshtein(x, y, Math.floor(longest * (1 - MATCH_THRESHOLD) + 1e-9));
  return d === Infinity ? 0 : 1 - d / longest;
}

/** One-to-one matching, greedy by best similarity; pairs below the threshold never match. */
export function match(predicted: string[], expected: string[]): { matched: number; pairs: [number, number, number][] } {
  const candidates: [number, number, number][] = [];
  predicted.forEach((p, i) =>
    expected.forEach((e, j) => {
      const s = similarity(p, e);
      if (s >= MATCH_THRESHOLD) candidates.push([s, i, j]);
    }),
  );
  candidates.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const usedP = new Set<number>();
  const usedE = new Set<number>();
  const pairs: [number, number, number][] = [];
  for (const [s, i, j] of candidates) {
    if (usedP.has(i) || usedE.has(j)) continue;
    usedP.add(i);
    usedE.add(j);
    pairs.push([s, i, j]);
  }
  return { matched: pairs.length, pairs };
}

export const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

export type Scored = { expected: string[]; predicted: number; matched: number };

/** Micro-averaged counts, recall and precision over some scored fixtures. */
export function totals(rows: Scored[]) {
  const matched = rows.reduce((s, r) => s + r.matched, 0);
  const expected = rows.reduce((s, r) => s + r.expected.length, 0);
  const predicted = rows.reduce((s, r) => s + r.predicted, 0);
  return { matched, expected, predicted, recall: ratio(matched, expected), precision: ratio(matched, predicted) };
}

/** One line of a per-fixture table. */
export function tableRow(r: Scored & { slug: string; kind: string }): string {
  const pct = (x: number) => `${(100 * x).toFixed(0)}%`.padStart(5);
  return (
    `${r.slug.padEnd(62)} ${r.kind.padEnd(30)} exp ${String(r.expected.length).padStart(2)}  got ${String(r.predicted).padStart(2)}  ` +
    `ok ${String(r.matched).padStart(2)}  R ${pct(ratio(r.matched, r.expected.length))}  P ${pct(ratio(r.matched, r.predicted))}`
  );
}
