import { useTranslation } from 'react-i18next';
import { type CaseSummary } from '../../cases-api';
import { caseTypes, catalogueLabel } from '../../labels';
import { linkProps } from '../../navigation';
import { useRecord } from '../../queries';

/** Cases another secrecy area has shared with the user's units (on consent or a legal ground). */
export const SharedWithMe = () => {
  const { t, i18n } = useTranslation();
  const cases =
    useRecord<CaseSummary[]>(['work-lists', 'shared-with-me'], '/api/work-lists/shared-with-me')
      .data ?? null;
  if (!cases || cases.length === 0) return null;
  return (
    <section aria-labelledby="shared-heading">
      <h2 id="shared-heading">{t('shared.title')}</h2>
      <ul>
        {cases.map((entry) => (
          <li key={entry.id}>
            <a {...linkProps(`/arenden/${entry.id}`)}>
              {entry.person.givenName} {entry.person.familyName} –{' '}
              {catalogueLabel(caseTypes, entry.type, i18n.language)}
            </a>{' '}
            ({entry.unitName})
          </li>
        ))}
      </ul>
    </section>
  );
};
