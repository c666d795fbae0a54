import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contactFunctions } from '../../domain/collaboration/contact-functions';
import { api } from '../api';
import { todayText } from '../cases-api';
import { throwOnError, useRecord } from '../queries';
import { FieldErrors, useProblem } from './problems';
import { useHeadingFocus } from './useHeadingFocus';

type Entry = {
  id: string;
  organisationName: string;
  functionCode: string;
  holderName: string;
  phone: string;
  hours: string;
  outOfHours: string;
  validFrom: string;
  validTo: string | null;
  current: boolean;
};

/**
 * Who to call in the county, by function rather than by person (digest 000): the current holder,
 * the hours, the way in evenings and weekends, and who held it before.
 */
export const ContactsPage = ({ mayEdit }: { mayEdit: boolean }) => {
  const { t, i18n } = useTranslation();
  const heading = useHeadingFocus('contacts');
  const query = useRecord<Entry[]>(['contact-directory'], '/api/contact-directory');
  const entries = query.data ?? [];
  const { problem, run } = useProblem();

  const label = (code: string) => {
    const entry = contactFunctions.find((candidate) => candidate.code === code);
    return entry ? (i18n.language === 'en' ? entry.en : entry.sv) : code;
  };

  const record = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    void run(async () => {
      await api('POST', '/api/contact-directory', Object.fromEntries(data.entries()));
      form.reset();
      await query.refetch(throwOnError);
    });
  };

  const current = entries.filter((entry) => entry.current);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('contacts.title')}
      </h1>
      <p>{t('contacts.lead')}</p>
      {current.length === 0 ? (
        <p>{t('contacts.none')}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t('contacts.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('contacts.function')}</th>
              <th scope="col">{t('contacts.organisation')}</th>
              <th scope="col">{t('contacts.holder')}</th>
              <th scope="col">{t('contacts.phone')}</th>
              <th scope="col">{t('contacts.hours')}</th>
              <th scope="col">{t('contacts.outOfHours')}</th>
            </tr>
          </thead>
          <tbody>
            {current.map((entry) => {
              const before = entries.filter(
                (other) =>
                  !other.current &&
                  other.functionCode === entry.functionCode &&
                  other.organisationName === entry.organisationName,
              );
              return (
                <tr key={entry.id}>
                  <th scope="row">{label(entry.functionCode)}</th>
                  <td>{entry.organisationName}</td>
                  <td>
                    {entry.holderName}
                    <div className="muted">{t('contacts.since', { date: entry.validFrom })}</div>
                    {before.map((previous) => (
                      <div key={previous.id} className="muted">
                        {t('contacts.before', {
                          name: previous.holderName,
                          from: previous.validFrom,
                          to: previous.validTo,
                        })}
                      </div>
                    ))}
                  </td>
                  <td>{entry.phone}</td>
                  <td>{entry.hours}</td>
                  <td>{entry.outOfHours}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <FieldErrors problem={problem} />
      {mayEdit && (
        <form onSubmit={record} noValidate aria-label={t('contacts.add')}>
          <h2>{t('contacts.add')}</h2>
          <label htmlFor="contact-function">{t('contacts.function')}</label>
          <select id="contact-function" name="functionCode">
            {contactFunctions.map((entry) => (
              <option key={entry.code} value={entry.code}>
                {i18n.language === 'en' ? entry.en : entry.sv}
              </option>
            ))}
          </select>
          <label htmlFor="contact-holder">{t('contacts.holder')}</label>
          <input id="contact-holder" name="holderName" />
          <label htmlFor="contact-phone">{t('contacts.phone')}</label>
          <input id="contact-phone" name="phone" inputMode="tel" />
          <label htmlFor="contact-hours">{t('contacts.hours')}</label>
          <input id="contact-hours" name="hours" />
          <label htmlFor="contact-after">{t('contacts.outOfHours')}</label>
          <input id="contact-after" name="outOfHours" />
          <label htmlFor="contact-from">{t('contacts.validFrom')}</label>
          <input id="contact-from" name="validFrom" type="date" defaultValue={todayText()} />
          <button type="submit">{t('contacts.save')}</button>
        </form>
      )}
    </>
  );
};
