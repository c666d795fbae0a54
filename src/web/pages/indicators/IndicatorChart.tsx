import { useTranslation } from 'react-i18next';
import { HorizontalBars } from '../../components/HorizontalBars';
import { chartValue, type Figure, type IndicatorDefinition } from '../../indicators-api';

/** One indicator across units or municipalities; withheld and missing figures draw no bar. */
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
  return (
    <HorizontalBars
      rows={rows.map((row) => ({ name: row.name, value: chartValue(definition, row.figure) }))}
      name={definition.label[i18n.language === 'en' ? 'en' : 'sv']}
      domain={definition.measure === 'share' ? [0, 100] : [0, 'auto']}
      caption={caption}
    />
  );
};
