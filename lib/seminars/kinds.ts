export const SEMINAR_KINDS = ['SEMINAR', 'ROUND_TABLE', 'CONFERENCE', 'WORKSHOP'] as const;
export type SeminarKind = (typeof SEMINAR_KINDS)[number];

export const SEMINAR_KIND_LABEL: Record<string, string> = {
  SEMINAR: 'Seminar',
  ROUND_TABLE: 'Round table',
  CONFERENCE: 'Conference',
  WORKSHOP: 'Workshop',
};
