// Plausible words for generated seminars, recommendations and evidence notes. The list benchmark
// searches for SEARCH_TERM, which is in about one title in thirty: a search that has to look at
// every row to fill a page, not one that the first rows satisfy.
import type { Random } from './random';

export const SEARCH_TERM = 'pipeline';

const VERBS = [
  'Establish',
  'Expand',
  'Create',
  'Strengthen',
  'Review',
  'Launch',
  'Set up',
  'Promote',
  'Simplify',
  'Negotiate',
  'Fund',
  'Open',
  'Publish',
  'Convene',
  'Harmonise',
];

const OBJECTS = [
  'a joint working group on trade facilitation',
  'direct flights between the two capitals',
  'a visa facilitation scheme for business travellers',
  'a bilateral investment treaty',
  'a joint energy task force',
  'scholarships for student exchanges',
  'a regional rail corridor',
  'feasibility studies for a cross-border pipeline',
  'a media exchange programme',
  'customs data sharing at border crossings',
  'a chamber of commerce liaison office',
  'a track-two dialogue on regional security',
  'joint research on water management',
  'an annual trade fair',
  'cooperation between defence academies',
  'a joint commission on mining and minerals',
  'banking channels for small exporters',
  'a cultural centre in each capital',
  'a think-tank network on regional connectivity',
  'parliamentary friendship groups',
  'a preferential trade agreement',
  'cooperation on disaster preparedness',
  'joint training for diplomats',
  'a telecommunications interconnection project',
  'a language and translation programme',
  'a standing forum on counter-terrorism',
  'a shared port logistics platform',
  'a framework for electricity trade',
  'a youth leadership exchange',
  'a joint film and television fund',
];

const SENTENCES = [
  'Both governments should assign a lead ministry and report progress every six months.',
  'The private sector should be consulted before the terms are agreed.',
  'Existing agreements should be reviewed so that the new arrangement does not duplicate them.',
  'A small secretariat should be funded for the first three years.',
  'Progress should be measured against targets agreed at the next round table.',
  'The arrangement should include provinces and not only the federal government.',
  'Women entrepreneurs and young professionals should be among the first participants.',
  'Regional partners should be invited to join once the bilateral phase is working.',
  'The cost should be shared equally and published in both budgets.',
  'Universities and think tanks should contribute research and evaluation.',
  'Tariff and non-tariff barriers to trade should be listed and addressed one by one.',
  'A public report on trade volumes should accompany each annual review.',
];

const EVIDENCE = [
  'The ministry confirmed in a press briefing that the proposal is under active consideration.',
  'A memorandum of understanding was signed during the visit of the foreign minister.',
  'The cabinet approved the summary and allocated funds in the annual development programme.',
  'Officials told our researchers that talks have stalled over the financing arrangements.',
  'A joint statement after the bilateral meeting referred to the recommendation explicitly.',
  'The first meeting of the working group took place; minutes were shared with participants.',
  'Trade statistics for the year show a modest rise after the new procedures took effect.',
  'Parliament’s standing committee discussed the proposal and asked for a progress report.',
  'The chamber of commerce reported that members now use the new trade facilitation desk.',
  'No public action has been recorded since the last review; follow-up letters were sent.',
  'A pilot phase started in two provinces, with an evaluation planned for next year.',
  'The proposal was superseded by a regional agreement that covers the same ground.',
];

const SOURCES = ['Press release', 'Ministry website', 'News report', 'Official gazette', 'Meeting minutes', 'Interview notes', 'Annual report'];

const TOPICS = [
  'Connectivity',
  'Trade and Investment',
  'Energy Security',
  'Regional Stability',
  'Education and Culture',
  'Media Cooperation',
  'Border Management',
  'Economic Corridors',
];
const FORMATS = ['Round table on', 'Seminar on', 'Conference on', 'Workshop on', 'Dialogue on'];
const CITIES = ['Islamabad', 'Kabul', 'Beijing', 'Tashkent', 'Dushanbe', 'Ankara', 'Tehran', 'Almaty', 'Lahore', 'Karachi'];
const FIRST = [
  'Ayesha',
  'Bilal',
  'Chen',
  'Dilnoza',
  'Emre',
  'Farah',
  'Gul',
  'Hamid',
  'Iqbal',
  'Javed',
  'Kamila',
  'Leila',
  'Mahmood',
  'Nargis',
  'Omar',
  'Parveen',
  'Qasim',
  'Rustam',
  'Sana',
  'Timur',
];
const LAST = [
  'Ahmed',
  'Baig',
  'Chaudhry',
  'Durrani',
  'Ergashev',
  'Farooq',
  'Gillani',
  'Hashmi',
  'Ismailov',
  'Jamali',
  'Khan',
  'Li',
  'Malik',
  'Nazarov',
  'Qureshi',
  'Rahimov',
  'Saeed',
  'Tariq',
  'Usmani',
  'Zaidi',
];
const DESIGNATIONS = [
  'Former Ambassador',
  'Senior Research Fellow',
  'Director General',
  'Professor of Economics',
  'Member of Parliament',
  'Chief Executive',
  'Former Secretary',
  'Journalist',
];

export function recommendationTitle(random: Random): string {
  return `${random.pick(VERBS)} ${random.pick(OBJECTS)}`;
}

export function recommendationText(random: Random, title: string): string {
  const sentences = random.sample(SENTENCES, random.int(1, 3));
  return [`${title}.`, ...sentences].join(' ');
}

export function evidenceBody(random: Random): string {
  return random.sample(EVIDENCE, random.int(1, 3)).join(' ');
}

export function evidenceSource(random: Random): { sourceTitle: string | null; sourceUrl: string | null } {
  if (!random.chance(0.6)) return { sourceTitle: null, sourceUrl: null };
  const sourceTitle = `${random.pick(SOURCES)} ${random.int(1, 999)}`;
  return { sourceTitle, sourceUrl: random.chance(0.5) ? `https://example.org/source/${random.int(1, 99_999)}` : null };
}

export function seminarTitle(random: Random, year: number): string {
  return `${random.pick(FORMATS)} ${random.pick(TOPICS)} ${year}`;
}

export function venue(random: Random): string {
  return random.pick(CITIES);
}

export function personName(random: Random): string {
  return `${random.pick(FIRST)} ${random.pick(LAST)}`;
}

export function designation(random: Random): string {
  return random.pick(DESIGNATIONS);
}
