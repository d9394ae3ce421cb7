import type { Db } from '@/lib/db';

export type FilterValues = { seminar: string[]; theme: string[]; sector: string[] };

/**
 * The command line's filter values as ids: a seminar by its id or code prefix (e.g. 2015), a theme
 * or sector by its id or slug, since people type those rather than ids. Values that name nothing
 * come back in `unknown`, so the caller can refuse them instead of silently reporting on nothing.
 */
export async function resolveFilterIds(db: Db, values: FilterValues): Promise<{ ids: FilterValues; unknown: { field: keyof FilterValues; value: string }[] }> {
  const [seminars, themes, sectors] = await Promise.all([
    values.seminar.length
      ? db.seminar.findMany({ where: { OR: [{ id: { in: values.seminar } }, { codePrefix: { in: values.seminar } }] }, select: { id: true, codePrefix: true } })
      : [],
    values.theme.length
      ? db.theme.findMany({ where: { OR: [{ id: { in: values.theme } }, { slug: { in: values.theme } }] }, select: { id: true, slug: true } })
      : [],
    values.sector.length
      ? db.sector.findMany({ where: { OR: [{ id: { in: values.sector } }, { slug: { in: values.sector } }] }, select: { id: true, slug: true } })
      : [],
  ]);
  const unknown: { field: keyof FilterValues; value: string }[] = [];
  const match = (field: keyof FilterValues, rows: { id: string; key: string }[]) =>
    values[field].flatMap((value) => {
      const row = rows.find((candidate) => candidate.id === value || candidate.key === value);
      if (!row) unknown.push({ field, value });
      return row ? [row.id] : [];
    });
  const ids = {
    seminar: match(
      'seminar',
      seminars.map((s) => ({ id: s.id, key: s.codePrefix })),
    ),
    theme: match(
      'theme',
      themes.map((t) => ({ id: t.id, key: t.slug })),
    ),
    sector: match(
      'sector',
      sectors.map((s) => ({ id: s.id, key: s.slug })),
    ),
  };
  return { ids: { seminar: [...new Set(ids.seminar)], theme: [...new Set(ids.theme)], sector: [...new Set(ids.sector)] }, unknown };
}
