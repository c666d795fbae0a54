import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consent } from '../../../contract/collaboration';
import { api } from '../../api';
import { recordKeys, throwOnError, useRecord } from '../../queries';
import { chosenRecipient, RecipientPicker, useRecipientChoices } from './RecipientPicker';
import { FieldErrors, useProblem } from '../problems';

export const dataCategories = [
  'identity',
  'contactDetails',
  'caseHistory',
  'riskAssessments',
  'safetyPlan',
  'health',
  'children',
] as const;

/**
 * The person's consents and refusals (law catalogue: osl.consent): to whom, what, given by whom and how, until
 * when. A refusal is recorded as carefully as a yes; a withdrawal ends what rested on it.
 */
export const ConsentSection = ({
  personId,
  today,
  mayWrite,
}: {
  personId: string;
  today: string;
  mayWrite: boolean;
}) => {
  const { t } = useTranslation();
  const choices = useRecipientChoices(mayWrite);
  const [open, setOpen] = useState(false);
  const { problem, run } = useProblem();

  const query = useRecord<Consent[]>(
    recordKeys.person(personId, 'consents'),
    `/api/persons/${personId}/consents`,
  );
  const consents = query.data ?? [];
  const load = () => query.refetch(throwOnError);

  const record = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const recipient = chosenRecipient(data, 'consent-recipient', choices);
    void run(async () => {
      await api('POST', `/api/persons/${personId}/consents`, {
        decision: data.get('decision'),
        purpose: data.get('purpose'),
        recipients: recipient ? [recipient] : [],
        categories: data.getAll('categories'),
        givenBy: data.get('givenBy'),
        giverName: data.get('giverName') || null,
        form: data.get('form'),
        givenOn: data.get('givenOn'),
        expiresOn: data.get('expiresOn') || null,
        custodianCount: Number(data.get('custodianCount') || 0),
      });
      setOpen(false);
      await load();
    });
  };

  const withdraw = (consent: Consent) =>
    void run(async () => {
      await api('POST', `/api/consents/${consent.id}/withdrawal`, {
        withdrawnOn: today,
        reason: t('consent.withdrawnToday'),
        version: consent.version,
      });
      await load();
    });

  return (
    <section aria-labelledby="consent-heading">
      <h2 id="consent-heading">{t('consent.title')}</h2>
      {consents.length === 0 ? (
        <p>{t('consent.none')}</p>
      ) : (
        <ul>
          {consents.map((consent) => (
            <li key={consent.id}>
              <strong>{t(`consent.decisions.${consent.decision}`)}</strong> –{' '}
              {consent.recipients
                .map((recipient) =>
                  recipient.unverified
                    ? `${recipient.label} (${t('consent.unverified')})`
                    : recipient.label,
                )
                .join('; ')}
              : {consent.purpose} ({consent.categories.map((c) => t(`categories.${c}`)).join(', ')})
              <div className="muted">
                {t(`consent.givers.${consent.givenBy}`)}
                {consent.giverName && ` (${consent.giverName})`},{' '}
                {t(`consent.forms.${consent.form}`)}, {consent.givenOn}
                {consent.expiresOn && ` – ${consent.expiresOn}`}
                {consent.withdrawnOn &&
                  ` · ${t('consent.withdrawnOn', { date: consent.withdrawnOn })}`}
                {consent.decision === 'given' &&
                  ` · ${consent.inForce ? t('consent.inForce') : t('consent.notInForce')}`}
              </div>
              {mayWrite && consent.inForce && (
                <button type="button" onClick={() => withdraw(consent)}>
                  {t('consent.withdraw')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <FieldErrors problem={problem} />
      {mayWrite && !open && (
        <button type="button" onClick={() => setOpen(true)}>
          {t('consent.add')}
        </button>
      )}
      {mayWrite && open && (
        <form onSubmit={record} noValidate aria-label={t('consent.add')}>
          <fieldset>
            <legend>{t('consent.decision')}</legend>
            {(['given', 'refused'] as const).map((decision) => (
              <label key={decision} className="choice">
                <input
                  type="radio"
                  name="decision"
                  value={decision}
                  defaultChecked={decision === 'given'}
                />{' '}
                {t(`consent.decisions.${decision}`)}
              </label>
            ))}
          </fieldset>
          <label htmlFor="consent-purpose">{t('consent.purpose')}</label>
          <input id="consent-purpose" name="purpose" />
          <RecipientPicker name="consent-recipient" choices={choices} />
          <fieldset>
            <legend>{t('consent.categories')}</legend>
            {dataCategories.map((category) => (
              <label key={category} className="choice">
                <input type="checkbox" name="categories" value={category} />{' '}
                {t(`categories.${category}`)}
              </label>
            ))}
          </fieldset>
          <label htmlFor="consent-giver">{t('consent.givenBy')}</label>
          <select id="consent-giver" name="givenBy" defaultValue="self">
            {(['self', 'custodian', 'legalRepresentative'] as const).map((giver) => (
              <option key={giver} value={giver}>
                {t(`consent.givers.${giver}`)}
              </option>
            ))}
          </select>
          <label htmlFor="consent-giver-name">{t('consent.giverName')}</label>
          <input id="consent-giver-name" name="giverName" aria-describedby="consent-giver-help" />
          <p id="consent-giver-help" className="muted">
            {t('consent.giverHelp')}
          </p>
          <label htmlFor="consent-custodians">{t('consent.custodianCount')}</label>
          <input
            id="consent-custodians"
            name="custodianCount"
            type="number"
            min={0}
            max={4}
            defaultValue={0}
          />
          <label htmlFor="consent-form">{t('consent.form')}</label>
          <select id="consent-form" name="form" defaultValue="written">
            {(['written', 'oral'] as const).map((form) => (
              <option key={form} value={form}>
                {t(`consent.forms.${form}`)}
              </option>
            ))}
          </select>
          <label htmlFor="consent-given-on">{t('consent.givenOn')}</label>
          <input id="consent-given-on" name="givenOn" type="date" defaultValue={today} />
          <label htmlFor="consent-expires-on">{t('consent.expiresOn')}</label>
          <input id="consent-expires-on" name="expiresOn" type="date" />
          <button type="submit">{t('consent.save')}</button>
        </form>
      )}
    </section>
  );
};
