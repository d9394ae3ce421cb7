import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRecommendations, parseReportMetadata } from '@/lib/import/parse-report';
import { SEMINAR_KINDS } from '@/lib/seminars/kinds';
import { DEFAULT_SECTORS, DEFAULT_THEMES } from '@/lib/taxonomy/default-vocabulary';
import { SEED_REPORTS } from './seed-reports';

const REPORTS_DIR = new URL('../../../prisma/seed/reports/', import.meta.url);
const themes = new Set(DEFAULT_THEMES.map((t) => t.slug));
const sectors = new Set(DEFAULT_SECTORS.map((s) => s.slug));

describe('SEED_REPORTS', () => {
  it('has the two founding reports with unique code prefixes', () => {
    expect(SEED_REPORTS.map((r) => r.codePrefix)).toEqual(['2015', '2012']);
  });

  describe.each(SEED_REPORTS.map((r) => [r.file, r] as const))('%s', (file, report) => {
    const source = readFileSync(new URL(file, REPORTS_DIR), 'utf8');

    it('classifies exactly the parsed recommendations', () => {
      const expectedCount = report.codePrefix === '2015' ? 12 : 7;
      expect(parseRecommendations(source)).toHaveLength(expectedCount);
      expect(report.recommendations).toHaveLength(expectedCount);
    });

    it('agrees with the report on title and date, and has valid metadata', () => {
      expect(parseReportMetadata(source)).toEqual({ title: report.title, date: report.date, venue: report.venue });
      expect(SEMINAR_KINDS).toContain(report.kind);
      expect(report.organiser).not.toBe('');
      expect(report.speakers.length).toBeGreaterThan(0);
      for (const s of report.speakers) expect(s.name.trim()).not.toBe('');
    });

    it.each(report.recommendations.map((r, i) => [i + 1, r] as const))('recommendation %i is well formed', (_, rec) => {
      expect(rec.title.trim()).not.toBe('');
      expect(rec.title.length).toBeLessThanOrEqual(100);
      expect(themes).toContain(rec.primaryTheme);
      expect(rec.secondaryThemes.length).toBeLessThanOrEqual(2);
      for (const slug of rec.secondaryThemes) expect(themes).toContain(slug);
      expect(rec.secondaryThemes).not.toContain(rec.primaryTheme);
      expect(new Set(rec.secondaryThemes).size).toBe(rec.secondaryThemes.length);
      expect(rec.sectors.length).toBeGreaterThanOrEqual(1);
      expect(rec.sectors.length).toBeLessThanOrEqual(3);
      for (const slug of rec.sectors) expect(sectors).toContain(slug);
      expect(new Set(rec.sectors).size).toBe(rec.sectors.length);
      expect(['LOW', 'MEDIUM', 'HIGH']).toContain(rec.priority);
    });
  });
});
