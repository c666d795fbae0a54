import { useTranslation } from 'react-i18next';
import { swedishDayOf } from '../../../domain/calendar';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { inLanguage, type RiskPicture } from '../../assessments-api';

const levelValue = { low: 1, medium: 2, high: 3 } as const;

/**
 * The assessors' final levels over time, one line per instrument and origin. The table of the
 * risk picture carries the same facts in text, so the chart is an aid, not the only source.
 */
export const RiskChart = ({ columns }: { columns: RiskPicture['picture']['columns'] }) => {
  const { t, i18n } = useTranslation();
  const series = [...new Set(columns.map((column) => `${column.origin}:${column.instrumentId}`))];
  const name = (key: string) => {
    const column = columns.find((entry) => `${entry.origin}:${entry.instrumentId}` === key)!;
    const instrument = inLanguage(column.instrumentName, i18n.language);
    return column.origin === 'police' ? `${instrument} (${t('risk.police')})` : instrument;
  };
  const data = columns.map((column) => ({
    date: swedishDayOf(column.signedAt),
    [`${column.origin}:${column.instrumentId}`]: column.finalLevel
      ? levelValue[column.finalLevel]
      : null,
  }));
  const levelName = (value: number) =>
    ({ 1: t('risk.levels.low'), 2: t('risk.levels.medium'), 3: t('risk.levels.high') })[value] ??
    '';
  const colours = ['#1d4f91', '#a4161a', '#2e6b30', '#6b3fa0'];
  return (
    <figure className="risk-chart">
      <LineChart width={640} height={240} data={data} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="date" />
        <YAxis domain={[0.5, 3.5]} ticks={[1, 2, 3]} tickFormatter={levelName} width={80} />
        <Tooltip formatter={(value) => levelName(Number(value))} />
        <Legend />
        {series.map((key, index) => (
          <Line
            key={key}
            dataKey={key}
            name={name(key)}
            stroke={colours[index % colours.length]}
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
      <figcaption>{t('risk.chartCaption')}</figcaption>
    </figure>
  );
};
