import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { chartValue, type Figure, type IndicatorDefinition } from '../../indicators-api';

/**
 * One indicator across units or municipalities as bars. The table beside it carries the same
 * figures in text, so the chart is an aid for the eye, never the only source; withheld and
 * missing figures have no bar and say why in the table.
 */
export const IndicatorChart = ({
  definition,
  rows,
  caption,
}: {
  definition: IndicatorDefinition;
  rows: { name: string; figure: Figure | undefined }[];
  caption: string;
}) => {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'sv';
  const data = rows.map((row) => ({ name: row.name, value: chartValue(definition, row.figure) }));
  return (
    <figure className="indicator-chart">
      <BarChart
        width={720}
        height={Math.max(160, 48 * data.length + 40)}
        data={data}
        layout="vertical"
        margin={{ left: 24, right: 48 }}
        accessibilityLayer
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={definition.measure === 'share' ? [0, 100] : [0, 'auto']} />
        <YAxis type="category" dataKey="name" width={220} />
        <Tooltip />
        <Bar
          dataKey="value"
          name={definition.label[language]}
          fill="#1d4f91"
          isAnimationActive={false}
        >
          <LabelList dataKey="value" position="right" />
        </Bar>
      </BarChart>
      <figcaption>{caption}</figcaption>
    </figure>
  );
};
