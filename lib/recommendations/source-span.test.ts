import { describe, expect, it } from 'vitest';
import { differsFromSource, findSourceSpan } from './source-span';

const SOURCE = 'Report\n\nRecommendations\n\n1. Both governments should set up\n   a joint working group on trade.\n2. Visas should be easier.\n';

describe('source span of a hand-entered text', () => {
  it('source span: found with whitespace normalised, with its lines', () => {
    const span = findSourceSpan(SOURCE, 'Both governments should set up a joint   working group on trade.');
    expect(span).not.toBeNull();
    expect(SOURCE.slice(span!.start, span!.end)).toBe('Both governments should set up\n   a joint working group on trade.');
    expect(span).toMatchObject({ lineStart: 5, lineEnd: 6 });
  });

  it('source span: none for a text not in the report, a blank text or no report', () => {
    expect(findSourceSpan(SOURCE, 'Something else entirely.')).toBeNull();
    expect(findSourceSpan(SOURCE, '   ')).toBeNull();
    expect(findSourceSpan('', 'Visas should be easier.')).toBeNull();
  });

  it('source span: a corrected text differs from its span; the original does not; no span, no difference', () => {
    const span = findSourceSpan(SOURCE, 'Visas should be easier.')!;
    expect(differsFromSource(SOURCE, span, 'Visas should be easier.')).toBe(false);
    expect(differsFromSource(SOURCE, span, 'Visas should be much easier.')).toBe(true);
    expect(differsFromSource(SOURCE, { start: null, end: null }, 'Anything')).toBe(false);
  });
});
