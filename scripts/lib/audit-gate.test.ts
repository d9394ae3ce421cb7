import { describe, expect, it } from 'vitest';
import { judgeAudit } from './audit-gate';

/** The shape `npm audit --json` prints (auditReportVersion 2), with one advisory of `severity`. */
function report(severity: 'low' | 'moderate' | 'high' | 'critical' | null) {
  const counts = { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: severity ? 1 : 0 };
  if (severity) counts[severity] = 1;
  return JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: severity
      ? {
          'example-parser': {
            name: 'example-parser',
            severity,
            isDirect: false,
            via: [
              {
                source: 1,
                name: 'example-parser',
                title: 'Prototype pollution in example-parser',
                url: 'https://github.com/advisories/GHSA-xxxx',
                severity,
                range: '<2.0.1',
              },
            ],
            effects: [],
            range: '<2.0.1',
            nodes: ['node_modules/example-parser'],
            fixAvailable: true,
          },
        }
      : {},
    metadata: { vulnerabilities: counts, dependencies: { prod: 310, dev: 0, optional: 0, peer: 0, peerOptional: 0, total: 310 } },
  });
}

describe('dependency audit gate', () => {
  it('audit: a high or critical advisory fails the gate and names the package and advisory', () => {
    for (const severity of ['high', 'critical'] as const) {
      const verdict = judgeAudit(report(severity));
      expect(verdict).toMatchObject({ ok: false, ran: true });
      expect(verdict.message).toContain('example-parser <2.0.1');
      expect(verdict.message).toContain('Prototype pollution in example-parser');
    }
  });

  it('audit: none, low or moderate advisories pass', () => {
    for (const severity of [null, 'low', 'moderate'] as const) expect(judgeAudit(report(severity))).toMatchObject({ ok: true, ran: true });
  });

  it('audit: an advisory service that cannot answer is reported as not run, and fails only when required', () => {
    const refused = JSON.stringify({
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
      error: { summary: '', detail: '' },
    });
    expect(judgeAudit(refused)).toMatchObject({ ok: true, ran: false, message: expect.stringContaining('405 Method Not Allowed') });
    expect(judgeAudit(refused, { required: true })).toMatchObject({ ok: false, ran: false });
    expect(judgeAudit('npm error network', { required: true })).toMatchObject({ ok: false, ran: false });
  });
});
