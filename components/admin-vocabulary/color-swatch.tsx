/** A data colour shown as a swatch with its code: the colour is never the only way to read it. */
export function ColorSwatch({ color }: { color: string }) {
  return (
    <span className="inline-flex items-center gap-2">
      <span aria-hidden="true" className="inline-block h-5 w-5 rounded border border-border" style={{ background: color }} />
      <span className="font-mono text-xs">{color.toLowerCase()}</span>
    </span>
  );
}
