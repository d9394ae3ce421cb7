// The dependency audit's verdict, from `npm audit --omit=dev --json`: CI fails when a high or
// critical advisory affects a production dependency. When the advisory service cannot be asked (a
// registry mirror without the audit endpoint answers 405), the audit did not run: that is said
// plainly, and fails only when AUDIT_REQUIRED=1 (a mirror must not turn every CI run red).

export type AuditVerdict = { ok: boolean; ran: boolean; message: string };

type Vulnerability = { name?: string; severity?: string; range?: string; fixAvailable?: unknown; via?: unknown[] };
type AuditReport = {
  vulnerabilities?: Record<string, Vulnerability>;
  metadata?: { vulnerabilities?: Record<string, number> };
  error?: { summary?: string; detail?: string };
  message?: string;
  statusCode?: number;
};

export const BLOCKING_SEVERITIES = ['high', 'critical'] as const;

/** The advisories' titles and links; `via` also lists, as bare names, the packages a finding comes through. */
function advisoryTitles(vulnerability: Vulnerability): string[] {
  return (vulnerability.via ?? []).flatMap((entry) => {
    if (!entry || typeof entry !== 'object') return [];
    const { title, url } = entry as { title?: unknown; url?: unknown };
    return typeof title === 'string' ? [`${title}${typeof url === 'string' ? ` (${url})` : ''}`] : [];
  });
}

export function judgeAudit(json: string, options: { required?: boolean } = {}): AuditVerdict {
  let report: AuditReport;
  try {
    report = JSON.parse(json) as AuditReport;
  } catch {
    return unavailable('npm audit printed no JSON report', options.required);
  }
  if (!report.metadata?.vulnerabilities) {
    const why = report.message || report.error?.summary || report.error?.detail || 'no report';
    return unavailable(`npm audit could not get a report: ${why}`, options.required);
  }
  const blocking = Object.entries(report.vulnerabilities ?? {}).filter(([, entry]) =>
    (BLOCKING_SEVERITIES as readonly string[]).includes(entry.severity ?? ''),
  );
  const counts = report.metadata.vulnerabilities;
  const summary = ['critical', 'high', 'moderate', 'low'].map((level) => `${counts[level] ?? 0} ${level}`).join(', ');
  if (blocking.length === 0) return { ok: true, ran: true, message: `npm audit --omit=dev: no high or critical advisory (${summary}).` };
  const lines = blocking.map(([name, entry]) => {
    const titles = advisoryTitles(entry);
    const fix = entry.fixAvailable ? 'a fix is available (npm audit fix, or upgrade the package that pulls it in)' : 'no fix released yet';
    return `  - ${name} ${entry.range ?? ''}: ${entry.severity}${titles.length ? `: ${titles.join('; ')}` : ''}; ${fix}`;
  });
  return {
    ok: false,
    ran: true,
    message: `npm audit --omit=dev: ${blocking.length} production ${blocking.length === 1 ? 'dependency has' : 'dependencies have'} a high or critical advisory (${summary}):\n${lines.join('\n')}`,
  };
}

function unavailable(why: string, required = false): AuditVerdict {
  return {
    ok: !required,
    ran: false,
    message:
      `${required ? 'error' : 'WARNING'}: the dependency audit did not run. ${why}. ${required ? '' : 'Set AUDIT_REQUIRED=1 to fail instead, where the registry serves audits.'}`.trim(),
  };
}
