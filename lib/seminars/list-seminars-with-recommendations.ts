import { db } from '@/lib/db';
import type { Status } from '@/lib/status/status';

export type SeminarGroup = {
  id: string;
  title: string;
  kind: string;
  date: Date;
  recommendations: {
    id: string;
    code: string;
    title: string;
    status: Status;
    primaryTheme: { name: string; color: string };
    sectors: { name: string }[];
  }[];
};

/** Every seminar, newest first, with its recommendations in source order. Two queries in all. */
export async function listSeminarsWithRecommendations(): Promise<SeminarGroup[]> {
  const seminars = await db.seminar.findMany({
    orderBy: { date: 'desc' },
    select: {
      id: true,
      title: true,
      kind: true,
      date: true,
      recommendations: {
        where: { archived: false },
        orderBy: { position: 'asc' },
        select: {
          id: true,
          code: true,
          title: true,
          status: true,
          primaryTheme: { select: { name: true, color: true } },
          sectors: { select: { sector: { select: { name: true } } }, orderBy: { sector: { sortOrder: 'asc' } } },
        },
      },
    },
  });
  return seminars.map((seminar) => ({
    ...seminar,
    recommendations: seminar.recommendations.map((item) => ({
      ...item,
      status: item.status as Status,
      sectors: item.sectors.map((link) => link.sector),
    })),
  }));
}
