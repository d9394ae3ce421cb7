// Axis and grid styling from the CSS tokens, so the charts follow light, dark and print.

export const AXIS_TICK = { fill: 'var(--text-muted)', fontSize: 12 } as const;
export const AXIS_STROKE = 'var(--border)';
export const GRID_STROKE = 'var(--border)';
