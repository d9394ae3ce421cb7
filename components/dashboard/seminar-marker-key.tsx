import type { SeminarMarker } from '@/lib/progress/arrival-notes';

/**
 * The key to the chart's dashed seminar lines, in the page's HTML: when each seminar's recommendations
 * were added and how many. Numbered as the lines are when there are too many to name on the chart.
 */
/** Seminars named per quarter; more are counted. */
const NAMED = 3;

export function SeminarMarkerKey({ markers }: { markers: SeminarMarker[] }) {
  if (markers.length === 0) return null;
  return (
    <div className="text-sm">
      <p className="font-medium">
        Dashed lines: quarters when seminars added at least a tenth of the recommendations tracked. New recommendations start at 0%.
      </p>
      <ol aria-label="Seminars on the time axis" className="mt-1 list-inside list-decimal space-y-0.5 marker:font-semibold">
        {markers.map((marker) => (
          <li key={marker.quarter}>
            <span className="font-medium">{marker.quarter}</span>:{' '}
            {marker.seminars
              .slice(0, NAMED)
              .map((seminar) => `${seminar.title} (${seminar.date}), ${seminar.items} ${seminar.items === 1 ? 'recommendation' : 'recommendations'}`)
              .join('; ')}
            {marker.seminars.length > NAMED && `; and ${marker.seminars.length - NAMED} more seminars`}
          </li>
        ))}
      </ol>
    </div>
  );
}
