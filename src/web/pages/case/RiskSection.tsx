import type { FormEvent } from 'react';
import { swedishDayOf } from '../../../domain/calendar';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import {
  inLanguage,
  type InstrumentSummary,
  type Presence,
  type RiskPicture,
  type StartedAssessment,
} from '../../assessments-api';
import type { CaseDetail } from '../../cases-api';
import { linkProps, navigate } from '../../navigation';
import { recordKeys, useRecord } from '../../queries';
import { RiskChart } from './RiskChart';

type Props = {
  detail: CaseDetail;
  run: (work: () => Promise<void>) => Promise<void>;
};

const subjectFor = (caseType: string) =>
  caseType === 'perpetrator' ? 'perpetrator' : caseType === 'childExposed' ? 'child' : 'victim';

/**
 * Risk on the case page: its assessments, a way to start one, and the common risk picture where
 * FREDA, SARA:SV and the police's assessment stand side by side.
 */
export const RiskSection = ({ detail, run }: Props) => {
  const { t, i18n } = useTranslation();
  const subject = subjectFor(detail.type);

  const risk = useRecord<RiskPicture>(
    recordKeys.case(detail.id, 'risk-picture'),
    `/api/cases/${detail.id}/risk-picture`,
  ).data;
  const instruments = useRecord<InstrumentSummary[]>(['instruments'], '/api/instruments').data;

  // The section is shown once both are read, as one.
  if (!risk || !instruments) return <p role="status">{t('app.loading')}</p>;
  const usable = instruments.filter(
    (instrument) => instrument.permitted && instrument.subjects.includes(subject),
  );

  const start = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void run(async () => {
      const origin = form.get('origin') === 'police' ? 'police' : 'own';
      const started = await api<StartedAssessment>('POST', `/api/cases/${detail.id}/assessments`, {
        instrumentId: form.get('instrumentId'),
        subjectRole: subject,
        mode: form.get('mode'),
        origin,
        receivedWithConsent: form.get('consent') === 'on',
        coAssessorUserId: form.get('coAssessorUserId') || null,
      });
      navigate(`/bedomningar/${started.id}`);
    });
  };

  const presenceText = (cell: Presence | null) => t(`risk.presence.${cell ?? 'notAsked'}`);
  const { columns, rows, groups } = risk.picture;

  return (
    <section aria-labelledby="risk-heading">
      <h2 id="risk-heading">{t('risk.title')}</h2>
      {risk.assessments.length === 0 ? (
        <p>{t('risk.none')}</p>
      ) : (
        <ul>
          {risk.assessments.map((assessment) => (
            <li key={assessment.id}>
              <a {...linkProps(`/bedomningar/${assessment.id}`)}>
                {inLanguage(assessment.instrumentName, i18n.language)}
              </a>{' '}
              – {assessment.origin === 'police' ? `${t('risk.police')}, ` : ''}
              {assessment.status === 'signed'
                ? t('risk.signedOn', {
                    date: assessment.signedAt ? swedishDayOf(assessment.signedAt) : undefined,
                    level: assessment.finalLevel ? t(`risk.levels.${assessment.finalLevel}`) : '–',
                  })
                : t('risk.draft', { share: Math.round(assessment.completeness * 100) })}
            </li>
          ))}
        </ul>
      )}

      {detail.abilities.write && (
        <form onSubmit={start} aria-labelledby="risk-start-heading" className="role-card">
          <h3 id="risk-start-heading">{t('risk.start')}</h3>
          <label htmlFor="instrumentId">{t('risk.instrument')}</label>
          <select id="instrumentId" name="instrumentId">
            {usable.map((instrument) => (
              <option key={instrument.id} value={instrument.id}>
                {inLanguage(instrument.name, i18n.language)}
                {!instrument.trained ? ` (${t('risk.noTraining')})` : ''}
              </option>
            ))}
          </select>
          <label htmlFor="coAssessor">{t('risk.coAssessor')}</label>
          <select id="coAssessor" name="coAssessorUserId" aria-describedby="coAssessor-help">
            <option value="">{t('risk.noCoAssessor')}</option>
            {detail.handoverCandidates.map((colleague) => (
              <option key={colleague.id} value={colleague.id}>
                {colleague.displayName}
              </option>
            ))}
          </select>
          <p id="coAssessor-help" className="muted">
            {t('risk.coAssessorHelp')}
          </p>
          <fieldset>
            <legend>{t('risk.mode')}</legend>
            {(['inPerson', 'remote'] as const).map((mode) => (
              <label key={mode} className="choice">
                <input type="radio" name="mode" value={mode} defaultChecked={mode === 'inPerson'} />{' '}
                {t(`risk.modes.${mode}`)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('risk.origin')}</legend>
            <label className="choice">
              <input type="radio" name="origin" value="own" defaultChecked />{' '}
              {t('risk.origins.own')}
            </label>
            <label className="choice">
              <input type="radio" name="origin" value="police" /> {t('risk.origins.police')}
            </label>
            <label className="choice">
              <input type="checkbox" name="consent" /> {t('risk.consent')}
            </label>
          </fieldset>
          <button type="submit">{t('risk.startButton')}</button>
        </form>
      )}

      {columns.length > 0 && (
        <>
          <h3 id="picture-heading">{t('risk.picture')}</h3>
          <p className="muted">{t('risk.pictureHelp')}</p>
          <div className="table-scroll">
            <table aria-labelledby="picture-heading">
              <thead>
                <tr>
                  <th scope="col">{t('risk.factor')}</th>
                  {columns.map((column) => (
                    <th scope="col" key={column.assessmentId}>
                      {inLanguage(column.instrumentName, i18n.language)}
                      {column.origin === 'police' && ` (${t('risk.police')})`}
                      <br />
                      <span className="muted">{swedishDayOf(column.signedAt)}</span>
                    </th>
                  ))}
                  <th scope="col">{t('risk.disagreement')}</th>
                </tr>
              </thead>
              {groups.map((group) => {
                const groupRows = rows.filter((row) => row.group === group.code);
                if (groupRows.length === 0) return null;
                return (
                  <tbody key={group.code}>
                    <tr>
                      <th scope="colgroup" colSpan={columns.length + 2} className="group-row">
                        {inLanguage(group.label, i18n.language)}
                      </th>
                    </tr>
                    {groupRows.map((row) => (
                      <tr key={row.factor}>
                        <th scope="row">{inLanguage(row.label, i18n.language)}</th>
                        {row.cells.map((cell, index) => (
                          <td key={index} className={`presence-${cell ?? 'none'}`}>
                            {presenceText(cell)}
                          </td>
                        ))}
                        <td>{row.disagreement ? <strong>{t('risk.differs')}</strong> : ''}</td>
                      </tr>
                    ))}
                  </tbody>
                );
              })}
              <tfoot>
                <tr>
                  <th scope="row">{t('risk.finalLevel')}</th>
                  {columns.map((column) => (
                    <td key={column.assessmentId}>
                      {column.finalLevel ? t(`risk.levels.${column.finalLevel}`) : '–'}
                    </td>
                  ))}
                  <td />
                </tr>
              </tfoot>
            </table>
          </div>
          <RiskChart columns={columns} />
        </>
      )}
    </section>
  );
};
