import { describe, expect, it } from 'vitest';
import { fieldErrors } from './form-data';
import { evidenceSchema } from './evidence';
import { statusChangeFormSchema, statusChangeSchema } from './status-change';

describe('status change input: one schema for the form and the API', () => {
  it('status input: form strings are coerced, blank note and blank inline evidence are dropped', () => {
    const parsed = statusChangeFormSchema.parse({
      recommendationId: 'rec1',
      status: 'IN_PROGRESS',
      effectiveDate: '2024-03-01',
      note: '  ',
      expectedVersion: '3',
      'evidence.body': '',
      'evidence.evidenceDate': '2024-03-01',
      'evidence.sourceTitle': '',
      'evidence.sourceUrl': '',
    });
    expect(parsed).toEqual({
      recommendationId: 'rec1',
      status: 'IN_PROGRESS',
      effectiveDate: new Date('2024-03-01T00:00:00Z'),
      note: undefined,
      expectedVersion: 3,
      evidence: undefined,
    });
  });

  it('status input: flat form evidence fields are nested, and an undated note takes the effective date', () => {
    const parsed = statusChangeSchema.parse({
      status: 'IMPLEMENTED',
      effectiveDate: '2024-03-01',
      expectedVersion: '1',
      'evidence.body': 'Signed.',
      'evidence.evidenceDate': '',
      'evidence.sourceUrl': 'https://example.org/mou',
    });
    expect(parsed.evidence).toEqual({
      body: 'Signed.',
      evidenceDate: new Date('2024-03-01T00:00:00Z'),
      sourceTitle: undefined,
      sourceUrl: 'https://example.org/mou',
    });
  });

  it('status input: JSON with nested evidence parses the same way', () => {
    const parsed = statusChangeSchema.parse({
      status: 'IMPLEMENTED',
      effectiveDate: '2024-03-01',
      expectedVersion: 1,
      note: null,
      evidence: { body: 'Signed.', evidenceDate: '2024-02-28' },
    });
    expect(parsed.evidence?.evidenceDate).toEqual(new Date('2024-02-28T00:00:00Z'));
  });

  it('status input: bad fields are reported by name, inline evidence errors under evidence.*', () => {
    const result = statusChangeFormSchema.safeParse({
      recommendationId: 'rec1',
      status: 'DONE',
      effectiveDate: '2024-02-30',
      expectedVersion: '',
      'evidence.body': '',
      'evidence.sourceUrl': 'javascript:alert(1)',
    });
    expect(result.success).toBe(false);
    const fields = fieldErrors(result.error!);
    expect(Object.keys(fields).sort()).toEqual(['effectiveDate', 'evidence.body', 'evidence.sourceUrl', 'expectedVersion', 'status']);
  });

  it('evidence input: only http and https source addresses are accepted', () => {
    const base = { body: 'x', evidenceDate: '2024-01-01' };
    expect(evidenceSchema.safeParse({ ...base, sourceUrl: 'http://example.org' }).success).toBe(true);
    for (const sourceUrl of ['javascript:alert(1)', 'ftp://example.org', 'mailto:a@b.org', 'not a url']) {
      expect(evidenceSchema.safeParse({ ...base, sourceUrl }).success, sourceUrl).toBe(false);
    }
    expect(evidenceSchema.safeParse({ ...base, body: 'x'.repeat(20_001) }).success).toBe(false);
  });
});
