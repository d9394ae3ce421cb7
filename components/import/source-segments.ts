// The source text cut into runs for highlighting: each run is plain, or inside one or more items'
// spans (spans may overlap after edits). Pure, so the source pane can be memoised on the spans alone.

export type SpanMark = { key: string; number: number; start: number; end: number };
export type Segment = { start: number; end: number; keys: string[]; /** Items whose span starts here (for their number badge). */ starts: SpanMark[] };

export function sourceSegments(length: number, spans: readonly SpanMark[]): Segment[] {
  const valid = spans.map((span) => ({ ...span, start: Math.max(0, span.start), end: Math.min(length, span.end) })).filter((span) => span.start < span.end);
  const cuts = new Set<number>([0, length]);
  for (const span of valid) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const inside = valid.filter((span) => span.start <= start && end <= span.end);
    segments.push({
      start,
      end,
      keys: inside.map((span) => span.key),
      starts: inside.filter((span) => span.start === start).sort((a, b) => a.number - b.number),
    });
  }
  return segments;
}

/** A stable signature of the spans: the source pane re-renders only when it changes, not on every keystroke in an item's text. */
export function spansSignature(spans: readonly SpanMark[]): string {
  return spans.map((span) => `${span.key}:${span.number}:${span.start}-${span.end}`).join(',');
}
