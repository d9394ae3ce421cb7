import { describe, expect, it } from 'vitest';
import { DEFAULT_SECTORS, DEFAULT_THEMES, type VocabularyEntry } from './default-vocabulary';

/** WCAG 2 relative luminance of #rrggbb. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrast(a: string, b: string): number {
  const [dark, light] = [luminance(a), luminance(b)].sort((x, y) => x - y) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('contrast helper', () => {
  it('matches the WCAG reference values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

describe.each([
  ['DEFAULT_THEMES', DEFAULT_THEMES, 9],
  ['DEFAULT_SECTORS', DEFAULT_SECTORS, 10],
] as const)('%s', (_, entries: readonly VocabularyEntry[], count) => {
  it(`has ${count} entries with unique kebab-case slugs, unique names and ascending sort order`, () => {
    expect(entries).toHaveLength(count);
    for (const e of entries) expect(e.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(new Set(entries.map((e) => e.slug)).size).toBe(count);
    expect(new Set(entries.map((e) => e.name)).size).toBe(count);
    const orders = entries.map((e) => e.sortOrder);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(new Set(orders).size).toBe(count);
  });

  it('has a description and a distinct valid #rrggbb colour for each entry', () => {
    for (const e of entries) {
      expect(e.description.trim()).not.toBe('');
      expect(e.color).toMatch(/^#[0-9a-fA-F]{6}$/);
    }
    expect(new Set(entries.map((e) => e.color.toLowerCase())).size).toBe(count);
  });

  it.each(['#ffffff', '#0f172a'])('keeps every colour at >= 3:1 contrast against %s', (background) => {
    for (const e of entries) expect(contrast(e.color, background), `${e.slug} ${e.color}`).toBeGreaterThanOrEqual(3);
  });
});
