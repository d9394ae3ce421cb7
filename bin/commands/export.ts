import { writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from '../../lib/db/client';
import { exportQuarterlyReport } from '../../lib/reporting/export-quarterly-report';
import { SYSTEM_ACTOR } from '../../lib/auth/actor';
import { resolveFilterIds } from '../../lib/reporting/resolve-filter-ids';
import { quarterLabel } from '../../lib/progress/quarters';
import { refreshDisplaySettings } from '../../lib/settings/display-settings-cache';
import { quarterlyReportQuerySchema } from '../../lib/validations/quarterly-report';

export type ExportOptions = {
  quarter: string;
  format: string;
  csv?: string;
  out: string;
  seminar: string[];
  theme: string[];
  sector: string[];
  force?: boolean;
};

const FORMAT_NAME: Record<string, string> = { pdf: 'PDF', xlsx: 'workbook', csv: 'CSV' };

/** Progress goes to stderr, so stdout stays free for whatever the caller pipes. */
const progress = (line: string) => console.error(line);

function operator(): string {
  try {
    return `Command line (${os.userInfo().username})`;
  } catch {
    return 'Command line';
  }
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * `tracker export`: the quarterly summary to a file, with the same input rules as the download
 * route (lib/validations/quarterly-report.ts). Refuses to overwrite --out unless --force.
 */
export async function runExport(url: string, options: ExportOptions): Promise<void> {
  const parsed = quarterlyReportQuerySchema.safeParse({
    quarter: options.quarter,
    format: options.format,
    csv: options.csv,
    seminar: options.seminar,
    theme: options.theme,
    sector: options.sector,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`error: --${String(issue.path[0] ?? 'input')}: ${issue.message}`);
    process.exitCode = 2;
    return;
  }
  const query = parsed.data;
  const out = path.resolve(options.out);
  if (!options.force && existsSync(out)) {
    console.error(`error: ${out} already exists; choose another --out or pass --force to overwrite it.`);
    process.exitCode = 2;
    return;
  }

  const db = createClient(url);
  try {
    const { ids, unknown } = await resolveFilterIds(db, query);
    if (unknown.length) {
      for (const { field, value } of unknown)
        console.error(`error: --${field} ${value}: no ${field} has this id${field === 'seminar' ? ' or code prefix' : ' or slug'}.`);
      process.exitCode = 2;
      return;
    }
    // Dates and numbers as the administrator chose them for the web pages (or the environment's).
    await refreshDisplaySettings(db);
    progress(`Making the ${FORMAT_NAME[query.format]}${query.format === 'csv' ? ` of ${query.csv}` : ''} for ${quarterLabel(query.quarter)}…`);
    const { report, file } = await exportQuarterlyReport(db, { ...query, ...ids, generatedBy: operator() }, query, SYSTEM_ACTOR, {
      onProgress: ({ read, total }) => progress(`  read ${read.toLocaleString('en')} of ${total.toLocaleString('en')} recommendations`),
    });
    const { data } = report;
    progress(
      `  ${data.headline.tracked.current} recommendations, ${data.changes.total} status changes and ${data.evidence.total} evidence notes in the quarter.`,
    );
    // 'wx' fails if the file appeared meanwhile: --force is the only way to overwrite.
    await writeFile(out, file.body, { flag: options.force ? 'w' : 'wx' });
    progress(`Wrote ${out} (${kilobytes(file.body.length)}).`);
  } finally {
    await db.$disconnect();
  }
}
