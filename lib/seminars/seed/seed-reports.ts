// The two founding reports. Their recommendation texts and source positions come from
// parsing the files in prisma/seed/reports (checked against expected-recommendations.json);
// what is here is what a reader adds: metadata, short titles and the classification,
// in the same order as the parsed items.

export type SeedRecommendation = {
  title: string;
  primaryTheme: string;
  secondaryThemes: string[];
  sectors: string[];
  priority: 'LOW' | 'MEDIUM' | 'HIGH';
};

export type SeedReport = {
  file: string;
  codePrefix: string;
  title: string;
  kind: 'SEMINAR' | 'ROUND_TABLE' | 'CONFERENCE' | 'WORKSHOP';
  date: string;
  venue: string | null;
  organiser: string;
  speakers: { name: string; designation: string | null }[];
  recommendations: SeedRecommendation[];
};

const MOFA = 'ministry-of-foreign-affairs';

export const SEED_REPORTS: SeedReport[] = [
  {
    file: '2015-02-12-prospects-of-pak-russia-bilateral-relations.txt',
    codePrefix: '2015',
    title: 'Prospects of Pak-Russia Bilateral Relations',
    kind: 'SEMINAR',
    date: '2015-02-12',
    venue: 'National Library, Islamabad',
    organiser: 'MUSLIM Institute',
    // Names and designations as the report gives them; the last three spoke in the interactive session.
    speakers: [
      { name: 'Mr. Akram Zaki', designation: 'Former Secretary General, Ministry of Foreign Affairs Pakistan' },
      { name: 'Mr. Anton Chernov', designation: 'First Secretary, Embassy of Russian Federation in Islamabad' },
      { name: 'Air Marshal (R) Masood Akhtar', designation: 'Defence Analyst' },
      { name: 'Sahibzada Sultan Ahmad Ali', designation: 'Chairman, MUSLIM Institute' },
      { name: 'Mr. Khalid Khattak', designation: 'Former Ambassador of Pakistan to Russia' },
      {
        name: 'Dr. Muhammad Khan',
        designation: 'Head of International Relations Department, National Defence University (NDU) Islamabad',
      },
      { name: 'Ambassador (R) Aslam Rizvi', designation: null },
      {
        name: 'Major Gen. (R) Shahid Ahmed Hashmat',
        designation: 'Principal & Deen NIPCONS, National University of Science & Technology Islamabad',
      },
      { name: 'Dr. Saifur Rehman', designation: 'Deputy Director Research ISSRA, NDU' },
    ],
    recommendations: [
      {
        title: 'Strengthen bilateral relations and mutual confidence, not at the cost of other ties',
        primaryTheme: 'diplomacy-bilateral-ties',
        secondaryThemes: [],
        sectors: [MOFA],
        priority: 'HIGH',
      },
      {
        title: 'Take up Russian energy investment offers: Muzaffargarh, Jamshoro, Thar Coal, oil',
        primaryTheme: 'energy',
        secondaryThemes: ['trade-economy'],
        sectors: ['energy-petroleum'],
        priority: 'HIGH',
      },
      {
        title: 'Carry Central Asian energy to South Asia through Pakistan with Russian cooperation',
        primaryTheme: 'energy',
        secondaryThemes: ['regional-multilateral-cooperation'],
        sectors: ['energy-petroleum', MOFA],
        priority: 'MEDIUM',
      },
      {
        title: 'Seek Russian help for Steel Mills, mining, metallurgy, telecoms and aviation',
        primaryTheme: 'industry-mining-technology',
        secondaryThemes: ['defence-security'],
        sectors: ['industries-production', 'defence'],
        priority: 'MEDIUM',
      },
      {
        title: 'Raise exports to Russia: raw materials, farm produce, textiles, leather, manpower',
        primaryTheme: 'trade-economy',
        secondaryThemes: [],
        sectors: ['commerce-trade', 'private-sector-business'],
        priority: 'HIGH',
      },
      {
        title: 'Keep up regular exchanges of official and private-sector delegations',
        primaryTheme: 'diplomacy-bilateral-ties',
        secondaryThemes: ['trade-economy'],
        sectors: [MOFA, 'private-sector-business'],
        priority: 'MEDIUM',
      },
      {
        title: 'Encourage cultural and student, academic, expert and parliamentary exchanges',
        primaryTheme: 'people-to-people-education-culture',
        secondaryThemes: [],
        sectors: ['education-higher-education', 'parliament', 'academia-think-tanks'],
        priority: 'MEDIUM',
      },
      {
        title: 'Make the Inter-Governmental Commission and Business Forum more effective',
        primaryTheme: 'trade-economy',
        secondaryThemes: ['diplomacy-bilateral-ties'],
        sectors: ['commerce-trade', 'private-sector-business', MOFA],
        priority: 'MEDIUM',
      },
      {
        title: 'Adopt issue-based network diplomacy to widen cooperation and limit friction',
        primaryTheme: 'diplomacy-bilateral-ties',
        secondaryThemes: [],
        sectors: [MOFA],
        priority: 'MEDIUM',
      },
      {
        title: 'Use SCO membership against extremism, drug trafficking and organised crime',
        primaryTheme: 'regional-multilateral-cooperation',
        secondaryThemes: ['defence-security'],
        sectors: [MOFA, 'defence'],
        priority: 'HIGH',
      },
      {
        title: 'Jointly facilitate an Afghan-led, Afghan-owned settlement in Afghanistan',
        primaryTheme: 'afghanistan',
        secondaryThemes: ['regional-multilateral-cooperation'],
        sectors: [MOFA],
        priority: 'HIGH',
      },
      {
        title: 'Engage the media of both countries in improving bilateral ties',
        primaryTheme: 'media',
        secondaryThemes: ['diplomacy-bilateral-ties'],
        sectors: ['media'],
        priority: 'LOW',
      },
    ],
  },
  {
    file: '2012-10-06-pak-russia-relations-overview-and-future-strategy.txt',
    codePrefix: '2012',
    title: 'Pak Russia Relations: An Overview & Future Strategy',
    kind: 'ROUND_TABLE',
    date: '2012-10-06',
    venue: null, // the report names no venue
    organiser: 'MUSLIM Institute',
    // In speaking order. The two experts' names are spelt two ways in the report
    // ("Shaid"/"Shahid", "Mujtaba"/"Mujhtaba"); the spelling used is the conventional one.
    speakers: [
      { name: 'Tahir Mehmood', designation: 'Program Coordinator, MUSLIM Institute' },
      { name: 'Usman Hasan', designation: 'Research Associate, MUSLIM Institute' },
      { name: 'Air Marshal (R) Shahid Latif', designation: null },
      { name: 'Major (R) Raja Mujtaba', designation: null },
    ],
    recommendations: [
      {
        title: 'Move past history and adopt a balanced foreign policy free of any bloc',
        primaryTheme: 'diplomacy-bilateral-ties',
        secondaryThemes: [],
        sectors: [MOFA],
        priority: 'HIGH',
      },
      {
        title: 'Reschedule the postponed visit of the Russian President soon',
        primaryTheme: 'diplomacy-bilateral-ties',
        secondaryThemes: [],
        sectors: [MOFA],
        priority: 'HIGH',
      },
      {
        title: 'Explore mutual investment, starting with the energy sector',
        primaryTheme: 'trade-economy',
        secondaryThemes: ['energy'],
        sectors: ['commerce-trade', 'energy-petroleum', 'private-sector-business'],
        priority: 'HIGH',
      },
      {
        title: 'Work together in multilateral forums to strengthen regional cooperation',
        primaryTheme: 'regional-multilateral-cooperation',
        secondaryThemes: ['diplomacy-bilateral-ties'],
        sectors: [MOFA],
        priority: 'MEDIUM',
      },
      {
        title: 'Let relations grow step by step rather than expect an early breakthrough',
        primaryTheme: 'diplomacy-bilateral-ties',
        secondaryThemes: [],
        sectors: [MOFA],
        priority: 'LOW',
      },
      {
        title: 'Keep up frequent interaction to correct misperceptions despite hurdles',
        primaryTheme: 'diplomacy-bilateral-ties',
        secondaryThemes: [],
        sectors: [MOFA],
        priority: 'MEDIUM',
      },
      {
        title: 'Cooperate on technology and space, and on naval and air force capacity',
        primaryTheme: 'industry-mining-technology',
        secondaryThemes: ['defence-security'],
        sectors: ['defence', 'industries-production'],
        priority: 'MEDIUM',
      },
    ],
  },
];
