import type { Db } from '@/lib/db';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { buildQuarterlyReport, type BuildQuarterlyReportInput } from './build-quarterly-report';
import type { QuarterlyReport } from './report-types';

/**
 * The quarterly summary as the report page shows it. The page's entry point, so the role is
 * checked here; buildQuarterlyReport is the builder it shares with the file export.
 */
export async function getQuarterlyReport(db: Db, input: BuildQuarterlyReportInput, actor: Actor): Promise<QuarterlyReport> {
  requireRole(actor, 'VIEWER');
  return buildQuarterlyReport(db, input);
}
