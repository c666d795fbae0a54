import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { dateText } from '../cases-api';
import { caseEventKinds, caseTypes, catalogueLabel } from '../labels';
import { linkProps, navigate } from '../navigation';
import { throwOnError, useRecord } from '../queries';
import type { ReferralDetail, ReferralPackage } from '../referrals-api';
import { ReferralState } from './collaboration/ReferralState';
import { FieldErrors, useProblem } from './problems';
import { useHeadingFocus } from './useHeadingFocus';

/**
 * One hand-over between organisations as either side sees it: who, what was handed over, its
 * state, the thread; the receiver acknowledges (opening a case) or says why not.
 */
export const ReferralPage = ({
  referralId,
  isPolice,
}: {
  referralId: string;
  isPolice: boolean;
}) => {
  const { t, i18n } = useTranslation();
  const [declining, setDeclining] = useState(false);
  const { problem, run } = useProblem();
  const heading = useHeadingFocus(referralId);
  const en = i18n.language === 'en';

  const query = useRecord<ReferralDetail>(
    ['referrals', referralId],
    `/api/referrals/${referralId}`,
  );
  const referral = query.data ?? null;
  const load = () => query.refetch(throwOnError);

  if (!referral) return <p role="status">{t('app.loading')}</p>;
  const incoming = referral.direction === 'incoming';
  const open = referral.state === 'sent' || referral.state === 'overdue';
  const pack = referral.package as ReferralPackage;

  const acknowledge = () =>
    void run(async () => {
      const result = await api<{ caseId: string | null }>(
        'POST',
        `/api/referrals/${referralId}/answer`,
        { openCase: true, version: referral.version },
      );
      if (result.caseId) navigate(`/arenden/${result.caseId}`);
      else await load();
    });

  const decline = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = new FormData(event.currentTarget).get('reason');
    void run(async () => {
      await api('POST', `/api/referrals/${referralId}/answer`, {
        decline: true,
        reason,
        version: referral.version,
      });
      setDeclining(false);
      await load();
    });
  };

  const write = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    void run(async () => {
      await api('POST', `/api/referrals/${referralId}/messages`, {
        kind: data.get('kind') ?? 'note',
        body: data.get('body'),
      });
      form.reset();
      await load();
    });
  };

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('referrals.pageTitle', { name: referral.subject.name })}
      </h1>
      <dl className="facts">
        <dt>{t('referrals.fromLabel')}</dt>
        <dd>
          {referral.from.organisation}, {referral.from.unit} ({referral.from.user})
        </dd>
        <dt>{t('referrals.toLabel')}</dt>
        <dd>{referral.to.unit}</dd>
        <dt>{t('referrals.personalNumber')}</dt>
        <dd>{referral.subject.personalNumber ?? t('referrals.noNumber')}</dd>
        <dt>{t('cases.type')}</dt>
        <dd>{catalogueLabel(caseTypes, referral.caseType, i18n.language)}</dd>
        <dt>{t('referrals.stateLabel')}</dt>
        <dd>
          <ReferralState referral={referral} />
        </dd>
        <dt>{t('referrals.ground')}</dt>
        <dd>
          {t(`disclosure.grounds.${referral.groundCode}`, { defaultValue: referral.groundCode })}
        </dd>
      </dl>
      {referral.caseId && (
        <p>
          <a {...linkProps(`/arenden/${referral.caseId}`)}>{t('referrals.openCase')}</a>
        </p>
      )}
      <FieldErrors problem={problem} />
      {incoming && open && (
        <section aria-labelledby="answer-heading" className="role-card">
          <h2 id="answer-heading">{t('referrals.answerTitle')}</h2>
          <p>{t('referrals.answerLead', { date: referral.acknowledgeBy })}</p>
          <button type="button" onClick={acknowledge}>
            {t('referrals.acknowledge')}
          </button>{' '}
          {!declining ? (
            <button type="button" onClick={() => setDeclining(true)}>
              {t('referrals.decline')}
            </button>
          ) : (
            <form onSubmit={decline} noValidate>
              <label htmlFor="decline-reason">{t('referrals.declineReason')}</label>
              <textarea id="decline-reason" name="reason" rows={3} />
              <button type="submit">{t('referrals.declineSubmit')}</button>
            </form>
          )}
        </section>
      )}
      {referral.declineReason && (
        <p className="role-card">{t('referrals.declined', { reason: referral.declineReason })}</p>
      )}
      <section aria-labelledby="package-heading">
        <h2 id="package-heading">{t('referrals.packageTitle')}</h2>
        <p>{pack.summary}</p>
        {pack.events && pack.events.length > 0 && (
          <>
            <h3>{t('events.title')}</h3>
            <ul>
              {pack.events.map((event, index) => (
                <li key={index}>
                  {event.occurredOn} – {catalogueLabel(caseEventKinds, event.kind, i18n.language)}
                  {event.description && `: ${event.description}`}
                </li>
              ))}
            </ul>
          </>
        )}
        {pack.assessments && pack.assessments.length > 0 && (
          <>
            <h3>{t('referrals.assessments')}</h3>
            <ul>
              {pack.assessments.map((assessment, index) => (
                <li key={index}>
                  {en ? assessment.instrumentName.en : assessment.instrumentName.sv}:{' '}
                  {assessment.finalLevel
                    ? t(`risk.levels.${assessment.finalLevel}`, assessment.finalLevel)
                    : '–'}{' '}
                  ({assessment.signedAt && dateText(assessment.signedAt, i18n.language)},{' '}
                  {assessment.assessorName})
                </li>
              ))}
            </ul>
          </>
        )}
        {pack.plan && (
          <>
            <h3>{t('plan.title')}</h3>
            <ul>
              {pack.plan.measures.map((measure, index) => (
                <li key={index}>
                  {en ? measure.label.en : measure.label.sv} – {measure.ownerOrganisation}
                </li>
              ))}
            </ul>
            {pack.plan.outOfHours && <p>{pack.plan.outOfHours}</p>}
          </>
        )}
      </section>
      <section aria-labelledby="thread-heading">
        <h2 id="thread-heading">{t('referrals.thread')}</h2>
        {referral.messages.length === 0 ? (
          <p>{t('referrals.noMessages')}</p>
        ) : (
          <ol>
            {referral.messages.map((message) => (
              <li key={message.id}>
                <strong>
                  {message.kind !== 'note' && `${t(`referrals.messageKinds.${message.kind}`)}: `}
                </strong>
                {message.body}
                <div className="muted">
                  {message.authorName}, {message.authorOrganisation} –{' '}
                  {dateText(message.sentAt, i18n.language)}
                </div>
              </li>
            ))}
          </ol>
        )}
        <form onSubmit={write} noValidate aria-label={t('referrals.writeMessage')}>
          {isPolice && (
            <>
              <label htmlFor="message-kind">{t('referrals.messageKind')}</label>
              <select id="message-kind" name="kind" defaultValue="note">
                {(['note', 'investigationDropped', 'prosecutionDecided'] as const).map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`referrals.messageKinds.${kind}`)}
                  </option>
                ))}
              </select>
            </>
          )}
          <label htmlFor="message-body">{t('referrals.message')}</label>
          <textarea id="message-body" name="body" rows={3} />
          <button type="submit">{t('referrals.sendMessage')}</button>
        </form>
      </section>
    </>
  );
};
