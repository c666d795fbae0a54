import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateText, type CaseSummary } from '../cases-api';
import { caseTypes, catalogueLabel, stageLabel } from '../labels';
import { linkProps } from '../navigation';
import { useRecord } from '../queries';
import { useHeadingFocus } from './useHeadingFocus';

/** The unit's intake list for the morning meeting, and the worker's own cases. */
export const CasesPage = () => {
  const { t, i18n } = useTranslation();
  const [mine, setMine] = useState(false);
  const heading = useHeadingFocus(null);
  // The list shown stays until the other one has been read.
  const cases =
    useRecord<CaseSummary[]>(['cases', { mine }], `/api/cases?mine=${mine}`, {
      keepPrevious: true,
    }).data ?? null;

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('cases.title')}
      </h1>
      <div role="group" aria-label={t('cases.show')} className="tabs">
        <button type="button" aria-pressed={!mine} onClick={() => setMine(false)}>
          {t('cases.intakeList')}
        </button>
        <button type="button" aria-pressed={mine} onClick={() => setMine(true)}>
          {t('cases.mine')}
        </button>
      </div>
      <p>
        <a href={`/api/cases/export.csv?mine=${mine}`} download>
          {t('cases.export')}
        </a>
      </p>
      {cases === null ? (
        <p role="status">{t('app.loading')}</p>
      ) : cases.length === 0 ? (
        <p>{t('cases.none')}</p>
      ) : (
        <table>
          <caption className="visually-hidden">
            {mine ? t('cases.mine') : t('cases.intakeList')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.person')}</th>
              <th scope="col">{t('cases.type')}</th>
              <th scope="col">{t('cases.stage')}</th>
              <th scope="col">{t('cases.unit')}</th>
              <th scope="col">{t('cases.owner')}</th>
              <th scope="col">{t('cases.opened')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((row) => (
              <tr key={row.id}>
                <td>
                  <a {...linkProps(`/arenden/${row.id}`)}>
                    {row.person.givenName} {row.person.familyName}
                  </a>
                  {row.practice && <strong> ({t('training.marker')})</strong>}
                  {row.person.personalNumber && (
                    <span className="muted"> {row.person.personalNumber}</span>
                  )}
                </td>
                <td>
                  {catalogueLabel(caseTypes, row.type, i18n.language)}
                  {row.hrv && ' · HRV'}
                </td>
                <td>{stageLabel(row.stage, i18n.language)}</td>
                <td>{row.unitName}</td>
                <td>{row.ownerName ?? t('cases.unowned')}</td>
                <td>{dateText(row.openedAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
};
