import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { type CaseSummary } from '../../cases-api';
import { caseTypes, catalogueLabel } from '../../labels';
import { linkProps } from '../../navigation';

/** Cases another secrecy area has shared with the user's units (on consent or a legal ground). */
export const SharedWithMe = () => {
  const { t, i18n } = useTranslation();
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  useEffect(() => {
    void api<CaseSummary[]>('GET', '/api/work-lists/shared-with-me').then(setCases);
  }, []);
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
