// One synthetic input per feature of issue 24: markers in their usual spellings, per-item
// headings, paragraph numbers, lead-ins, sub-headings, section headings spelt variously,
// cross-references, lost and flattened bullets, page breaks, one word per line, prose fallback.

import { describe, expect, it } from 'vitest';
import { findRecommendationsSection, parseRecommendations, parseReportMetadata, reflow, type ParsedRecommendation } from '../parse-report';

const texts = (source: string) => parseRecommendations(source).map((r) => r.text);

function anchored(source: string): ParsedRecommendation[] {
  const items = parseRecommendations(source);
  for (const item of items) {
    const slice = source.slice(item.start, item.end);
    expect(reflow(slice, { isDebrisLine: (l) => /Report of the Panel/.test(l) })).toBe(item.text);
    expect(source[item.start]).toMatch(/\S/);
    expect(source[item.end - 1]).toMatch(/\S/);
    expect(source.slice(0, item.start).split('\n').length).toBe(item.lineStart);
    expect(source.slice(0, item.end - 1).split('\n').length).toBe(item.lineEnd);
  }
  return items;
}

describe('one heading per recommendation', () => {
  it.each([
    ['Recommendation 1', 'Recommendation 2'],
    ['RECOMMENDATION 1', 'RECOMMENDATION 2'],
    ['Recommendation No. 1', 'Recommendation No. 2'],
    ['Recommendation 1:', 'Recommendation 2:'],
  ])('"%s" starts an item and does not end the section', (first, second) => {
    const source = [
      'List of Recommendations',
      '',
      'The Committee recommends that the Government:',
      '',
      first,
      '',
      'Fund the regional clinics for five more years.',
      '',
      second,
      '',
      'Publish the audit every spring.',
    ].join('\n');
    expect(texts(source)).toEqual(['Fund the regional clinics for five more years.', 'Publish the audit every spring.']);
    anchored(source);
  });

  it('takes the words on the heading line itself', () => {
    expect(texts('Recommendations\n\nRecommendation 1: Fund the clinics.\nRecommendation 2 – Publish the audit.')).toEqual([
      'Fund the clinics.',
      'Publish the audit.',
    ]);
  });

  it('makes a report whose only structure is such headings into a section', () => {
    const source = 'RECOMMENDATION 1\nThe agency keep funding trials.\nIt should report yearly.\nRECOMMENDATION 2\nThe ministry publish the data.';
    expect(texts(source)).toEqual(['The agency keep funding trials. It should report yearly.', 'The ministry publish the data.']);
  });

  it('drops the report paragraph number under the heading and keeps a nested list in its item', () => {
    const source = [
      'Recommendation 1',
      '',
      '2.21',
      'The Committee recommends that the Government:',
      '  • review the levy;',
      '  • consult the growers.',
      '',
      'Recommendation 2',
      '',
      '4.52',
      'The Committee recommends that the register be published.',
    ].join('\n');
    expect(texts(source)).toEqual([
      'The Committee recommends that the Government: • review the levy; • consult the growers.',
      'The Committee recommends that the register be published.',
    ]);
  });

  it('leaves a response to the recommendation out', () => {
    const source =
      'Recommendation 1\n\nThe agency adopt the new code.\n\nResponse: Agreed. The agency has adopted it.\n\nRecommendation 2\n\nThe agency train its staff.';
    expect(texts(source)).toEqual(['The agency adopt the new code.', 'The agency train its staff.']);
  });
});

describe('section headings spelt variously', () => {
  it.each([
    'Conclusions and recommendations',
    'Summary of recommendations',
    'Key recommendations',
    'Policy recommendations',
    'The way forward',
    'CONCULSIONS AND/OR RECOMMENDATIONS',
    'II. CONCLUSIONS AND RECOMMENDATIONS',
    'Islamabad - Conference Recommendations',
    'Recommendations to the government of Ruritania',
    'SUMMARY OF CONCLUSIONS\nAND RECOMMENDATIONS',
  ])('finds the section under "%s"', (heading) => {
    const source = `Report of the meeting\n\nThe meeting was opened by the chair.\n\n${heading}\n\n1. Open the border posts.\n2. Share the data.\n`;
    expect(texts(source)).toEqual(['Open the border posts.', 'Share the data.']);
    expect(findRecommendationsSection(source)?.start).toBe(source.indexOf(heading.split('\n')[0] ?? ''));
  });

  it('does not take a lead-in sentence that mentions recommendations for a heading', () => {
    const source =
      'Recommendations\n\nIn its last session the workshop adopted the following main recommendations:\n\na. Build the network\nb. Draft a strategy';
    expect(texts(source)).toEqual(['Build the network', 'Draft a strategy']);
  });

  it('prefers the section with items over a title or contents entry that names it', () => {
    const source = [
      'DIGEST OF THE PRINCIPAL RECOMMENDATIONS OF THE REGIONAL MEETINGS',
      'Table of Contents',
      'NINTH REGIONAL MEETING',
      '',
      'SUMMARY OF MAIN RECOMMENDATIONS',
      '',
      '1. Stressed that water comes first; (paragraph 12).',
      '2. Asked for a drought plan; (paragraph 13).',
    ].join('\n');
    expect(texts(source)).toEqual(['Stressed that water comes first; (paragraph 12).', 'Asked for a drought plan; (paragraph 13).']);
  });
});

describe('sub-headings and lead-ins', () => {
  it('skips Title Case and sentence-case sub-headings under the heading and between items', () => {
    const source = [
      'Conclusions and recommendations',
      '',
      'Scrutiny Practice',
      '',
      'Tracking our reports',
      '',
      '1.  Reports should be followed up. (Paragraph 42)',
      '',
      'Relations with the department',
      '',
      '2.  The Government should reply within two months. (Paragraph 50)',
    ].join('\n');
    expect(texts(source)).toEqual(['Reports should be followed up. (Paragraph 42)', 'The Government should reply within two months. (Paragraph 50)']);
  });

  it('skips addressee headings and "The Conference:" lead-ins', () => {
    const source = [
      'Summary of main recommendations',
      '',
      'For the attention of Governments',
      '',
      'The Conference:',
      '',
      '1. Urged members to fund research;',
      '',
      'For the attention of the Organization',
      '',
      'The Conference:',
      '',
      '2. Asked the Organization to train staff.',
    ].join('\n');
    expect(texts(source)).toEqual(['Urged members to fund research;', 'Asked the Organization to train staff.']);
  });

  it('drops lead-in paragraphs before a marked list', () => {
    const source = [
      'Conclusions and recommendations',
      '',
      'The main conclusions are set out in this chapter.',
      '',
      'Membership',
      '',
      'In its view the council makes the following recommendations:',
      '',
      '• Widen the membership.',
      '• Keep the budget flat.',
    ].join('\n');
    expect(texts(source)).toEqual(['Widen the membership.', 'Keep the budget flat.']);
  });

  it('keeps an unpunctuated continuation paragraph with its item when it is a sentence', () => {
    const source =
      'Recommendations\n\na. Strengthening of the data network\n\nUpdating of the web pages should go on through\n\nb. Preparation of maps\n\n8.3 Summary\n\nAll countries took part.';
    expect(texts(source)).toEqual(['Strengthening of the data network Updating of the web pages should go on through', 'Preparation of maps']);
  });
});

describe('markers and report paragraph numbers', () => {
  it('reads "1.Once" with no space after the number', () => {
    expect(texts('Recommendations\n1.Once the plan is agreed, fund it. (Paragraph 10)\n2.Choosing the chair is for members. (Paragraph 12)')).toEqual([
      'Once the plan is agreed, fund it. (Paragraph 10)',
      'Choosing the chair is for members. (Paragraph 12)',
    ]);
  });

  it('takes decimal paragraph numbers as items and the numbered lead-in above them as a lead-in', () => {
    const source = [
      'II. CONCLUSIONS AND RECOMMENDATIONS',
      '',
      '6. The State has examined the recommendations below and supports them:',
      '',
      '6.1.   Ratify the labour conventions (Ruritania);',
      '6.2.   Review the penal code (Freedonia);',
      '6.3    Set up an ombudsman (Atlantis);',
    ].join('\n');
    expect(texts(source)).toEqual(['Ratify the labour conventions (Ruritania);', 'Review the penal code (Freedonia);', 'Set up an ombudsman (Atlantis);']);
  });

  it('finishes an item at a cross-reference with no final stop, even one split over two lines', () => {
    const source = [
      'Conclusions and recommendations',
      '1. The council should serve one fixed term. A majority agrees. (Paragraph',
      '23)',
      '2. We share the view that the board should be larger (paragraph 3.21)',
      '3. We are clear that an elected council will act with more confidence. (Paragraph 34)',
    ].join('\n');
    expect(texts(source)).toEqual([
      'The council should serve one fixed term. A majority agrees. (Paragraph 23)',
      'We share the view that the board should be larger (paragraph 3.21)',
      'We are clear that an elected council will act with more confidence. (Paragraph 34)',
    ]);
  });

  it('reads roman lists wrapped over lines', () => {
    const source =
      'SUMMARY OF RECOMMENDATIONS\n(i) The two bodies should keep their\nunderstandings. (paragraph 11)\n(ii) We will revisit the\nquestion later. (paragraph 12)';
    expect(texts(source)).toEqual(['The two bodies should keep their understandings. (paragraph 11)', 'We will revisit the question later. (paragraph 12)']);
  });

  it('ends the section at a numbered heading after an unpunctuated last item', () => {
    expect(texts('8.2 Recommendations\n\na. Regional forest network\n\nb. Regional forest strategy\n\n8.3 Summary\n\nAll countries took part.')).toEqual([
      'Regional forest network',
      'Regional forest strategy',
    ]);
  });

  it('ends the section at web-page debris after the last finished item', () => {
    const source =
      'Conclusions and recommendations\n\n1.  Reply within two months. (Paragraph 50)\n\n2.  Give reasons. (Paragraph 54)\n\nprevious page contents next page\n\n© Parliamentary copyright';
    expect(texts(source)).toEqual(['Reply within two months. (Paragraph 50)', 'Give reasons. (Paragraph 54)']);
  });
});

describe('bullets flattened or lost by PDF extraction, page breaks', () => {
  it.each([
    ['o', 'o'],
    ['l', 'l'],
    ['Symbol-font', '\uf0b7'],
  ])('reads bullets flattened to %s', (_, glyph) => {
    const source = `Recommendations\n\n  ${glyph} Open the border posts;\n  ${glyph} Share the data;\n  ${glyph} Train the staff.`;
    expect(texts(source)).toEqual(['Open the border posts;', 'Share the data;', 'Train the staff.']);
  });

  it('removes roman page numbers and running headers between two parts of an item', () => {
    const source = [
      'Report of the Panel',
      'LIST OF RECOMMENDATIONS',
      '',
      'RECOMMENDATION 1',
      '',
      'The Department keep encouraging healthy living for all',
      '',
      'xii',
      '\fReport of the Panel',
      '',
      'Canadians so that the healthy option becomes the easy option.',
      '',
      'RECOMMENDATION 2',
      '',
      'The Department publish the results.',
    ].join('\n');
    const items = anchored(source);
    expect(items.map((i) => i.text)).toEqual([
      'The Department keep encouraging healthy living for all Canadians so that the healthy option becomes the easy option.',
      'The Department publish the results.',
    ]);
  });

  it('joins a word hyphenated at a line end inside an item', () => {
    expect(texts('Recommendations\n\n• The agency should strengthen its organisa-\n  tion and its staff.\n• Publish.')).toEqual([
      'The agency should strengthen its organisation and its staff.',
      'Publish.',
    ]);
  });

  it('with lost bullets and one indent for items and their wrapped lines, splits where a sentence ends short of the margin', () => {
    const source = [
      'Conclusions and recommendations',
      '',
      'The council presents the following recommendations:',
      '',
      '    If the organisation does not involve the large emerging economies, its',
      '    relevance will decline.',
      '    The council notes that eight states should accede to the organisation. It',
      '    supports this, but is worried about admitting them all in a single round.',
      '    Once they have joined, the council believes the Commission should speak',
      '    for them on economic issues.',
    ].join('\n');
    expect(texts(source)).toEqual([
      'If the organisation does not involve the large emerging economies, its relevance will decline.',
      'The council notes that eight states should accede to the organisation. It supports this, but is worried about admitting them all in a single round. Once they have joined, the council believes the Commission should speak for them on economic issues.',
    ]);
  });
});

describe('one word per line', () => {
  it('rejoins the words before reading the list', () => {
    const words =
      'Recommendations 1. States should collect data on minorities in every census. 2. States should consult minority groups before each reform of the law. 3. States should report to the forum every second year.';
    const source = words.split(' ').join('\n');
    const items = parseRecommendations(source);
    expect(items.map((i) => i.text)).toEqual([
      'States should collect data on minorities in every census.',
      'States should consult minority groups before each reform of the law.',
      'States should report to the forum every second year.',
    ]);
    expect(items[0]?.lineStart).toBe(3);
    expect(source.slice(items[0]?.start, items[0]?.end).split('\n')[0]).toBe('States');
  });

  it('starts an item at a marker that shares its line with the first word ("1. Member")', () => {
    const words =
      'Recommendations Given the threats to minorities in every region, states taking part in the review should keep paying close attention to them. Some improvements are possible: 1.·Member States should collect data on minorities in every census; 2.·MSs should consult minority groups before each reform; 3.·Religious minorities deserve closer attention.';
    const source = words.split(' ').join('\n').replace(/·/g, ' ');
    expect(texts(source)).toEqual([
      'Member States should collect data on minorities in every census;',
      'MSs should consult minority groups before each reform;',
      'Religious minorities deserve closer attention.',
    ]);
  });
});

describe('no heading at all', () => {
  it('takes the sentences with a recommending verb from a press release', () => {
    const source = [
      'The panel has submitted its recommendations to the two governments.',
      'Relations between the two countries could grow. The report describes a number of ways.',
      'The report recommends a regular dialogue between the capitals. It also proposes a long-term economic plan. It calls on both sides to rebuild the north.',
    ].join('\n');
    expect(texts(source)).toEqual([
      'The report recommends a regular dialogue between the capitals.',
      'It also proposes a long-term economic plan.',
      'It calls on both sides to rebuild the north.',
    ]);
  });

  it('takes a whole paragraph that recommends once, and nothing from narrative', () => {
    expect(texts('The meeting discussed forests.\n\nThe meeting recommended that countries test the indicators. This would show gaps.')).toEqual([
      'The meeting recommended that countries test the indicators. This would show gaps.',
    ]);
    expect(texts('The seminar was held in the capital. Speakers said trade should grow.')).toEqual([]);
  });
});

describe('no heading at all: the meeting as the subject of a recommending verb', () => {
  it('takes "further recommended", "stressed that … need to", "called on", "emphasised the importance" with the meeting as subject', () => {
    const source = [
      'The meeting was opened by the chair of the regional commission.',
      'The meeting recommended that countries test the indicators in the field (para 3).',
      'The meeting stressed that the sub-regional bodies need to share their data (para 4).',
      'The meeting further recommended starting with a small set of indicators (para 5).',
      'Finally, the participants called on donors to fund the pilot studies (para 6).',
      'The Committee emphasised the importance of a common glossary (para 7).',
    ].join('\n');
    expect(texts(source)).toEqual([
      'The meeting recommended that countries test the indicators in the field (para 3).',
      'The meeting stressed that the sub-regional bodies need to share their data (para 4).',
      'The meeting further recommended starting with a small set of indicators (para 5).',
      'Finally, the participants called on donors to fund the pilot studies (para 6).',
      'The Committee emphasised the importance of a common glossary (para 7).',
    ]);
  });

  it('leaves narrative out: a report that "stresses", a "stressed that" with nothing to do, a passive "were invited"', () => {
    const source = [
      'The report stresses that both governments need to adjust to the new situation.',
      'The meeting stressed that good progress had been made since the last session.',
      'The participants were invited to a field visit on the second day.',
      'The meeting agreed to meet again next year.',
      'The Chairman of the meeting welcomed the delegates.',
    ].join('\n');
    expect(texts(source)).toEqual([]);
  });

  it('takes "agreed that … should" and "We recommend"', () => {
    expect(texts('The workshop agreed that each country should name a focal point.\n\nWe recommend that the secretariat publish the data.')).toEqual([
      'The workshop agreed that each country should name a focal point.',
      'We recommend that the secretariat publish the data.',
    ]);
  });
});

describe('page furniture of any length at page breaks', () => {
  const header = 'Report of the Standing Committee on Regional Water Cooperation (Second Session) — List of Recommendations';
  it('drops a long running header printed after each page body, just before the page break', () => {
    const source = [
      'Recommendations',
      '',
      '1. Governments should fund the regional agreements.',
      '2. Donors should coordinate their support and',
      '',
      header,
      '',
      '1/2',
      '\freport on it to the secretariat every year.',
      '3. Universities should open their data.',
      '',
      header,
      '',
      '2/2',
    ].join('\n');
    expect(texts(source)).toEqual([
      'Governments should fund the regional agreements.',
      'Donors should coordinate their support and report on it to the secretariat every year.',
      'Universities should open their data.',
    ]);
  });

  it('drops a header that opens each page, and a repeated title cut with "…"; numbers that change page to page do not matter', () => {
    const cut = 'Summary record of the fourteenth meeting of the joint panel on forest criteria and …';
    const source = [
      `${cut} page 1 of 2`,
      '',
      'Recommendations',
      '',
      '1. Governments should fund the regional agreements and',
      `\f${cut} page 2 of 2`,
      'make sure that they are enforced.',
      '2. Donors should coordinate their support.',
    ].join('\n');
    expect(texts(source)).toEqual([
      'Governments should fund the regional agreements and make sure that they are enforced.',
      'Donors should coordinate their support.',
    ]);
  });

  it('keeps a long line that comes back once but not at page edges', () => {
    const sentence = 'Member states should strengthen the agreements on shared river basins and report on them.';
    const source = ['Recommendations', '', `1. ${sentence}`, '2. Donors should coordinate.', `3. ${sentence}`, '4. Universities should open their data.'].join(
      '\n',
    );
    expect(texts(source)).toHaveLength(4);
  });
});

describe('parseReportMetadata venue', () => {
  it.each([
    ['organised a seminar on Thursday, February 12, 2015 in National Library, Islamabad. It was attended', 'National Library, Islamabad'],
    ['The workshop was held at the Serena Hotel, Quetta on 5 May 2018.', 'Serena Hotel, Quetta'],
    ['Council\n\nRome, 13 - 18 November 2000\n\nDigest', 'Rome'],
    ['Venue: Conference Room 2, Ministry of Planning\nDate: 2019-03-07', 'Conference Room 2, Ministry of Planning'],
    ['On 06 October, 2012 the institute held a round table.', null],
  ])('finds the venue in %j', (text, venue) => {
    expect(parseReportMetadata(text).venue).toBe(venue);
  });

  it('gives title, date and venue, each null when the text does not say', () => {
    expect(parseReportMetadata('A seminar\n\nVenue: Lahore\n\nHeld on 5 May 2018.')).toEqual({ title: null, date: '2018-05-05', venue: 'Lahore' });
    expect(parseReportMetadata('Nothing to see here.')).toEqual({ title: null, date: null, venue: null });
  });
});
