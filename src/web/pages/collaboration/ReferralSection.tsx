import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WeighedGrounds } from '../../../contract/collaboration';
import { api } from '../../api';
import type { CaseDetail } from '../../cases-api';
import { linkProps } from '../../navigation';
import { recordKeys, throwOnError, useRecord } from '../../queries';
import type { DirectoryEntry, ReferralSummary } from '../../referrals-api';
import { FieldErrors, useProblem } from '../problems';
import { GroundChoices, type WeighedGround as Ground } from './GroundChoices';
import { dataCategories } from './ConsentSection';
import { ReferralState } from './ReferralState';

const recipientKindOf: Record<DirectoryEntry['referralKind'], string> = {
  policeToSocialServices: 'socialServices',
  betweenMunicipalities: 'socialServices',
  toRegion: 'healthCare',
  toShelter: 'other',
};

/**
 * Hand the case to another organisation (police to social services, a move to another
 * municipality, social services to the region): recipient, what goes with it, the legal
 * ground, a summary. The receiver must acknowledge; both sides see the state and a thread.
 */
export const ReferralSection = ({ detail }: { detail: CaseDetail }) => {
  const { t } = useTranslation();
  const [toUnitId, setToUnitId] = useState('');
  const [grounds, setGrounds] = useState<Ground[] | null>(null);
  const [groundCode, setGroundCode] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const { problem, run } = useProblem();
  const write = detail.abilities.write;

  const referralsQuery = useRecord<ReferralSummary[]>(
    recordKeys.case(detail.id, 'referrals'),
    `/api/cases/${detail.id}/referrals`,
  );
  const referrals = referralsQuery.data ?? [];
  const directory =
    useRecord<DirectoryEntry[]>(['referral-directory'], write ? '/api/referral-directory' : null)
      .data ?? [];

  const target = directory.find((entry) => entry.unitId === toUnitId);

  const weigh = () =>
    void run(async () => {
      if (!target) return;
      const query = new URLSearchParams({
        recipientKind: recipientKindOf[target.referralKind],
        // By id: the consent the person gave to this unit is recognised whatever its name.
        recipientUnitId: target.unitId,
        recipientLabel: `${target.organisationName} – ${target.unitName}`,
      });
      const result = await api<WeighedGrounds>(
        'GET',
        `/api/cases/${detail.id}/disclosure-grounds?${query.toString()}`,
      );
      setGrounds(result.grounds);
      setGroundCode(null);
    });

  const send = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    void run(async () => {
      const result = await api<{ acknowledgeBy: string }>(
        'POST',
        `/api/cases/${detail.id}/referrals`,
        {
          toUnitId,
          summary: data.get('summary'),
          categories: data.getAll('categories'),
          groundCode,
          assessmentNote: data.get('assessmentNote') ?? '',
        },
      );
      setSent(result.acknowledgeBy);
      form.reset();
      setGrounds(null);
      setGroundCode(null);
      await referralsQuery.refetch(throwOnError);
    });
  };

  const ground = grounds?.find((entry) => entry.code === groundCode);
  if (!write && referrals.length === 0) return null;
  return (
    <section aria-labelledby="referral-heading">
      <h2 id="referral-heading">{t('referrals.title')}</h2>
      {referrals.length > 0 && (
        <ul>
          {referrals.map((referral) => (
            <li key={referral.id}>
              <a {...linkProps(`/overlamningar/${referral.id}`)}>
                {referral.direction === 'outgoing'
                  ? t('referrals.to', { unit: referral.to.unit })
                  : t('referrals.from', {
                      organisation: referral.from.organisation,
                      unit: referral.from.unit,
                    })}
              </a>{' '}
              <ReferralState referral={referral} />
              {referral.messageCount > 0 &&
                ` · ${t('referrals.messages', { count: referral.messageCount })}`}
            </li>
          ))}
        </ul>
      )}
      <FieldErrors problem={problem} />
      {write && directory.length > 0 && (
        <form onSubmit={send} noValidate aria-label={t('referrals.send')}>
          <label htmlFor="referral-to">{t('referrals.recipient')}</label>
          <select
            id="referral-to"
            value={toUnitId}
            onChange={(event) => {
              setToUnitId(event.target.value);
              setGrounds(null);
            }}
          >
            <option value="">{t('referrals.choose')}</option>
            {directory.map((entry) => (
              <option key={entry.unitId} value={entry.unitId}>
                {entry.organisationName} – {entry.unitName}
              </option>
            ))}
          </select>
          <label htmlFor="referral-summary">{t('referrals.summary')}</label>
          <textarea
            id="referral-summary"
            name="summary"
            rows={4}
            aria-describedby="referral-summary-help"
          />
          <p id="referral-summary-help" className="muted">
            {t('referrals.summaryHelp')}
          </p>
          <fieldset>
            <legend>{t('referrals.categories')}</legend>
            {dataCategories.map((category) => (
              <label key={category} className="choice">
                <input type="checkbox" name="categories" value={category} />{' '}
                {t(`categories.${category}`)}
              </label>
            ))}
          </fieldset>
          <button type="button" onClick={weigh} disabled={!target}>
            {t('disclosure.weigh')}
          </button>
          {grounds && (
            <GroundChoices
              grounds={grounds}
              chosen={groundCode}
              onChoose={setGroundCode}
              name="referral-ground"
            />
          )}
          {ground?.needsAssessment && (
            <>
              <label htmlFor="referral-assessment">{t('disclosure.assessment')}</label>
              <textarea id="referral-assessment" name="assessmentNote" rows={3} />
            </>
          )}
          <button type="submit">{t('referrals.sendButton')}</button>
        </form>
      )}
      {sent && (
        <p role="status" className="role-card">
          {t('referrals.sent', { date: sent })}
        </p>
      )}
    </section>
  );
};
