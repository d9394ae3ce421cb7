// Text to terms for the suggestion model: lower-cased words, accents folded, English stopwords and
// numbers dropped, Porter-stemmed (the `stemmer` package), then the stems and each pair of adjacent
// stems ("water manag"), so "water management" and "managing water" share the stems while a phrase
// repeated word for word also shares its bigrams. Pure: no I/O.
//
// The model sees a term only as its bucket, a hash of the term into TERM_BUCKETS (the "hashing
// trick"): no vocabulary of strings to grow and collect (most bigrams occur once, so a corpus of
// 100,000 items has millions), and a bigram's bucket is mixed from its stems' hashes without
// building the string. Two terms may share a bucket; with 2^20 buckets that is rare, and costs at
// worst a little noise between rare terms.
import { stemmer } from 'stemmer';

/**
 * English function words, plus the modal verbs every recommendation uses ("should", "must"): they
 * say nothing about the topic. Domain words common to most items ("government", "cooperation")
 * stay: the model weighs them by how often they occur (inverse document frequency, class counts).
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can cannot could did do does doing down during each either etc few for from further had has have having he her here hers ' +
    'herself him himself his how however i if in into is it its itself just least less let like made make many may me might more ' +
    'most much must my myself neither no nor not of off on once one only or other others otherwise our ours ourselves out over own ' +
    'per rather same shall she should since so some such than that the their theirs them themselves then there these they this ' +
    'those through thus to too under until up upon us very via was we were what when where whether which while who whom whose why ' +
    'will with within without would yet you your yours yourself yourselves ' +
    // Recommendation boilerplate.
    'recommend recommended recommends recommendation recommendations ensure consider considered need needs needed'
  ).split(' '),
);

/** Shortest word kept (after folding): single letters are list markers or initials. */
const MIN_WORD_LENGTH = 2;

// Stemming is the costly step of training (Porter's rules are regular expressions): the same few
// thousand words recur, so each is stemmed once. Bounded so odd input cannot grow it without end.
const STEM_CACHE_LIMIT = 100_000;
const stemCache = new Map<string, { stem: string; hash: number }>();

function stemmed(word: string): { stem: string; hash: number } {
  let entry = stemCache.get(word);
  if (entry === undefined) {
    const stem = stemmer(word);
    entry = { stem, hash: hashString(stem) };
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, entry);
  }
  return entry;
}

export function stem(word: string): string {
  return stemmed(word).stem;
}

/** The text's content words (stopwords and numbers left out), in order, each turned into `as`'s result. */
function contentWords<T>(text: string, as: (word: string) => T): T[] {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // "cross-border", "trade-related": the parts are words; an apostrophe ends the word ("country's",
    // whose "s" the length rule drops).
    .split(/[^a-z0-9]+/);
  const result: T[] = [];
  for (const word of words) {
    if (word.length < MIN_WORD_LENGTH || STOPWORDS.has(word) || /^[0-9]+$/.test(word)) continue;
    result.push(as(word));
  }
  return result;
}

/** The stems of a text's content words, in order (stopwords and numbers left out). */
export function stems(text: string): string[] {
  return contentWords(text, stem);
}

/**
 * The terms of a text: each stem and each pair of adjacent stems (joined by a space, so a bigram can
 * never equal a unigram), with how often each occurs.
 */
export function termCounts(text: string): Map<string, number> {
  const words = stems(text);
  const counts = new Map<string, number>();
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index]!;
    counts.set(word, (counts.get(word) ?? 0) + 1);
    if (index > 0) {
      const bigram = `${words[index - 1]!} ${word}`;
      counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
    }
  }
  return counts;
}

/** Terms are hashed into this many buckets (a power of two). */
export const TERM_BUCKETS = 1 << 20;
const BUCKET_MASK = TERM_BUCKETS - 1;

/** FNV-1a, 32 bits. */
export function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < value.length; index += 1) {
    hash ^= value.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A bigram's hash from its stems' hashes (order matters), unlike any unigram's but by chance. */
function bigramHash(first: number, second: number): number {
  let hash = Math.imul(first ^ 0x9e3779b9, 0x85ebca6b) ^ second;
  hash = Math.imul(hash ^ (hash >>> 15), 0xc2b2ae35);
  return (hash ^ (hash >>> 13)) >>> 0;
}

/** A term's bucket: `termCounts`'s keys as the model sees them. */
export function termBucket(term: string): number {
  const space = term.indexOf(' ');
  if (space < 0) return hashString(term) & BUCKET_MASK;
  return bigramHash(hashString(term.slice(0, space)), hashString(term.slice(space + 1))) & BUCKET_MASK;
}

/** A text's terms as buckets (termBucket), with their counts; `unigrams` are the buckets of single stems. */
export type HashedTerms = { counts: Map<number, number>; unigrams: Set<number> };

/** `termCounts` by bucket, without building the terms' strings. */
export function hashedTerms(text: string): HashedTerms {
  const hashes = contentWords(text, (word) => stemmed(word).hash);
  const counts = new Map<number, number>();
  const unigrams = new Set<number>();
  for (let index = 0; index < hashes.length; index += 1) {
    const unigram = hashes[index]! & BUCKET_MASK;
    unigrams.add(unigram);
    counts.set(unigram, (counts.get(unigram) ?? 0) + 1);
    if (index > 0) {
      const bigram = bigramHash(hashes[index - 1]!, hashes[index]!) & BUCKET_MASK;
      counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
    }
  }
  return { counts, unigrams };
}
