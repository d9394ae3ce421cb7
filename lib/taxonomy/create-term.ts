import type { Db, Tx } from '@/lib/db';
import { writeAudit } from '@/lib/audit/write-audit';
import { requireRole, type Actor } from '@/lib/auth/actor';
import type { CreateTermInput, TermKind } from '@/lib/validations/taxonomy';
import { duplicateNameError, findNameClash, TERM_SELECT, type TermRow } from './term-store';

const SORT_STEP = 10;

/** "Trade & Économie" -> "trade-economie"; the kind when nothing URL-safe is left (e.g. a non-Latin name). */
export function slugify(name: string, fallback: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** The slug, or the slug with the first free "-2", "-3", ... suffix. */
async function freeSlug(tx: Tx, kind: TermKind, base: string): Promise<string> {
  const args = { where: { slug: { startsWith: base } }, select: { slug: true } };
  const taken = new Set((kind === 'theme' ? await tx.theme.findMany(args) : await tx.sector.findMany(args)).map((row) => row.slug));
  if (!taken.has(base)) return base;
  let suffix = 2;
  while (taken.has(`${base}-${suffix}`)) suffix += 1;
  return `${base}-${suffix}`;
}

/**
 * Adds a theme or sector at the end of its list. Names are unique per kind ignoring case; the
 * slug is derived from the name once and then kept, so links and filters survive a rename.
 */
export async function createTerm(db: Db, input: CreateTermInput, actor: Actor): Promise<TermRow> {
  requireRole(actor, 'ADMIN');
  const { kind } = input;
  try {
    return await db.$transaction(async (tx) => {
      const clash = await findNameClash(tx, kind, input.name);
      if (clash) throw duplicateNameError(kind, clash);
      const slug = await freeSlug(tx, kind, slugify(input.name, kind));
      const aggregate = { _max: { sortOrder: true } } as const;
      const max = (kind === 'theme' ? await tx.theme.aggregate(aggregate) : await tx.sector.aggregate(aggregate))._max.sortOrder ?? 0;
      const data = { slug, name: input.name, description: input.description, color: input.color, sortOrder: max + SORT_STEP };
      const term = kind === 'theme' ? await tx.theme.create({ data, select: TERM_SELECT }) : await tx.sector.create({ data, select: TERM_SELECT });
      await writeAudit(tx, { actor, action: `${kind}.create`, entityType: kind, entityId: term.id, after: data });
      return term;
    });
  } catch (error) {
    // P2002: someone added the same name (or slug) between the check and the insert.
    if ((error as { code?: unknown } | null)?.code === 'P2002') throw duplicateNameError(kind, { name: input.name });
    throw error;
  }
}
