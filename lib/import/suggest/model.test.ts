import { describe, expect, it } from 'vitest';
import { ModelBuilder, MAX_SECTORS, softmax, type SuggestModel, type TrainingItem } from './model';
import { survivors } from './load';
import { hashedTerms, stem, stems, STOPWORDS, termBucket, termCounts } from './tokenize';

describe('tokenizer', () => {
  it('lower-cases, folds accents, drops stopwords, numbers and single letters, and stems', () => {
    expect(stems('The Governments SHOULD establish (a) joint Irrigation schemes by 2030 in Côte d’Ivoire.')).toEqual([
      'govern',
      'establish',
      'joint',
      'irrig',
      'scheme',
      'cote',
      'ivoir',
    ]);
  });

  it('gives inflections one stem', () => {
    expect(stem('tariffs')).toBe(stem('tariff'));
    expect(stem('managing')).toBe(stem('manage'));
    expect(stems('irrigated irrigation irrigating')).toEqual(['irrig', 'irrig', 'irrig']);
    expect(stems('cross-border')).toEqual(['cross', 'border']);
  });

  it('counts stems and adjacent-stem bigrams across dropped stopwords, never mixing the two', () => {
    const counts = termCounts('Water management and the management of water');
    expect(Object.fromEntries(counts)).toEqual({ water: 2, manag: 2, 'water manag': 1, 'manag manag': 1, 'manag water': 1 });
    expect(termCounts('the of and should')).toEqual(new Map());
  });

  it('hashes the same terms into buckets, bigrams without building their strings', () => {
    const text = 'Water management and the management of water';
    const hashed = hashedTerms(text);
    expect(hashed.counts).toEqual(new Map([...termCounts(text)].map(([term, count]) => [termBucket(term), count])));
    expect(hashed.unigrams).toEqual(new Set([termBucket('water'), termBucket('manag')]));
    // Order matters for a bigram.
    expect(termBucket('water manag')).not.toBe(termBucket('manag water'));
  });

  it('treats the recommending boilerplate as stopwords', () => {
    for (const word of ['should', 'must', 'recommend', 'ensure']) expect(STOPWORDS.has(word)).toBe(true);
  });
});

describe('merged terms', () => {
  it('map to their survivors through chains; unknown targets and cycles stop', () => {
    const map = survivors([
      { id: 'a', mergedIntoId: 'b' },
      { id: 'b', mergedIntoId: 'c' },
      { id: 'c', mergedIntoId: null },
      { id: 'd', mergedIntoId: 'gone' },
      { id: 'x', mergedIntoId: 'y' },
      { id: 'y', mergedIntoId: 'x' },
    ]);
    expect(map.get('a')).toBe('c');
    expect(map.get('b')).toBe('c');
    expect(map.get('c')).toBe('c');
    expect(map.get('d')).toBe('d');
    expect(['x', 'y']).toContain(map.get('x'));
  });
});

describe('softmax', () => {
  it('normalises without overflow', () => {
    const result = softmax([1000, 1000 + Math.log(3)]);
    expect(result[0]).toBeCloseTo(0.25);
    expect(result[1]).toBeCloseTo(0.75);
  });
});

const WATER = [
  'Expand canal irrigation and water storage for farmers in the river basin.',
  'Share river water data between the two countries to manage floods and droughts.',
  'Build small dams and irrigation channels to save water for agriculture.',
];
const TRADE = [
  'Lower tariffs on textiles and remove non-tariff barriers to trade.',
  'Negotiate a preferential trade agreement with reduced customs duties.',
  'Open border markets so that traders can export goods without tariffs.',
];

function item(index: number, text: string, themeId: string, sectorIds: string[], seminarId = 'seminar'): TrainingItem {
  return { id: `id${index}`, code: `C-${index}`, title: `Title ${index}`, seminarId, text, themeId, sectorIds };
}

function theme(model: SuggestModel, text: string) {
  return model.analyse(text, { neighbours: 0, minNeighbourScore: 1, related: 0, minRelatedScore: 1 }).theme;
}

/** The related list, and checks the neighbours list agrees with it when nothing is skipped. */
function nearest(model: SuggestModel, text: string, limit: number, minScore: number, skip?: (index: number) => boolean) {
  const analysis = model.analyse(text, { neighbours: limit, minNeighbourScore: minScore, related: limit, minRelatedScore: minScore, skip });
  if (!skip) expect(analysis.neighbours).toEqual(analysis.related);
  return analysis.related;
}

function tinyModel() {
  const builder = new ModelBuilder();
  WATER.forEach((text, index) => builder.add(item(index, text, 'water', ['agriculture'], 'one')));
  TRADE.forEach((text, index) => builder.add(item(index + 3, text, 'trade', ['commerce'], 'two')));
  return builder.build();
}

describe('theme (naive Bayes)', () => {
  it('learns the theme from the words of classified items', () => {
    const model = tinyModel();
    const water = theme(model, 'Improve irrigation so that farmers use less river water.');
    const trade = theme(model, 'Cut tariffs and customs duties on exports.');
    expect(water.themeId).toBe('water');
    expect(trade.themeId).toBe('trade');
    expect(water.confidence).toBeGreaterThan(0.5);
  });

  it('is never near-certain from three examples a theme (rule of succession: at most 3/4)', () => {
    const model = tinyModel();
    const guess = theme(model, 'Canal irrigation, water storage, dams, river basin, droughts, floods, agriculture.');
    expect(guess.themeId).toBe('water');
    expect(guess.confidence).toBeLessThanOrEqual(0.75);
  });

  it('makes no guess for a text with no word in common, and a weak one for a single shared word', () => {
    const model = tinyModel();
    expect(theme(model, 'Promote poetry festivals and chess tournaments.')).toEqual({ themeId: null, confidence: 0 });
    const one = theme(model, 'Promote poetry festivals near the river.');
    expect(one.themeId).toBe('water');
    expect(one.confidence).toBeLessThan(0.75);
    expect(one.confidence).toBeGreaterThan(0.5);
  });

  it('knows nothing with no training items', () => {
    const model = new ModelBuilder().build();
    expect(theme(model, 'Water for farmers.')).toEqual({ themeId: null, confidence: 0 });
    expect(nearest(model, 'Water for farmers.', 5, 0)).toEqual([]);
  });

  it('weighs the classes by their share of the items when the words are equally likely', () => {
    const builder = new ModelBuilder();
    for (let index = 0; index < 9; index += 1) builder.add(item(index, 'Harbour cranes', 'big', []));
    builder.add(item(9, 'Harbour cranes', 'small', []));
    for (let index = 10; index < 30; index += 1) builder.add(item(index, 'Mountain passes', 'other', []));
    const model = builder.build();
    expect(theme(model, 'harbour cranes').themeId).toBe('big');
  });
});

describe('related (TF-IDF cosine) and sectors (nearest neighbours)', () => {
  it('scores the same text 1, a paraphrase high and an unrelated text low', () => {
    const model = tinyModel();
    const same = nearest(model, TRADE[0]!, 5, 0);
    expect(same[0]).toEqual({ index: 3, score: expect.closeTo(1, 5) });
    const paraphrase = nearest(model, 'Reduce the tariffs on textile goods and scrap non-tariff barriers hampering trade.', 5, 0);
    expect(paraphrase[0]!.index).toBe(3);
    expect(paraphrase[0]!.score).toBeGreaterThan(0.4);
    expect(paraphrase.filter((neighbour) => neighbour.index < 3)).toEqual([]);
  });

  it('computes the cosine exactly on hand-made data', () => {
    const builder = new ModelBuilder();
    builder.add(item(0, 'alpha beta', 'x', []));
    builder.add(item(1, 'gamma', 'x', []));
    const model = builder.build();
    // N = 2; alpha, beta and "alpha beta" each in one item: idf ln 3, so item 0 is (1, 1, 1) / sqrt 3.
    // The query "alpha" is (1) on alpha: cosine 1 / sqrt 3.
    expect(nearest(model, 'alpha', 5, 0)).toEqual([{ index: 0, score: expect.closeTo(1 / Math.sqrt(3), 5) }]);
    // "alpha delta": delta is unseen, weighed as if in one item (ln 3): the text is (1, 1) / sqrt 2 over
    // alpha and delta, "alpha delta" too, so (1, 1, 1) / sqrt 3 and the cosine is 1 / 3.
    expect(nearest(model, 'alpha delta', 5, 0)[0]!.score).toBeCloseTo(1 / 3, 5);
  });

  it('respects the limit, the minimum score and the skip test, best first', () => {
    const model = tinyModel();
    const query = 'water irrigation river farmers';
    const all = nearest(model, query, 10, 0);
    expect(all.map((neighbour) => neighbour.score)).toEqual([...all.map((neighbour) => neighbour.score)].sort((a, b) => b - a));
    expect(nearest(model, query, 1, 0)).toEqual(all.slice(0, 1));
    expect(nearest(model, query, 10, 0, model.inSeminar('one'))).toEqual([]);
    expect(nearest(model, query, 10, all[0]!.score + 0.01)).toEqual([]);
    // The scratch scores are cleared between queries.
    expect(nearest(model, query, 10, 0)).toEqual(all);
  });

  it('suggests the sectors of the nearest items, weighted by similarity, at most four', () => {
    const model = tinyModel();
    const sectors = model.sectors(nearest(model, 'Lower tariffs on textiles and open border markets for traders.', 10, 0.1));
    expect(sectors.map((sector) => sector.id)).toEqual(['commerce']);
    expect(sectors[0]!.confidence).toBeGreaterThan(0.5);
    expect(sectors[0]!.confidence).toBeLessThan(1);

    const builder = new ModelBuilder();
    builder.add(item(0, 'ports shipping', 'x', ['a', 'b', 'c', 'd', 'e', 'f']));
    const many = builder.build();
    expect(many.sectors(nearest(many, 'ports shipping', 10, 0.1))).toHaveLength(MAX_SECTORS);
    expect(many.sectors([])).toEqual([]);
  });
});

describe('speed', () => {
  it('trains on 5,000 synthetic items and answers 80 texts quickly', () => {
    // Synthetic corpus: 12 themes with words of their own, over a pool of words common to all.
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
    const common = Array.from(
      { length: 300 },
      (_, index) => `common${String.fromCharCode(97 + (index % 26))}${String.fromCharCode(97 + Math.floor(index / 26))}word`,
    );
    const themed = Array.from({ length: 12 }, (_, theme) => Array.from({ length: 40 }, (_, index) => `topic${theme}x${index}z`));
    const text = (theme: number) => Array.from({ length: 40 }, () => (random() < 0.3 ? pick(themed[theme]!) : pick(common))).join(' ');
    const started = performance.now();
    const builder = new ModelBuilder();
    for (let index = 0; index < 5_000; index += 1) {
      const theme = index % 12;
      builder.add(item(index, text(theme), `theme${theme}`, [`sector${theme % 5}`], `seminar${index % 250}`));
    }
    const model = builder.build();
    const trained = performance.now();
    let right = 0;
    for (let index = 0; index < 80; index += 1) {
      const analysis = model.analyse(text(index % 12), { neighbours: 10, minNeighbourScore: 0.1, related: 5, minRelatedScore: 0.25 });
      if (analysis.theme.themeId === `theme${index % 12}`) right += 1;
      model.sectors(analysis.neighbours);
    }
    const answered = performance.now();
    console.log(`5,000 synthetic items: trained in ${Math.round(trained - started)} ms, 80 texts in ${Math.round(answered - trained)} ms`);
    // Measured: about 0.3 to 0.6 s to train, 40 to 80 ms for the 80 texts (2 shared cores, under vitest).
    expect(trained - started).toBeLessThan(3_000);
    expect(answered - trained).toBeLessThan(1_000);
    expect(right).toBeGreaterThan(70);
  });
});
