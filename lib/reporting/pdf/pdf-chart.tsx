import { Circle, G, Line, Polyline, Svg, Text, View } from '@react-pdf/renderer';
import { chartGeometry, type Point } from '../chart-geometry';
import type { ReportSeries } from '../report-types';
import { PDF_FONT, pdfLine } from './fonts';
import { INK, MUTED, RULE, styles } from './pdf-styles';

const WIDTH = 515;
const HEIGHT = 200;

// SVG text takes its font from these inherited attributes (react-pdf's layout passes fontFamily
// and fontSize down the SVG tree); its types do not list them, hence the spread.
const SVG_FONT = { fontFamily: PDF_FONT, fontSize: 7 } as Record<string, unknown>;

function Run({ run, color, width, dashed }: { run: Point[]; color: string; width: number; dashed?: boolean }) {
  if (run.length === 1) return <Circle cx={run[0]![0]} cy={run[0]![1]} r={1.8} fill={color} />;
  return (
    <Polyline
      points={run.map(([x, y]) => `${x},${y}`).join(' ')}
      stroke={color}
      strokeWidth={width}
      fill="none"
      strokeLinejoin="round"
      {...(dashed ? { strokeDasharray: '4 2' } : {})}
    />
  );
}

/** Weighted progress by primary theme per quarter, as vector lines, with the overall line dashed. */
export function PdfProgressChart({ series }: { series: ReportSeries }) {
  const chart = chartGeometry(series, WIDTH, HEIGHT);
  const { plot } = chart;
  return (
    <View wrap={false}>
      <Svg width={WIDTH} height={HEIGHT} {...SVG_FONT}>
        {chart.yTicks.map((tick) => (
          <G key={tick.label}>
            <Line x1={plot.left} y1={tick.y} x2={plot.right} y2={tick.y} stroke={RULE} strokeWidth={0.5} />
            <Text x={plot.left - 4} y={tick.y + 2.5} textAnchor="end" fill={MUTED}>
              {tick.label}
            </Text>
          </G>
        ))}
        {chart.xTicks.map((tick) => (
          <G key={tick.label}>
            <Line x1={tick.x} y1={plot.bottom} x2={tick.x} y2={plot.bottom + 3} stroke={MUTED} strokeWidth={0.5} />
            <Text x={tick.x} y={plot.bottom + 12} textAnchor="middle" fill={MUTED}>
              {tick.label}
            </Text>
          </G>
        ))}
        {chart.lines.map((line) => (
          <G key={line.name}>
            {line.runs.map((run, index) => (
              <Run key={index} run={run} color={line.color} width={1.4} />
            ))}
          </G>
        ))}
        {chart.overall.map((run, index) => (
          <Run key={`overall-${index}`} run={run} color={INK} width={1.8} dashed />
        ))}
      </Svg>
      <View style={{ flexDirection: 'row', flexWrap: 'wrap', marginTop: 4 }}>
        {[...series.lines.map((line) => ({ name: line.name, color: line.color, dashed: false })), { name: 'Overall', color: INK, dashed: true }].map(
          (entry) => (
            <View key={entry.name} style={{ flexDirection: 'row', alignItems: 'center', marginRight: 10, marginBottom: 3 }}>
              <Svg width={14} height={6}>
                <Line
                  x1={0}
                  y1={3}
                  x2={14}
                  y2={3}
                  stroke={entry.color}
                  strokeWidth={entry.dashed ? 1.8 : 2}
                  {...(entry.dashed ? { strokeDasharray: '4 2' } : {})}
                />
              </Svg>
              <Text style={[styles.small, { marginLeft: 3 }]}>{pdfLine(entry.name)}</Text>
            </View>
          ),
        )}
      </View>
    </View>
  );
}
