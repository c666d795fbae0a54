import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { firstContactItems } from '../../../domain/interventions/perpetrator-pathway';
import { api } from '../../api';
import { todayText, type CaseDetail } from '../../cases-api';
import { recordKeys, throwOnError, useRecord } from '../../queries';
import { FieldErrors, useProblem } from '../problems';

type Advice = {
  inService: boolean;
  rule: { sessionCap: number | null; maxDays: number | null };
  status: {
    count: number;
    remaining: number | null;
    state: 'open' | 'lastSession' | 'atCap' | 'expired';
    offerInvestigation: boolean;
    messageSv: string | null;
  };
  firstContact: { remaining: string[]; askRiskNow: boolean };
  contacts: { id: string; heldOn: string; mode: string; anonymous: boolean; note: string }[];
  ladder: { code: string; owner: 'socialServices' | 'region'; sv: string; en: string }[];
  resources: {
    code: string;
    name: string;
    phone: string;
    descriptionSv: string;
    descriptionEn: string;
  }[];
};

/**
 * Råd och service on the case (digest 003): the contacts so far against the organisation's
 * bound, the offer of an investigation at the end of it, the first-contact checklist, the
 * intervention ladder with who owns each step, and where to signpost.
 */
export const AdviceSection = ({
  detail,
  reload,
}: {
  detail: CaseDetail;
  reload: () => Promise<void>;
}) => {
  const { t, i18n } = useTranslation();
  const { problem, run } = useProblem();
  const english = i18n.language === 'en';
  const write = detail.abilities.write;

  // Read again when the case changes (a new stage ends the service): what was read stays shown
  // until then.
  const query = useRecord<Advice>(
    recordKeys.case(detail.id, 'advice', { version: detail.version }),
    `/api/cases/${detail.id}/advice`,
    { keepPrevious: true },
  );
  const advice = query.data ?? null;

  if (!advice || (!advice.inService && advice.contacts.length === 0)) return null;

  const record = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    void run(async () => {
      await api('POST', `/api/cases/${detail.id}/advice/contacts`, {
        heldOn: data.get('heldOn'),
        mode: data.get('mode'),
        anonymous: data.get('anonymous') === 'on',
        covered: data.getAll('covered'),
        note: data.get('note'),
      });
      form.reset();
      await query.refetch(throwOnError);
    });
  };

  const convert = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    void run(async () => {
      await api('POST', `/api/cases/${detail.id}/stage`, {
        to: 'investigation',
        reason: data.get('reason'),
        version: detail.version,
      });
      await reload();
    });
  };

  const { status, rule } = advice;
  const mayRecord = advice.inService && (status.state === 'open' || status.state === 'lastSession');
  return (
    <section aria-labelledby="advice-heading">
      <h2 id="advice-heading">{t('advice.title')}</h2>
      <p>
        {rule.sessionCap !== null
          ? t('advice.counter', { count: status.count, cap: rule.sessionCap })
          : t('advice.countOnly', { count: status.count })}
        {rule.maxDays !== null && ` ${t('advice.timeLimit', { days: rule.maxDays })}`}
      </p>
      {status.messageSv && advice.inService && (
        <p role="status" className={status.state === 'lastSession' ? 'role-card' : 'warning-list'}>
          {english ? t(`advice.state.${status.state}`) : status.messageSv}
        </p>
      )}
      <FieldErrors problem={problem} />
      {write && advice.inService && status.offerInvestigation && (
        <form onSubmit={convert} noValidate aria-label={t('advice.convertTitle')}>
          <label htmlFor="advice-convert-reason">{t('advice.convertReason')}</label>
          <textarea id="advice-convert-reason" name="reason" rows={2} />
          <button type="submit">{t('advice.convert')}</button>
        </form>
      )}

      {advice.contacts.length > 0 && (
        <ol>
          {advice.contacts.map((contact) => (
            <li key={contact.id}>
              {contact.heldOn} – {t(`advice.modes.${contact.mode}`)}
              {contact.anonymous && ` (${t('advice.anonymousMark')})`}
              {contact.note && `: ${contact.note}`}
            </li>
          ))}
        </ol>
      )}

      <h3>{t('advice.firstContact')}</h3>
      <p role="note" className={advice.firstContact.askRiskNow ? 'warning-list' : 'role-card'}>
        {advice.firstContact.askRiskNow ? t('advice.askRiskNow') : t('advice.victimAssessed')}
      </p>
      {advice.firstContact.remaining.length > 0 ? (
        <>
          <p id="advice-remaining">{t('advice.remaining')}</p>
          <ul aria-labelledby="advice-remaining">
            {advice.firstContact.remaining.map((item) => (
              <li key={item}>{t(`advice.items.${item}`)}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('advice.allCovered')}</p>
      )}

      {write && mayRecord && (
        <form onSubmit={record} noValidate aria-label={t('advice.recordTitle')}>
          <label htmlFor="advice-date">{t('advice.heldOn')}</label>
          <input id="advice-date" name="heldOn" type="date" defaultValue={todayText()} />
          <label htmlFor="advice-mode">{t('advice.mode')}</label>
          <select id="advice-mode" name="mode">
            {(['inPerson', 'phone', 'digital'] as const).map((mode) => (
              <option key={mode} value={mode}>
                {t(`advice.modes.${mode}`)}
              </option>
            ))}
          </select>
          <label className="choice">
            <input name="anonymous" type="checkbox" /> {t('advice.anonymous')}
          </label>
          <fieldset>
            <legend>{t('advice.covered')}</legend>
            {firstContactItems.map((item) => (
              <label key={item} className="choice">
                <input name="covered" type="checkbox" value={item} /> {t(`advice.items.${item}`)}
              </label>
            ))}
          </fieldset>
          <label htmlFor="advice-note">{t('advice.note')}</label>
          <textarea id="advice-note" name="note" rows={2} />
          <button type="submit">{t('advice.record')}</button>
        </form>
      )}

      <h3>{t('advice.ladder')}</h3>
      <ol>
        {advice.ladder.map((level) => (
          <li key={level.code}>
            {english ? level.en : level.sv} – {t(`advice.owners.${level.owner}`)}
          </li>
        ))}
      </ol>

      <h3>{t('advice.resources')}</h3>
      <ul>
        {advice.resources.map((resource) => (
          <li key={resource.code}>
            <strong>{resource.name}</strong>, {resource.phone}:{' '}
            {english ? resource.descriptionEn : resource.descriptionSv}
          </li>
        ))}
      </ul>
      <p className="muted">{t('advice.resourcesNote')}</p>
    </section>
  );
};
