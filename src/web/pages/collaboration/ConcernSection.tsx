import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Concerns as ConcernView } from '../../../contract/collaboration';
import { api } from '../../api';
import { groundOfPath, type ConcernPath as Path } from '../../../domain/collaboration/concern';
import { dateText, todayText, type CaseDetail } from '../../cases-api';
import { LegalReferences } from '../../components/LegalReferences';
import { groundReferences } from '../../ground-references';
import { recordKeys, throwOnError, useRecord } from '../../queries';
import { FieldErrors, useProblem } from '../problems';

/**
 * Concern for the victim, raised in a perpetrator's case (digest 003): write down what was said,
 * choose how it may travel, and the victim's worker is told only on a path the law opens.
 */
export const ConcernSection = ({ detail }: { detail: CaseDetail }) => {
  const { t, i18n } = useTranslation();
  const [sent, setSent] = useState<{ path: Path; notifiedCases: number } | null>(null);
  const [asked, setAsked] = useState(false);
  const [path, setPath] = useState<Path | null>(null);
  const { problem, run } = useProblem();
  const write = detail.abilities.write;

  const query = useRecord<ConcernView>(
    recordKeys.case(detail.id, 'concerns'),
    `/api/cases/${detail.id}/concerns`,
  );
  const view = query.data ?? null;
  const load = () => query.refetch(throwOnError);

  const link = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const personalNumber = new FormData(form).get('victimNumber');
    void run(async () => {
      await api<{ requested: true }>('POST', `/api/cases/${detail.id}/links/by-personal-number`, {
        personalNumber,
      });
      setAsked(true);
      form.reset();
      await load();
    });
  };

  const raise = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    void run(async () => {
      const result = await api<{ path: Path; notifiedCases: number }>(
        'POST',
        `/api/cases/${detail.id}/concerns`,
        {
          path,
          whatWasSaid: data.get('whatWasSaid'),
          assessmentNote: data.get('assessmentNote') ?? '',
        },
      );
      setSent(result);
      setPath(null);
      form.reset();
      await load();
    });
  };

  if (!view) return null;
  return (
    <section aria-labelledby="concern-heading">
      <h2 id="concern-heading">{t('concern.title')}</h2>
      <p>{t('concern.lead')}</p>
      <p className="muted">
        {view.linkedVictimCases > 0
          ? t('concern.linked', { count: view.linkedVictimCases })
          : t('concern.notLinked')}
      </p>
      {write && (
        <form onSubmit={link} noValidate aria-label={t('concern.linkTitle')}>
          <label htmlFor="victim-number">{t('concern.victimNumber')}</label>
          <input id="victim-number" name="victimNumber" inputMode="numeric" autoComplete="off" />
          <button type="submit">{t('concern.link')}</button>
        </form>
      )}
      {asked && <p role="status">{t('concern.linkAsked')}</p>}
      <FieldErrors problem={problem} />
      {write && (
        <form onSubmit={raise} noValidate aria-label={t('concern.formTitle')}>
          <label htmlFor="what-was-said">{t('concern.whatWasSaid')}</label>
          <textarea
            id="what-was-said"
            name="whatWasSaid"
            rows={3}
            aria-describedby="what-was-said-help"
          />
          <p id="what-was-said-help" className="muted">
            {t('concern.whatWasSaidHelp')}
          </p>
          <fieldset>
            <legend>{t('concern.pathLegend')}</legend>
            {view.paths.map((option) => (
              <div key={option.path}>
                <label className="choice">
                  <input
                    type="radio"
                    name="path"
                    value={option.path}
                    disabled={!option.open}
                    checked={path === option.path}
                    onChange={() => setPath(option.path)}
                    aria-describedby={`path-${option.path}-help`}
                  />{' '}
                  {t(`concern.paths.${option.path}.label`)}
                </label>
                <p id={`path-${option.path}-help`} className="muted">
                  {option.open ? t(`concern.paths.${option.path}.help`) : option.whyClosed}{' '}
                  <LegalReferences
                    ids={groundReferences(groundOfPath[option.path] ?? '')}
                    day={todayText()}
                  />
                </p>
              </div>
            ))}
          </fieldset>
          {path === 'dangerToLife' && (
            <p className="error" role="note">
              {t('concern.call112')}
            </p>
          )}
          {path && path !== 'sameUnit' && (
            <>
              <label htmlFor="concern-assessment">{t('concern.assessment')}</label>
              <textarea
                id="concern-assessment"
                name="assessmentNote"
                rows={3}
                aria-describedby="concern-assessment-help"
              />
              <p id="concern-assessment-help" className="muted">
                {t('concern.assessmentHelp')}
              </p>
            </>
          )}
          <button type="submit">{t('concern.send')}</button>
        </form>
      )}
      {sent && (
        <p role="status" className="role-card">
          {sent.path === 'dangerToLife'
            ? t('concern.sentPolice')
            : t('concern.sent', { count: sent.notifiedCases })}
        </p>
      )}
      {view.concerns.length > 0 && (
        <>
          <h3>{t('concern.earlier')}</h3>
          <ul>
            {view.concerns.map((concern) => (
              <li key={concern.id}>
                {dateText(concern.raisedAt, i18n.language)} –{' '}
                {t(`concern.paths.${concern.path}.label`)} ({concern.raisedByName}): ”
                {concern.whatWasSaid}”
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
};
