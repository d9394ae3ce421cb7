// What tells the charts' series apart besides colour (colour is never the only carrier of meaning):
// a dash pattern and a marker shape per line, a fill pattern per status. Plain SVG, no state: used
// by the client charts and by the server-rendered legends alike.
import { STATUSES, type Status } from '@/lib/status/status';

export const LINE_DASHES = ['', '8 4', '2 3', '10 3 2 3', '5 5', '14 4', '1 4', '8 2 2 2 2 2', '3 6'] as const;
export const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'cross', 'triangleDown', 'plus', 'bar', 'ring'] as const;
export type MarkerShape = (typeof MARKERS)[number];

export function dashOf(index: number): string {
  return LINE_DASHES[index % LINE_DASHES.length]!;
}

export function markerOf(index: number): MarkerShape {
  return MARKERS[index % MARKERS.length]!;
}

/** A marker centred on (cx, cy): filled shapes use `color`, outlined ones draw with it. */
export function Marker({ shape, cx, cy, color, size = 4 }: { shape: MarkerShape; cx: number; cy: number; color: string; size?: number }) {
  const s = size;
  switch (shape) {
    case 'circle':
      return <circle cx={cx} cy={cy} r={s} fill={color} />;
    case 'square':
      return <rect x={cx - s} y={cy - s} width={s * 2} height={s * 2} fill={color} />;
    case 'triangle':
      return <polygon points={`${cx},${cy - s - 1} ${cx + s + 1},${cy + s} ${cx - s - 1},${cy + s}`} fill={color} />;
    case 'triangleDown':
      return <polygon points={`${cx},${cy + s + 1} ${cx + s + 1},${cy - s} ${cx - s - 1},${cy - s}`} fill={color} />;
    case 'diamond':
      return <polygon points={`${cx},${cy - s - 1} ${cx + s + 1},${cy} ${cx},${cy + s + 1} ${cx - s - 1},${cy}`} fill={color} />;
    case 'cross':
      return <path d={`M${cx - s},${cy - s}L${cx + s},${cy + s}M${cx - s},${cy + s}L${cx + s},${cy - s}`} stroke={color} strokeWidth={2.5} />;
    case 'plus':
      return <path d={`M${cx - s - 1},${cy}L${cx + s + 1},${cy}M${cx},${cy - s - 1}L${cx},${cy + s + 1}`} stroke={color} strokeWidth={2.5} />;
    case 'bar':
      return <rect x={cx - s - 1} y={cy - 1.5} width={(s + 1) * 2} height={3} fill={color} />;
    case 'ring':
      return <circle cx={cx} cy={cy} r={s} fill="var(--surface)" stroke={color} strokeWidth={2} />;
  }
}

/** The legend's sample of a line: its colour, dash and marker. */
export function LineSwatch({ color, index }: { color: string; index: number }) {
  return (
    <svg width="36" height="14" viewBox="0 0 36 14" aria-hidden="true" className="shrink-0">
      <line x1="1" y1="7" x2="35" y2="7" stroke={color} strokeWidth="2.5" strokeDasharray={dashOf(index)} />
      <Marker shape={markerOf(index)} cx={18} cy={7} color={color} size={3.5} />
    </svg>
  );
}

export function statusSlug(status: Status): string {
  return status.toLowerCase().replace(/_/g, '-');
}

export const statusColor = (status: Status) => `var(--status-${statusSlug(status)})`;
export const statusPatternFill = (status: Status) => `url(#status-pattern-${statusSlug(status)})`;

/** The overlay drawn over each status colour, in the surface colour: dots, hatches, or none. */
function overlay(status: Status) {
  const ink = { stroke: 'var(--surface)', strokeWidth: 1.6, strokeOpacity: 0.75 };
  switch (status) {
    case 'NOT_STARTED':
      return <circle cx="4" cy="4" r="1.4" fill="var(--surface)" fillOpacity={0.8} />;
    case 'IN_PROGRESS':
      return <path d="M-1,1 l2,-2 M0,8 l8,-8 M7,9 l2,-2" {...ink} />;
    case 'PARTIALLY_IMPLEMENTED':
      return <path d="M-1,1 l2,-2 M0,8 l8,-8 M7,9 l2,-2 M-1,7 l2,2 M0,0 l8,8 M7,-1 l2,2" {...ink} />;
    case 'IMPLEMENTED':
      return null;
    case 'STALLED':
      return <path d="M0,2 h8 M0,6 h8" {...ink} />;
    case 'NO_LONGER_RELEVANT':
      return <path d="M2,0 v8 M6,0 v8" {...ink} />;
  }
}

/**
 * The status fill patterns, defined once per page in a hidden SVG: every chart and legend on the
 * page refers to them as url(#status-pattern-...). Colours come from the --status-* variables, so
 * they follow light, dark and print.
 */
export function StatusPatterns() {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" className="absolute">
      <defs>
        {STATUSES.map((status) => (
          <pattern key={status} id={`status-pattern-${statusSlug(status)}`} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill={statusColor(status)} />
            {overlay(status)}
          </pattern>
        ))}
      </defs>
    </svg>
  );
}

export function StatusSwatch({ status }: { status: Status }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" className="shrink-0">
      <rect x="0.5" y="0.5" width="15" height="15" fill={statusPatternFill(status)} stroke="var(--text-muted)" />
    </svg>
  );
}
