// Axis, grid and tooltip styling from the CSS tokens, so the charts follow light, dark and print.
import type { CSSProperties } from 'react';

export const AXIS_TICK = { fill: 'var(--text-muted)', fontSize: 12 } as const;
export const AXIS_STROKE = 'var(--border)';
export const GRID_STROKE = 'var(--border)';

export const TOOLTIP_STYLE: { contentStyle: CSSProperties; labelStyle: CSSProperties; itemStyle: CSSProperties } = {
  contentStyle: { background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 6, color: 'var(--text)', fontSize: 13 },
  labelStyle: { color: 'var(--text)', fontWeight: 600 },
  itemStyle: { color: 'var(--text)' },
};
