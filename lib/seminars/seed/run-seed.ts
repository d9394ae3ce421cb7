// Seeds the vocabularies and the two founding reports. Idempotent: what exists (matched by
// theme/sector slug, seminar code prefix and recommendation code) is left exactly as it is,
// so a second run changes nothing and never undoes an administrator's edits.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Db, Tx } from '@/lib/db';
import { writeAudit, type AuditActor } from '@/lib/audit/write-audit';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { parseDateOnly } from '@/lib/dates';
import { parseRecommendations } from '@/lib/import/parse-report';
import { DEFAULT_SECTORS, DEFAULT_THEMES } from '@/lib/taxonomy/default-vocabulary';
import { recommendationCode } from '@/lib/recommendations/code';
import { SEED_REPORTS, type SeedReport } from './seed-reports';
import { createRecommendations } from '@/lib/recommendations/create-recommendations';

export const SEED_REPORTS_DIR = path.join(process.cwd(), 'prisma', 'seed', 'reports');

export type SeedSummary = { themes: number; sectors: number; seminars: number; recommendations: number };

/** Idempotent: creates only what is missing. The command line and the server's start-up run it as SYSTEM_ACTOR. */
export async function runSeed(db: Db, actor: Actor): Promise<SeedSummary> {
  requireRole(actor, 'ADMIN');
  const summary: SeedSummary = { themes: 0, sectors: 0, seminars: 0, recommendations: 0 };
  // Start-up is not in a hurry: Prisma's default 5 s for a transaction was overrun on a loaded 2-core
  // machine (load average 30), and the seed then failed half-way, stopping npm start.
  const patient = { timeout: 120_000, maxWait: 60_000 };
  await db.$transaction(async (tx) => {
    summary.themes = await seedVocabulary(tx, 'theme', actor);
    summary.sectors = await seedVocabulary(tx, 'sector', actor);
  }, patient);
  for (const report of SEED_REPORTS) {
    const created = await db.$transaction((tx) => seedReport(tx, report, actor), patient);
    summary.seminars += created.seminar ? 1 : 0;
    summary.recommendations += created.recommendations;
  }
  return summary;
}

async function seedVocabulary(tx: Tx, kind: 'theme' | 'sector', actor: AuditActor): Promise<number> {
  const entries = kind === 'theme' ? DEFAULT_THEMES : DEFAULT_SECTORS;
  const existing = await idsBySlug(tx, kind);
  let created = 0;
  for (const entry of entries) {
    if (existing.has(entry.slug)) continue;
    const row = kind === 'theme' ? await tx.theme.create({ data: entry }) : await tx.sector.create({ data: entry });
    await writeAudit(tx, { actor, action: `${kind}.create`, entityType: kind, entityId: row.id, after: entry });
    created += 1;
  }
  return created;
}

async function seedReport(tx: Tx, report: SeedReport, actor: AuditActor): Promise<{ seminar: boolean; recommendations: number }> {
  const sourceText = readFileSync(path.join(SEED_REPORTS_DIR, report.file), 'utf8');
  const parsed = parseRecommendations(sourceText);
  if (parsed.length !== report.recommendations.length) {
    throw new Error(`${report.file}: parsed ${parsed.length} recommendations, the seed classifies ${report.recommendations.length}`);
  }
  const date = parseDateOnly(report.date);
  if (!date) throw new Error(`${report.file}: bad date ${report.date}`);

  let seminar = await tx.seminar.findUnique({ where: { codePrefix: report.codePrefix }, select: { id: true } });
  const seminarCreated = !seminar;
  if (!seminar) {
    seminar = await tx.seminar.create({
      data: {
        codePrefix: report.codePrefix,
        title: report.title,
        kind: report.kind,
        date,
        venue: report.venue,
        organiser: report.organiser,
        sourceFileName: report.file,
        sourceText,
        speakers: { create: report.speakers.map((speaker, index) => ({ ...speaker, position: index + 1 })) },
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor,
      action: 'seminar.create',
      entityType: 'seminar',
      entityId: seminar.id,
      after: { title: report.title, date: report.date, source: report.file },
    });
  }

  const themeIds = await idsBySlug(tx, 'theme');
  const sectorIds = await idsBySlug(tx, 'sector');
  const codes = parsed.map((_, index) => recommendationCode(report.codePrefix, index + 1));
  const existing = new Set(
    (await tx.recommendation.findMany({ where: { code: { in: codes } }, select: { code: true } })).map((r) => r.code),
  );

  const missing = parsed.flatMap((item, index) => {
    if (existing.has(codes[index]!)) return [];
    const seed = report.recommendations[index]!;
    return [
      {
        position: index + 1,
        title: seed.title,
        text: item.text,
        span: { start: item.start, end: item.end, lineStart: item.lineStart, lineEnd: item.lineEnd },
        primaryThemeId: lookup(themeIds, seed.primaryTheme),
        secondaryThemeIds: seed.secondaryThemes.map((slug) => lookup(themeIds, slug)),
        sectorIds: seed.sectors.map((slug) => lookup(sectorIds, slug)),
        priority: seed.priority,
      },
    ];
  });
  const created = await createRecommendations(tx, { id: seminar.id, codePrefix: report.codePrefix, date }, missing, actor);
  return { seminar: seminarCreated, recommendations: created.length };
}

async function idsBySlug(tx: Tx, kind: 'theme' | 'sector'): Promise<Map<string, string>> {
  const rows =
    kind === 'theme'
      ? await tx.theme.findMany({ select: { id: true, slug: true } })
      : await tx.sector.findMany({ select: { id: true, slug: true } });
  return new Map(rows.map((row) => [row.slug, row.id]));
}

function lookup(ids: Map<string, string>, slug: string): string {
  const id = ids.get(slug);
  if (!id) throw new Error(`Seed refers to unknown vocabulary entry "${slug}"`);
  return id;
}
