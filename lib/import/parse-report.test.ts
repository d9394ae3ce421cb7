import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import expected from '../seminars/seed/expected-recommendations.json';
import { findRecommendationsSection, parseRecommendations, parseReportMetadata, reflow, type ParsedRecommendation } from './parse-report';

const REPORTS_DIR = new URL('../../prisma/seed/reports/', import.meta.url);
const readReport = (file: string) => readFileSync(new URL(file, REPORTS_DIR), 'utf8');

const texts = (source: string) => parseRecommendations(source).map((r) => r.text);

/** Every item must point back at its own words: the slice re-flows to the text, lines match the offsets. */
function expectAnchored(source: string, items: ParsedRecommendation[], debris?: (line: string) => boolean) {
  for (const item of items) {
    expect(reflow(source.slice(item.start, item.end), { isDebrisLine: debris })).toBe(item.text);
    expect(source[item.start]).toMatch(/\S/);
    expect(source[item.end - 1]).toMatch(/\S/);
    expect(source.slice(0, item.start).split('\n').length).toBe(item.lineStart);
    expect(source.slice(0, item.end - 1).split('\n').length).toBe(item.lineEnd);
  }
}

describe('seed reports', () => {
  const cases = Object.entries(expected as Record<string, ParsedRecommendation[]>);

  it('has both reports with 12 and 7 reviewed items', () => {
    expect(cases.map(([file, items]) => [file.slice(0, 10), items.length])).toEqual([
      ['2015-02-12', 12],
      ['2012-10-06', 7],
    ]);
  });

  it.each(cases)('%s parses to the reviewed expectation', (file, items) => {
    const source = readReport(file);
    const parsed = parseRecommendations(source);
    expect(parsed).toEqual(items);
    expectAnchored(source, parsed);
  });

  it('keeps the intro sentence, timeline and speakers out', () => {
    const all = cases.flatMap(([file]) => texts(readReport(file))).join('\n');
    expect(all).not.toMatch(/as following|Following recommendations|Diplomatic relations established|Interactive Session|…/);
    expect(all).toContain('supply of civil, aeronautical and helicopter engineering'); // across the page break
    expect(all).toContain('toplay effective role'); // typos stay
  });

  it('reads title, date and venue from the reports', () => {
    expect(parseReportMetadata(readReport(cases[0]?.[0] ?? ''))).toEqual({
      title: 'Prospects of Pak-Russia Bilateral Relations',
      date: '2015-02-12',
      venue: 'National Library, Islamabad',
    });
    expect(parseReportMetadata(readReport(cases[1]?.[0] ?? ''))).toEqual({
      title: 'Pak Russia Relations: An Overview & Future Strategy',
      date: '2012-10-06',
      venue: null,
    });
  });
});

describe('reflow', () => {
  it('joins lines, collapses whitespace and trims', () => {
    expect(reflow('  Pakistan  should\n\n   act \r\n now.  ')).toBe('Pakistan should act now.');
  });

  it('joins a word split by a line-end hyphen but keeps real compounds', () => {
    expect(reflow('mutual coop-\neration')).toBe('mutual cooperation');
    expect(reflow('Iran-\nPakistan gas pipeline')).toBe('Iran-Pakistan gas pipeline');
    expect(reflow('national self-\nreliance')).toBe('national self-reliance');
    expect(reflow('people-to-\npeople contact')).toBe('people-to-people contact');
    expect(reflow('soft hyphen in coop\u00ad\neration')).toBe('soft hyphen in cooperation');
    expect(reflow('a dash -\nthen more')).toBe('a dash - then more');
  });

  it('drops page numbers and caller-supplied debris lines', () => {
    const raw = 'extraction, processing\n\n- 7 -\n\nMUSLIM Institute\nand refinement';
    expect(reflow(raw, { isDebrisLine: (l) => l === 'MUSLIM Institute' })).toBe('extraction, processing and refinement');
    expect(reflow('first\nPage 3 of 9\nsecond')).toBe('first second');
  });
});

describe('findRecommendationsSection', () => {
  it.each([
    'Recommendations',
    'RECOMMENDATIONS',
    'Recommendations:',
    'Policy Recommendations',
    'Policy Recommendations:-',
    'Salient Recommendations',
    'Key Recommendations for the Government',
    'Way Forward',
    'The Way Forward:',
    '5. Recommendations',
    'V. WAY FORWARD',
    'Conclusions and Recommendations',
  ])('recognises the heading "%s"', (heading) => {
    const source = `Intro text of the report.\n\n${heading}\n\n• Pakistan should act.\n\nConclusion\n\nThe end.`;
    const section = findRecommendationsSection(source);
    expect(section).not.toBeNull();
    expect(source.slice(section?.start, section?.end)).toBe(`${heading}\n\n• Pakistan should act.`);
    expect(texts(source)).toEqual(['Pakistan should act.']);
  });

  it('returns null / no items when there is no such section', () => {
    const source = 'Seminar report\n\nThe speakers made many recommendations about trade.\nAll were noted.';
    expect(findRecommendationsSection(source)).toBeNull();
    expect(parseRecommendations(source)).toEqual([]);
    expect(parseRecommendations('')).toEqual([]);
  });

  it('skips a table-of-contents entry and a sentence that merely ends in "recommendations"', () => {
    const source = [
      'Contents',
      'Recommendations',
      'Annex',
      '',
      'The seminar produced several',
      'Recommendations',
      'which follow.',
      '',
      'Recommendations',
      '',
      '1. Trade should grow.',
    ].join('\n');
    expect(texts(source)).toEqual(['Trade should grow.']);
    expect(findRecommendationsSection(source)?.start).toBe(source.lastIndexOf('Recommendations'));
  });

  it('reads through sub-headings over bulleted groups', () => {
    const source = 'RECOMMENDATIONS\n\nEnergy\n• Build the pipeline.\nTrade and Investment\n• Cut tariffs.\n\nConclusion\n• Not an item.';
    expect(texts(source)).toEqual(['Build the pipeline.', 'Cut tariffs.']);
  });

  it('ends at a separator line and at trailing matter', () => {
    expect(texts('Recommendations\n\n- One.\n- Two.\n\n……………….\n\nPrepared by staff.')).toEqual(['One.', 'Two.']);
    expect(texts('Recommendations\n1. One.\n2. Two.\n3. References\nSmith, 2010.')).toEqual(['One.', 'Two.']);
    expect(texts('Recommendations\n\nOne thing.\n\nAbout the Institute\nWe are a think tank.')).toEqual(['One thing.']);
  });
});

describe('parseRecommendations item splitting', () => {
  it.each([
    ['1.', ['1.', '2.', '3.']],
    ['1)', ['1)', '2)', '3)']],
    ['(1)', ['(1)', '(2)', '(3)']],
    ['(a)', ['(a)', '(b)', '(c)']],
    ['a.', ['a.', 'b.', 'c.']],
    ['A)', ['A)', 'B)', 'C)']],
    ['i.', ['i.', 'ii.', 'iii.']],
    ['(iv)', ['(iv)', '(v)', '(vi)']],
  ])('splits %s numbering, even items without final punctuation', (_, labels) => {
    const source = `Recommendations:\n${labels[0]} Expand trade\n${labels[1]} Build the pipeline with\n   Russian support\n${labels[2]} Exchange students`;
    const items = parseRecommendations(source);
    expect(items.map((i) => i.text)).toEqual(['Expand trade', 'Build the pipeline with Russian support', 'Exchange students']);
    expectAnchored(source, items);
  });

  it.each(['•', '-', '*', '▪', '●', '–', '➢', '\uf0b7'])('splits items bulleted with "%s"', (glyph) => {
    const source = `Recommendations\n${glyph} Energy deals should be\nsigned soon.\n${glyph}  Trade should double.\n`;
    const items = parseRecommendations(source);
    expect(items.map((i) => i.text)).toEqual(['Energy deals should be signed soon.', 'Trade should double.']);
    expectAnchored(source, items);
  });

  it('takes a bullet alone on its line with the text on the next line', () => {
    expect(texts('Recommendations\n•\nFirst item.\n•\nSecond\nitem.')).toEqual(['First item.', 'Second item.']);
  });

  it('does not take a number that continues a sentence for an item', () => {
    expect(texts('Recommendations\n1. Trade should grow by\n5. percent every year.\n2. Visas should be eased.')).toEqual([
      'Trade should grow by 5. percent every year.',
      'Visas should be eased.',
    ]);
  });

  it('finds items whose bullets were lost: indented capital after a finished sentence', () => {
    const source = [
      'Recommendations',
      'The following are recommended:-',
      ' Pakistan and Russia should strengthen ties and',
      'Cooperation must be developed.',
      ' Russian offers should be availed.',
      ' Media should play a role.',
    ].join('\n');
    const items = parseRecommendations(source);
    expect(items.map((i) => i.text)).toEqual([
      'Pakistan and Russia should strengthen ties and Cooperation must be developed.',
      'Russian offers should be availed.',
      'Media should play a role.',
    ]);
    expectAnchored(source, items);
  });

  it('handles lost bullets in double-spaced text, where blank lines cut every sentence', () => {
    const source = [
      'Recommendations',
      '',
      ' Pakistan should play a vital role in energy flow from',
      '',
      'Central Asia. Cooperation can bring uplift.',
      '',
      ' Russian cooperation should be sought for the Steel',
      '',
      'Mills.',
    ].join('\n');
    expect(texts(source)).toEqual([
      'Pakistan should play a vital role in energy flow from Central Asia. Cooperation can bring uplift.',
      'Russian cooperation should be sought for the Steel Mills.',
    ]);
  });

  it('splits plain paragraph items on blank lines', () => {
    const source = [
      'Way Forward',
      '',
      'Pakistan and Russia need to explore investment.',
      'Energy is the best start.',
      '',
      'Relations may be allowed to grow',
      'on the same pattern.',
      '',
      '',
      'They can collaborate in defence.',
    ].join('\n');
    const items = parseRecommendations(source);
    expect(items.map((i) => i.text)).toEqual([
      'Pakistan and Russia need to explore investment. Energy is the best start.',
      'Relations may be allowed to grow on the same pattern.',
      'They can collaborate in defence.',
    ]);
    expect(items.map((i) => [i.lineStart, i.lineEnd])).toEqual([
      [3, 4],
      [6, 7],
      [10, 10],
    ]);
    expectAnchored(source, items);
  });

  it('removes page numbers and a repeated running header from the middle of an item', () => {
    const source = [
      'Pak-Russia Seminar Report',
      'Opening remarks were made.',
      '',
      'Recommendations',
      '',
      '• Russian cooperation for metal exploration, their subsequent',
      '',
      '12',
      '\fPak-Russia Seminar Report',
      '',
      'mining and refinement should be sought.',
      '• Media should play a con-',
      '  - 13 -  ',
      'structive role.',
    ].join('\n');
    const items = parseRecommendations(source);
    expect(items.map((i) => i.text)).toEqual([
      'Russian cooperation for metal exploration, their subsequent mining and refinement should be sought.',
      'Media should play a constructive role.',
    ]);
    expect(items.map((i) => [i.lineStart, i.lineEnd])).toEqual([
      [6, 11],
      [12, 14],
    ]);
    expectAnchored(source, items, (line) => line === 'Pak-Russia Seminar Report');
  });

  it('keeps an unmarked opening paragraph when it is an item, drops it when it introduces a list', () => {
    expect(texts('Recommendations\nSalient recommendations made are as under\n• One.\n• Two.')).toEqual(['One.', 'Two.']);
    expect(texts('Recommendations\n\nTrade should grow.\n\nVisas should be eased.')).toEqual(['Trade should grow.', 'Visas should be eased.']);
  });

  it('handles CRLF line endings', () => {
    const source = 'Recommendations\r\n1. Trade should\r\ngrow.\r\n2. Visas.\r\n';
    const items = parseRecommendations(source);
    expect(items.map((i) => i.text)).toEqual(['Trade should grow.', 'Visas.']);
    expect(items.map((i) => [i.lineStart, i.lineEnd])).toEqual([
      [2, 3],
      [4, 4],
    ]);
    expect(source.slice(items[0]?.start, items[0]?.end)).toBe('Trade should\r\ngrow.');
  });
});

describe('parseReportMetadata', () => {
  it.each([
    ['held on 12th February, 2015 at Islamabad', '2015-02-12'],
    ['On 06 October, 2012 the institute', '2012-10-06'],
    ['on Thursday,\n\nFebruary 12, 2015 in National Library', '2015-02-12'],
    ['dated 2019-03-07.', '2019-03-07'],
    ['on 5 Sept 2018', '2018-09-05'],
    ['on 31 February 2015, then 1 March 2015', '2015-03-01'],
    ['no date here', null],
  ])('finds the date in %j', (text, date) => {
    expect(parseReportMetadata(text).date).toBe(date);
  });

  it('takes the first quoted phrase as title, else a heading-like first line', () => {
    expect(parseReportMetadata('A seminar on "Energy Security in\nSouth Asia" was held.').title).toBe('Energy Security in South Asia');
    expect(parseReportMetadata('\nCPEC and the Region\n\nThe report says "yes".').title).toBe('CPEC and the Region');
    expect(parseReportMetadata('the meeting was held and things were said.').title).toBeNull();
  });
});
