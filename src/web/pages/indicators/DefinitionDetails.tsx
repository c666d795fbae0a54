import { useTranslation } from 'react-i18next';
import type { Figure, IndicatorDefinition, useFigureText } from '../../indicators-api';

/** How a figure is counted, where the definition comes from, and what it replaced. */
export const DefinitionDetails = ({ definition }: { definition: IndicatorDefinition }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'sv';
  const { source } = definition;
  return (
    <details>
      <summary>{t('indicators.definition')}</summary>
      <p>{definition.description[language]}</p>
      <p>
        {t(source.kind === 'official' ? 'indicators.officialSource' : 'indicators.ownSource')}{' '}
        {source.url ? <a href={source.url}>{source.title}</a> : source.title} ({source.publisher}
        {source.published ? `, ${source.published}` : ''}). {t('indicators.sourceWording')}{' '}
        <q lang="sv">{source.wording}</q> {t('indicators.checkedOn', { day: source.checkedOn })}{' '}
        {t('indicators.definitionVersion', { version: definition.definitionVersion })}
      </p>
      {definition.earlier.map((earlier) => (
        <p key={earlier.version}>
          {t('indicators.earlierDefinition', { version: earlier.version })}{' '}
          {earlier.description[language]} {earlier.replacedBecause[language]}
        </p>
      ))}
    </details>
  );
};

/**
 * What was handed to the county, beside today's figure: a figure computed under an earlier
 * definition says so, since the two count different things.
 */
export const PublishedCell = ({
  definition,
  figure,
  text,
}: {
  definition: IndicatorDefinition;
  figure: Figure | undefined;
  text: ReturnType<typeof useFigureText>;
}) => {
  const { t } = useTranslation();
  return (
    <td data-published={definition.id}>
      {figure ? text(definition, figure) : t('indicators.notPublishedThen')}
      <DefinitionVersionMark definition={definition} figure={figure} />
    </td>
  );
};

/** Said beside a figure computed under an earlier definition than today's: they count different things. */
export const DefinitionVersionMark = ({
  definition,
  figure,
}: {
  definition: IndicatorDefinition;
  figure: Figure | undefined;
}) => {
  const { t } = useTranslation();
  if (!figure || figure.definitionVersion === definition.definitionVersion) return null;
  return (
    <>
      {' '}
      <strong>
        {t('indicators.computedUnder', {
          version: figure.definitionVersion,
          current: definition.definitionVersion,
        })}
      </strong>
    </>
  );
};
