// Measures the suggestion model at the benchmark's sizes, in memory (no database), on texts like
// the benchmark's (scripts/bench/text.ts): training (tokenising and indexing) and 80 texts. CPU time,
// so a busy machine inflates it less than wall time.
//
//   npx tsx lib/import/suggest/measure.ts [items, default 10000 (M); 100000 is L]
import { Random } from '@/scripts/bench/random';
import * as words from '@/scripts/bench/text';
import { ModelBuilder } from './model';
import { RELATED_MIN_SCORE, SECTOR_MIN_SIMILARITY, SECTOR_NEIGHBOURS } from './model';

const cpuMs = () => process.cpuUsage().user / 1000;
const size = Number(process.argv[2] ?? 10_000);
const random = new Random('suggest-measure');
const item = () => {
  const title = words.recommendationTitle(random);
  return { title, text: words.recommendationText(random, title) };
};
const items = Array.from({ length: size }, item);

let started = cpuMs();
const builder = new ModelBuilder();
items.forEach((each, index) =>
  builder.add({
    id: `item${index}`,
    code: `C-${index}`,
    title: each.title,
    seminarId: `seminar${Math.floor(index / 20)}`,
    text: `${each.title}\n${each.text}`,
    themeId: `theme${random.int(0, 7)}`,
    sectorIds: random.sample(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'], random.int(1, 3)),
  }),
);
const model = builder.build();
const training = cpuMs() - started;

started = cpuMs();
let confidence = 0;
for (let index = 0; index < 80; index += 1) {
  const analysis = model.analyse(item().text, {
    neighbours: SECTOR_NEIGHBOURS,
    minNeighbourScore: SECTOR_MIN_SIMILARITY,
    related: 5,
    minRelatedScore: RELATED_MIN_SCORE,
    skip: (doc) => doc < 20,
  });
  model.sectors(analysis.neighbours);
  confidence += analysis.theme.confidence;
}
const answering = cpuMs() - started;
console.log(
  `${size} items: training ${Math.round(training)} ms CPU, 80 texts ${Math.round(answering)} ms CPU, ` +
    `mean theme confidence ${(confidence / 80).toFixed(2)} (themes are random here: 8 themes, so about 0.125 is honest), ` +
    `RSS ${Math.round(process.memoryUsage().rss / 1e6)} MB`,
);
