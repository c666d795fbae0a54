import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';

/**
 * Named values as horizontal bars, one per row, with the value at the bar's end. Every chart
 * here stands beside a table holding the same figures in text, so the chart is an aid for the
 * eye, never the only source; a null value draws no bar.
 */
export const HorizontalBars = ({
  rows,
  name,
  domain,
  ticks,
  caption,
}: {
  rows: { name: string; value: number | null }[];
  /** What the values are, for the tooltip. */
  name: string;
  domain: [number, number | 'auto'];
  ticks?: number[];
  caption: string;
}) => (
  <figure className="indicator-chart">
    <BarChart
      width={720}
      height={Math.max(160, 48 * rows.length + 40)}
      data={rows}
      layout="vertical"
      margin={{ left: 24, right: 48 }}
      accessibilityLayer
    >
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis
        type="number"
        domain={domain}
        // Counts have no quarter cases: whole values get whole ticks.
        allowDecimals={!rows.every((row) => row.value === null || Number.isInteger(row.value))}
        {...(ticks ? { ticks } : {})}
      />
      <YAxis type="category" dataKey="name" width={220} />
      <Tooltip />
      <Bar dataKey="value" name={name} fill="#1d4f91" isAnimationActive={false}>
        <LabelList dataKey="value" position="right" />
      </Bar>
    </BarChart>
    <figcaption>{caption}</figcaption>
  </figure>
);
