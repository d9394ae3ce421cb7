// The starting vocabulary for classifying recommendations: themes (what it is about)
// and sectors (who has to act). Administrators can rename, merge or add later.
//
// Colours: chart series must stay apart for colour-blind readers and readable on both
// the light (#ffffff) and dark (#0f172a) themes, so every colour sits in the narrow
// mid-luminance band with >= 3:1 contrast against both. They are Okabe-Ito and Paul Tol
// hues shifted into that band (only the lightness moved), chosen so that every pair
// stays apart under simulated protanopia, deuteranopia and tritanopia as well.

export type VocabularyEntry = {
  slug: string;
  name: string;
  description: string;
  /** #rrggbb */
  color: string;
  sortOrder: number;
};

const PALETTE = {
  amber: '#BD8200', // Okabe-Ito orange
  green: '#228732', // Tol bright green
  grey: '#8F8F8F', // Tol bright grey
  red: '#CA3311', // Tol vibrant red
  blue: '#4478AB', // Tol bright blue
  sky: '#1D98DD', // Okabe-Ito sky blue
  plum: '#B4367E', // Tol bright purple
  magenta: '#EE3578', // Tol vibrant magenta
  indigo: '#6954D4', // Tol muted indigo
  violet: '#8C1AFF', // the tenth colour farthest from the other nine, for the sector list
} as const;

type Draft = Omit<VocabularyEntry, 'sortOrder'>;

const numbered = (drafts: Draft[]): VocabularyEntry[] => drafts.map((d, i) => ({ ...d, sortOrder: (i + 1) * 10 }));

export const DEFAULT_THEMES: readonly VocabularyEntry[] = numbered([
  {
    slug: 'energy',
    name: 'Energy',
    description: 'Oil, gas, coal and power: generation projects, pipelines, exploration and energy transit.',
    color: PALETTE.amber,
  },
  {
    slug: 'trade-economy',
    name: 'Trade & Economy',
    description: 'Trade volume, exports, investment and the bodies that promote economic ties.',
    color: PALETTE.green,
  },
  {
    slug: 'industry-mining-technology',
    name: 'Industry, Mining & Technology',
    description: 'Steel, minerals and metals, engineering, telecommunications, space and other technology cooperation.',
    color: PALETTE.grey,
  },
  {
    slug: 'defence-security',
    name: 'Defence & Security',
    description: 'Military cooperation and capacity, counter-narcotics, counter-terrorism and organised crime.',
    color: PALETTE.red,
  },
  {
    slug: 'diplomacy-bilateral-ties',
    name: 'Diplomacy & Bilateral Ties',
    description: 'Foreign-policy posture, high-level visits, official exchanges and trust between the two states.',
    color: PALETTE.blue,
  },
  {
    slug: 'regional-multilateral-cooperation',
    name: 'Regional & Multilateral Cooperation',
    description: 'SCO, ECO and other regional or multilateral forums and regional connectivity.',
    color: PALETTE.sky,
  },
  {
    slug: 'afghanistan',
    name: 'Afghanistan',
    description: 'Peace, settlement and stability in Afghanistan.',
    color: PALETTE.plum,
  },
  {
    slug: 'people-to-people-education-culture',
    name: 'People-to-People, Education & Culture',
    description: 'Cultural programmes and exchanges of students, academics, professionals and parliamentarians.',
    color: PALETTE.magenta,
  },
  {
    slug: 'media',
    name: 'Media',
    description: 'The role of the press and broadcast media in shaping the relationship.',
    color: PALETTE.indigo,
  },
]);

export const DEFAULT_SECTORS: readonly VocabularyEntry[] = numbered([
  {
    slug: 'ministry-of-foreign-affairs',
    name: 'Ministry of Foreign Affairs',
    description: 'Foreign Office and missions abroad.',
    color: PALETTE.blue,
  },
  {
    slug: 'energy-petroleum',
    name: 'Energy/Petroleum',
    description: 'Ministries and agencies for power, petroleum and natural resources.',
    color: PALETTE.amber,
  },
  {
    slug: 'commerce-trade',
    name: 'Commerce & Trade',
    description: 'Ministry of Commerce, trade bodies and investment promotion.',
    color: PALETTE.green,
  },
  {
    slug: 'defence',
    name: 'Defence',
    description: 'Ministry of Defence and the armed forces.',
    color: PALETTE.red,
  },
  {
    slug: 'industries-production',
    name: 'Industries & Production',
    description: 'Ministry of Industries and Production and state industrial enterprises.',
    color: PALETTE.grey,
  },
  {
    slug: 'education-higher-education',
    name: 'Education & Higher Education',
    description: 'Education ministries, the Higher Education Commission and universities.',
    color: PALETTE.magenta,
  },
  {
    slug: 'parliament',
    name: 'Parliament',
    description: 'National Assembly, Senate and their committees and friendship groups.',
    color: PALETTE.plum,
  },
  {
    slug: 'private-sector-business',
    name: 'Private Sector & Business',
    description: 'Companies, chambers of commerce and business forums.',
    color: PALETTE.sky,
  },
  {
    slug: 'academia-think-tanks',
    name: 'Academia & Think Tanks',
    description: 'Research institutes, think tanks and scholars.',
    color: PALETTE.violet,
  },
  {
    slug: 'media',
    name: 'Media',
    description: 'Press, broadcasters and journalists.',
    color: PALETTE.indigo,
  },
]);
