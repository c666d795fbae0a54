import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ratingPhases, violenceSince } from '../../../domain/follow-up/ratings';
import { api } from '../../api';
import { todayText, type CaseDetail } from '../../cases-api';
import { FieldErrors, useProblem } from '../problems';
import {
  recordKeys,
  throwOnError,
  useInterventionTypes,
  useRecord,
  type InterventionType,
} from '../../queries';

type FollowUp = {
  ratings: {
    id: string;
    phase: string;
    ratedOn: string;
    wellbeing: number;
    safety: number;
    violence: string;
    comment: string;
  }[];
  change: { wellbeing: { from: number; to: number }; safety: { from: number; to: number } } | null;
  satisfaction: { id: string; subject: string; about: string; score: number; answeredOn: string }[];
  plan: { consent: boolean; closedOn: string; dates: string[]; version: number } | null;
};
const noTypes: InterventionType[] = [];

const scale = Array.from({ length: 11 }, (_, value) => value);

/**
 * Following the person (digest 002 and 001): their own 0–10 ratings at the start, during and at
 * the end, how satisfied they were with an intervention or a housing provider, and whether they
 * want to be called 6 and 12 months after the case closes.
 */
export const FollowUpSection = ({ detail }: { detail: CaseDetail }) => {
  const { t } = useTranslation();
  const types = useInterventionTypes().data ?? noTypes;
  const [saved, setSaved] = useState<string | null>(null);
  const { problem, run } = useProblem();
  const write = detail.abilities.write;
  const query = useRecord<FollowUp>(
    recordKeys.case(detail.id, 'follow-up'),
    `/api/cases/${detail.id}/follow-up`,
  );
  const followUp = query.data ?? null;
  if (!followUp) return null;

  const send = (
    event: FormEvent<HTMLFormElement>,
    method: 'POST' | 'PUT',
    path: string,
    build: (data: FormData) => object,
    done: string,
  ) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    void run(async () => {
      await api(method, `/api/cases/${detail.id}/${path}`, build(data));
      form.reset();
      await query.refetch(throwOnError);
      setSaved(done);
    });
  };
  const perpetrator = detail.type === 'perpetrator';

  return (
    <section aria-labelledby="follow-up-heading">
      <h2 id="follow-up-heading">{t('followUp.title')}</h2>
      <FieldErrors problem={problem} />
      {saved && <p role="status">{saved}</p>}
      {followUp.ratings.length === 0 ? (
        <p>{t('followUp.noRatings')}</p>
      ) : (
        <table>
          <caption>{t('followUp.ratings')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('followUp.ratedOn')}</th>
              <th scope="col">{t('followUp.phase')}</th>
              <th scope="col">{t('followUp.wellbeing')}</th>
              <th scope="col">{t('followUp.safety')}</th>
              <th scope="col">
                {perpetrator ? t('followUp.violenceUsed') : t('followUp.violenceExposed')}
              </th>
            </tr>
          </thead>
          <tbody>
            {followUp.ratings.map((rating) => (
              <tr key={rating.id}>
                <td>{rating.ratedOn}</td>
                <td>{t(`followUp.phases.${rating.phase}`)}</td>
                <td>{rating.wellbeing}</td>
                <td>{rating.safety}</td>
                <td>{t(`followUp.violence.${rating.violence}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {followUp.change && (
        <p className="role-card">
          {t('followUp.change', {
            wellbeingFrom: followUp.change.wellbeing.from,
            wellbeingTo: followUp.change.wellbeing.to,
            safetyFrom: followUp.change.safety.from,
            safetyTo: followUp.change.safety.to,
          })}
        </p>
      )}
      {write && (
        <form
          onSubmit={(event) =>
            send(
              event,
              'POST',
              'ratings',
              (data) => ({
                phase: data.get('phase'),
                ratedOn: data.get('ratedOn'),
                wellbeing: Number(data.get('wellbeing')),
                safety: Number(data.get('safety')),
                violence: data.get('violence'),
                comment: data.get('comment'),
              }),
              t('followUp.ratingSaved'),
            )
          }
          noValidate
          aria-label={t('followUp.addRating')}
        >
          <h3>{t('followUp.addRating')}</h3>
          <label htmlFor="rating-phase">{t('followUp.phase')}</label>
          <select id="rating-phase" name="phase">
            {ratingPhases.map((phase) => (
              <option key={phase} value={phase}>
                {t(`followUp.phases.${phase}`)}
              </option>
            ))}
          </select>
          <label htmlFor="rating-date">{t('followUp.ratedOn')}</label>
          <input id="rating-date" name="ratedOn" type="date" defaultValue={todayText()} />
          {(['wellbeing', 'safety'] as const).map((measure) => (
            <div key={measure}>
              <label htmlFor={`rating-${measure}`}>{t(`followUp.${measure}Question`)}</label>
              <select
                id={`rating-${measure}`}
                name={measure}
                defaultValue="5"
                aria-describedby="rating-anchors"
              >
                {scale.map((value) => (
                  <option key={value} value={value}>
                    {value}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <p id="rating-anchors" className="muted">
            {t('followUp.anchors')}
          </p>
          <label htmlFor="rating-violence">
            {perpetrator
              ? t('followUp.violenceUsedQuestion')
              : t('followUp.violenceExposedQuestion')}
          </label>
          <select id="rating-violence" name="violence" defaultValue="notAnswered">
            {violenceSince.map((value) => (
              <option key={value} value={value}>
                {t(`followUp.violence.${value}`)}
              </option>
            ))}
          </select>
          <label htmlFor="rating-comment">{t('followUp.comment')}</label>
          <textarea id="rating-comment" name="comment" rows={2} />
          <button type="submit">{t('followUp.saveRating')}</button>
        </form>
      )}

      <h3>{t('followUp.satisfaction')}</h3>
      {followUp.satisfaction.length > 0 && (
        <ul>
          {followUp.satisfaction.map((answer) => (
            <li key={answer.id}>
              {answer.answeredOn} – {answer.about}: {t('followUp.score', { score: answer.score })}
            </li>
          ))}
        </ul>
      )}
      {write && (
        <form
          onSubmit={(event) =>
            send(
              event,
              'POST',
              'satisfaction',
              (data) => ({
                subject: data.get('subject'),
                interventionTypeId: data.get('interventionTypeId') || null,
                housingProvider: data.get('housingProvider'),
                score: Number(data.get('score')),
                comment: data.get('comment'),
              }),
              t('followUp.answerSaved'),
            )
          }
          noValidate
          aria-label={t('followUp.addSatisfaction')}
        >
          <label htmlFor="satisfaction-subject">{t('followUp.about')}</label>
          <select id="satisfaction-subject" name="subject">
            <option value="intervention">{t('followUp.subjects.intervention')}</option>
            <option value="housing">{t('followUp.subjects.housing')}</option>
          </select>
          <label htmlFor="satisfaction-type">{t('followUp.intervention')}</label>
          <select id="satisfaction-type" name="interventionTypeId">
            <option value="">–</option>
            {types.map((type) => (
              <option key={type.id} value={type.id}>
                {type.name}
              </option>
            ))}
          </select>
          <label htmlFor="satisfaction-housing">{t('followUp.housingProvider')}</label>
          <input id="satisfaction-housing" name="housingProvider" />
          <label htmlFor="satisfaction-score">{t('followUp.scoreQuestion')}</label>
          <select id="satisfaction-score" name="score" defaultValue="3">
            {[1, 2, 3, 4, 5].map((value) => (
              <option key={value} value={value}>
                {t(`followUp.scores.${value}`)}
              </option>
            ))}
          </select>
          <label htmlFor="satisfaction-comment">{t('followUp.comment')}</label>
          <textarea id="satisfaction-comment" name="comment" rows={2} />
          <button type="submit">{t('followUp.saveAnswer')}</button>
        </form>
      )}

      <h3>{t('followUp.afterClosure')}</h3>
      <p>
        {followUp.plan
          ? followUp.plan.consent
            ? t('followUp.planYes', { dates: followUp.plan.dates.join(', ') })
            : t('followUp.planNo')
          : t('followUp.planNone')}
      </p>
      {write && (
        <form
          onSubmit={(event) =>
            send(
              event,
              'PUT',
              'follow-up-plan',
              (data) => ({
                consent: data.get('consent') === 'yes',
                closedOn: data.get('closedOn'),
                version: followUp.plan?.version ?? 0,
              }),
              t('followUp.planSaved'),
            )
          }
          noValidate
          aria-label={t('followUp.afterClosure')}
        >
          <fieldset>
            <legend>{t('followUp.consentQuestion')}</legend>
            {(['yes', 'no'] as const).map((answer) => (
              <label key={answer} className="choice">
                <input
                  type="radio"
                  name="consent"
                  value={answer}
                  defaultChecked={answer === 'no'}
                />{' '}
                {t(`followUp.consent.${answer}`)}
              </label>
            ))}
          </fieldset>
          <label htmlFor="follow-up-closed">{t('followUp.closedOn')}</label>
          <input id="follow-up-closed" name="closedOn" type="date" defaultValue={todayText()} />
          <button type="submit">{t('followUp.savePlan')}</button>
        </form>
      )}
    </section>
  );
};
