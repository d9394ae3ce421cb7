import { describe, expect, it } from 'vitest';
import { parseDateOnly } from '@/lib/dates';
import { checkEvidenceDate, checkStatusChange, evidenceRequiredFor, type StatusChangeFacts } from './status-rules';

const day = (text: string) => parseDateOnly(text)!;

const facts = (overrides: Partial<StatusChangeFacts> = {}): StatusChangeFacts => ({
  toStatus: 'IN_PROGRESS',
  effectiveDate: day('2024-03-01'),
  seminarDate: day('2015-02-12'),
  today: day('2026-11-24'),
  statusInForce: 'NOT_STARTED',
  evidenceCount: 0,
  inlineEvidence: false,
  ...overrides,
});

describe('status rules', () => {
  it('status rules: an ordinary change in the past is allowed', () => {
    expect(checkStatusChange(facts())).toBeNull();
  });

  it('status rules: today is allowed, tomorrow is not', () => {
    expect(checkStatusChange(facts({ effectiveDate: day('2026-11-24') }))).toBeNull();
    const violation = checkStatusChange(facts({ effectiveDate: day('2026-11-25') }));
    expect(violation?.fields.effectiveDate?.[0]).toMatch(/cannot be in the future/);
  });

  it('status rules: the seminar date is allowed, the day before is not', () => {
    expect(checkStatusChange(facts({ effectiveDate: day('2015-02-12') }))).toBeNull();
    const violation = checkStatusChange(facts({ effectiveDate: day('2015-02-11') }));
    expect(violation?.fields.effectiveDate?.[0]).toMatch(/before the seminar/);
  });

  it('status rules: partially implemented and implemented need evidence, existing or inline', () => {
    for (const toStatus of ['PARTIALLY_IMPLEMENTED', 'IMPLEMENTED'] as const) {
      const refused = checkStatusChange(facts({ toStatus }));
      expect(refused?.fields['evidence.body']?.[0]).toMatch(/needs evidence/);
      expect(checkStatusChange(facts({ toStatus, evidenceCount: 1 }))).toBeNull();
      expect(checkStatusChange(facts({ toStatus, inlineEvidence: true }))).toBeNull();
    }
  });

  it('status rules: other statuses need no evidence', () => {
    for (const toStatus of ['IN_PROGRESS', 'STALLED', 'NO_LONGER_RELEVANT'] as const) {
      expect(checkStatusChange(facts({ toStatus }))).toBeNull();
    }
  });

  it('status rules: the status already in force on that date is refused with a clear message', () => {
    const violation = checkStatusChange(facts({ toStatus: 'NOT_STARTED', statusInForce: 'NOT_STARTED' }));
    expect(violation?.fields.status?.[0]).toMatch(/already Not started on/);
  });

  it('status rules: every broken rule is reported at once', () => {
    const violation = checkStatusChange(facts({ toStatus: 'IMPLEMENTED', effectiveDate: day('2030-01-01') }));
    expect(Object.keys(violation?.fields ?? {}).sort()).toEqual(['effectiveDate', 'evidence.body']);
    expect(violation?.message).toMatch(/future.*evidence/);
  });

  it('status rules: evidence cannot be dated in the future', () => {
    expect(checkEvidenceDate(day('2026-11-24'), day('2026-11-24'))).toBeNull();
    expect(checkEvidenceDate(day('2026-11-25'), day('2026-11-24'), 'evidence.evidenceDate')?.fields['evidence.evidenceDate']).toHaveLength(1);
  });

  it('status rules: evidence is required with the change only for a status that needs it on an item without any', () => {
    expect(evidenceRequiredFor('IMPLEMENTED', 0)).toBe(true);
    expect(evidenceRequiredFor('PARTIALLY_IMPLEMENTED', 0)).toBe(true);
    expect(evidenceRequiredFor('IMPLEMENTED', 1)).toBe(false);
    expect(evidenceRequiredFor('IN_PROGRESS', 0)).toBe(false);
    expect(evidenceRequiredFor(null, 0)).toBe(false);
  });
});
