import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { swedishDayOf } from '../../../domain/calendar';
import { reportingDutyReference } from '../../../domain/cases/reporting';
import { api } from '../../api';
import { dateText, todayText, type CaseDetail } from '../../cases-api';
import { LegalReferences } from '../../components/LegalReferences';

type Props = {
  detail: CaseDetail;
  run: (work: () => Promise<void>) => Promise<void>;
  reload: () => Promise<void>;
  /** Open the form at once (after answering that there are children in the household). */
  startOpen: boolean;
};

/** The reports of concern made from an adult's case about a child, what came of each, and a new one. */
export const ReportsOfConcernSection = ({ detail, run, reload, startOpen }: Props) => {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(startOpen);
  const reports = detail.overview.reportsOfConcern;

  const report = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void run(async () => {
      await api('POST', `/api/cases/${detail.id}/reports-of-concern`, {
        child: {
          givenName: form.get('childGivenName'),
          familyName: form.get('childFamilyName'),
          identityKind: form.get('childNumber') ? 'personnummer' : 'none',
          identityNumber: form.get('childNumber') || null,
        },
        concern: form.get('concern'),
      });
      setOpen(false);
      await reload();
    });
  };

  return (
    <section aria-labelledby="reports-heading">
      <h2 id="reports-heading">{t('report.title')}</h2>
      {reports.length === 0 ? (
        <p>{t('report.none')}</p>
      ) : (
        <ul>
          {reports.map((row) => (
            <li key={row.id}>
              {row.childName} – {dateText(row.reportedAt, i18n.language)}:{' '}
              <strong>{t(`report.outcomes.${row.outcome}`)}</strong>{' '}
              <span className="muted">
                <LegalReferences
                  ids={[reportingDutyReference]}
                  day={swedishDayOf(row.reportedAt)}
                />
              </span>
            </li>
          ))}
        </ul>
      )}
      {!open ? (
        <button type="button" onClick={() => setOpen(true)}>
          {t('report.start')}
        </button>
      ) : (
        <form onSubmit={report} noValidate>
          <p>
            {t('report.lead')} <LegalReferences ids={[reportingDutyReference]} day={todayText()} />
          </p>
          <label htmlFor="childGivenName">{t('report.childGivenName')}</label>
          <input id="childGivenName" name="childGivenName" required />
          <label htmlFor="childFamilyName">{t('report.childFamilyName')}</label>
          <input
            id="childFamilyName"
            name="childFamilyName"
            required
            defaultValue={detail.person.familyName}
          />
          <label htmlFor="childNumber">{t('report.childNumber')}</label>
          <input id="childNumber" name="childNumber" inputMode="numeric" />
          <label htmlFor="concern">{t('report.concern')}</label>
          <textarea id="concern" name="concern" rows={4} required />
          <button type="submit">{t('report.submit')}</button>
        </form>
      )}
    </section>
  );
};
