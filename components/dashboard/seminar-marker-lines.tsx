'use client';

// The seminars' arrivals on a progress chart's time axis: a dashed vertical line at the quarter a
// seminar's recommendations entered the series, labelled with how many came and from where.
import { ReferenceLine } from 'recharts';
import type { SeminarMarker } from '@/lib/progress/arrival-notes';

/**
 * With more markers than this, labels are only the numbers of the key below the chart
 * (seminar-marker-key.tsx), which names the seminars; fewer also say how many recommendations came.
 */
const NAMED_LABELS = 4;

export function markerText(marker: SeminarMarker): string {
  const items = marker.seminars.reduce((sum, seminar) => sum + seminar.items, 0);
  const from = marker.seminars.length === 1 ? marker.seminars[0]!.title : `${marker.seminars.length} seminars`;
  return `+${items} ${items === 1 ? 'recommendation' : 'recommendations'}: ${from}`;
}

type LabelBox = { viewBox?: { x?: number; y?: number; width?: number; height?: number } };

/**
 * The reference lines, as elements to put inside a cartesian chart. `positionOf` is the marker's
 * place along the axis from 0 to 1, so labels near the right edge run leftwards.
 */
export function seminarMarkerLines(markers: SeminarMarker[], positionOf: (quarter: string) => number, compact: boolean) {
  const named = !compact && markers.length <= NAMED_LABELS;
  return markers.map((marker, index) => {
    const items = marker.seminars.reduce((sum, seminar) => sum + seminar.items, 0);
    const text = named ? `${index + 1} · +${items} new` : String(index + 1);
    const label = ({ viewBox }: LabelBox) => {
      const x = viewBox?.x ?? 0;
      const y = (viewBox?.y ?? 0) + 12 + (named ? (index % 2) * 15 : 0);
      const rightwards = positionOf(marker.quarter) < 0.6;
      return (
        <text
          x={rightwards ? x + 4 : x - 4}
          y={y}
          textAnchor={rightwards ? 'start' : 'end'}
          fontSize={12}
          fontWeight={600}
          fill="var(--text)"
          stroke="var(--surface)"
          strokeWidth={4}
          paintOrder="stroke"
          data-seminar-marker={marker.quarter}
        >
          {text}
        </text>
      );
    };
    return (
      <ReferenceLine
        key={marker.quarter}
        x={marker.quarter}
        stroke="var(--text-muted)"
        strokeDasharray="4 3"
        strokeWidth={1.5}
        ifOverflow="extendDomain"
        label={label}
      />
    );
  });
}
