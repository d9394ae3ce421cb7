import { Circle, G, Line, Polyline, Svg, Text, View } from '@react-pdf/renderer';
import { formatPercent } from '@/lib/format';
import { chartGeometry, chartPanels, PANEL_COLORS, type ChartPanel, type Point } from '../chart-geometry';
import type { ReportSeries } from '../report-types';
import { PDF_FONT, pdfLine } from './fonts';
import { MUTED, RULE, styles } from './pdf-styles';

const COLUMNS = 3;
const GAP = 10;
const WIDTH = (515 - GAP * (COLUMNS - 1)) / COLUMNS;
const HEIGHT = 88;

// SVG text takes its font from these inherited attributes (react-pdf's layout passes fontFamily
// and fontSize down the SVG tree); its types do not list them, hence the spread.
const SVG_FONT = { fontFamily: PDF_FONT, fontSize: 6.5 } as Record<string, unknown>;

function Run({ run, color, width, dashed }: { run: Point[]; color: string; width: number; dashed?: boolean }) {
  if (run.length === 1) return <Circle cx={run[0]![0]} cy={run[0]![1]} r={1.8} fill={color} />;
  return (
    <Polyline
      points={run.map(([x, y]) => `${x},${y}`).join(' ')}
      stroke={color}
      strokeWidth={width}
      fill="none"
      strokeLinejoin="round"
      {...(dashed ? { strokeDasharray: '3 2' } : {})}
    />
  );
}

function Panel({ panel }: { panel: ChartPanel }) {
  const chart = chartGeometry(panel.series, WIDTH, HEIGHT, 2);
  const { plot } = chart;
  return (
    <View style={{ width: WIDTH, marginBottom: 8 }} wrap={false}>
      <Text style={{ fontSize: 8, fontWeight: 700 }}>
        {pdfLine(panel.title)} <Text style={{ fontWeight: 400, color: MUTED }}>{formatPercent(panel.current === null ? null : panel.current / 100)}</Text>
      </Text>
      <Svg width={WIDTH} height={HEIGHT} {...SVG_FONT}>
        {chart.yTicks
          .filter((tick) => tick.label !== '25%' && tick.label !== '75%')
          .map((tick) => (
            <G key={tick.label}>
              <Line x1={plot.left} y1={tick.y} x2={plot.right} y2={tick.y} stroke={RULE} strokeWidth={0.5} />
              <Text x={plot.left - 3} y={tick.y + 2.2} textAnchor="end" fill={MUTED}>
                {tick.label}
              </Text>
            </G>
          ))}
        {chart.xTicks.map((tick) => (
          <G key={tick.label}>
            <Line x1={tick.x} y1={plot.bottom} x2={tick.x} y2={plot.bottom + 3} stroke={MUTED} strokeWidth={0.5} />
            <Text x={tick.x} y={plot.bottom + 11} textAnchor={tick.anchor} fill={MUTED}>
              {tick.label}
            </Text>
          </G>
        ))}
        {chart.overall.map((run, index) => (
          <Run key={`overall-${index}`} run={run} color={PANEL_COLORS.overall} width={panel.overallOnly ? 1.8 : 0.9} dashed={!panel.overallOnly} />
        ))}
        {chart.lines.map((line) => (
          <G key={line.name}>
            {line.runs.map((run, index) => (
              <Run key={index} run={run} color={line.color} width={1.8} />
            ))}
          </G>
        ))}
      </Svg>
    </View>
  );
}

/** Weighted progress per quarter as small multiples: all themes first, then each primary theme against the overall line (dashed). */
export function PdfProgressChart({ series }: { series: ReportSeries }) {
  return (
    <View>
      <View style={{ flexDirection: 'row', alignItems: 'center', marginBottom: 6 }}>
        <Svg width={14} height={6}>
          <Line x1={0} y1={3} x2={14} y2={3} stroke={PANEL_COLORS.theme} strokeWidth={2} />
        </Svg>
        <Text style={[styles.small, { marginLeft: 3, marginRight: 12 }]}>the theme</Text>
        <Svg width={14} height={6}>
          <Line x1={0} y1={3} x2={14} y2={3} stroke={PANEL_COLORS.overall} strokeWidth={1} strokeDasharray="3 2" />
        </Svg>
        <Text style={[styles.small, { marginLeft: 3 }]}>all themes, for comparison</Text>
      </View>
      <View style={{ flexDirection: 'row', flexWrap: 'wrap', columnGap: GAP }}>
        {chartPanels(series).map((panel) => (
          <Panel key={panel.title} panel={panel} />
        ))}
      </View>
    </View>
  );
}
