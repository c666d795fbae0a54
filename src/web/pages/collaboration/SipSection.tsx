import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { CaseDetail } from '../../cases-api';
import { recordKeys, useRecord } from '../../queries';
import { FieldErrors, useProblem } from '../problems';
import type { ConsentRecipient } from '../../../domain/collaboration/consent';
import { chosenRecipient, RecipientPicker, useRecipientChoices } from './RecipientPicker';

type Participant = ConsentRecipient;
type Sip = {
  participants: Participant[];
  coordinatorAgency: string;
  goal: string;
  followUpOn: string;
  version: number;
  commitments: { id: string; agency: string; what: string; dueOn: string; done: boolean }[];
};
const slots = [0, 1, 2, 3];

/**
 * SIP, the coordinated individual plan: the agencies taking part (each covered by the person's
 * consent, each chosen with the same recipient picker as the consent), who coordinates, the goal,
 * who does what by when, and the follow-up.
 */
export const SipSection = ({ detail }: { detail: CaseDetail }) => {
  const { t } = useTranslation();
  // The plan as read, then as the server answers each change.
  const [changed, setSip] = useState<Sip | null>(null);
  const [editing, setEditing] = useState(false);
  const { problem, run } = useProblem();
  const write = detail.abilities.write;
  const choices = useRecipientChoices(write);

  const loaded = useRecord<Sip | null>(
    recordKeys.case(detail.id, 'sip'),
    `/api/cases/${detail.id}/sip`,
  ).data;
  const sip = changed ?? loaded ?? null;

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const chosen = slots.map((slot) => chosenRecipient(data, `sip-participant-${slot}`, choices));
    const participants = chosen.filter((participant) => participant !== null);
    const coordinator = chosen[Number(data.get('coordinator'))];
    void run(async () => {
      setSip(
        await api<Sip>('PUT', `/api/cases/${detail.id}/sip`, {
          participants,
          coordinatorAgency: coordinator?.label ?? '',
          goal: data.get('goal'),
          followUpOn: data.get('followUpOn'),
          version: sip?.version ?? 0,
        }),
      );
      setEditing(false);
    });
  };

  const commit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    void run(async () => {
      setSip(
        await api<Sip>('POST', `/api/cases/${detail.id}/sip/commitments`, {
          agency: data.get('agency'),
          what: data.get('what'),
          dueOn: data.get('dueOn'),
        }),
      );
      form.reset();
    });
  };

  return (
    <section aria-labelledby="sip-heading">
      <h2 id="sip-heading">{t('sip.title')}</h2>
      {sip ? (
        <>
          <dl className="facts">
            <dt>{t('sip.participants')}</dt>
            <dd>{sip.participants.map((participant) => participant.label).join(', ')}</dd>
            <dt>{t('sip.coordinator')}</dt>
            <dd>{sip.coordinatorAgency}</dd>
            <dt>{t('sip.goal')}</dt>
            <dd>{sip.goal}</dd>
            <dt>{t('sip.followUpOn')}</dt>
            <dd>{sip.followUpOn}</dd>
          </dl>
          <ul>
            {sip.commitments.map((commitment) => (
              <li key={commitment.id}>
                <strong>{commitment.agency}</strong>: {commitment.what} ({commitment.dueOn})
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('sip.none')}</p>
      )}
      <FieldErrors problem={problem} />
      {write && !editing && (
        <button type="button" onClick={() => setEditing(true)}>
          {sip ? t('sip.edit') : t('sip.create')}
        </button>
      )}
      {write && editing && (
        <form onSubmit={save} noValidate aria-label={t('sip.formTitle')}>
          <p className="muted">{t('sip.consentNote')}</p>
          <fieldset>
            <legend>{t('sip.participants')}</legend>
            {slots.map((slot) => (
              <div key={slot}>
                <RecipientPicker
                  name={`sip-participant-${slot}`}
                  choices={choices}
                  label={t('sip.agency', { n: slot + 1 })}
                  initial={sip?.participants[slot]}
                />
              </div>
            ))}
          </fieldset>
          <label htmlFor="sip-coordinator">{t('sip.coordinator')}</label>
          <select
            id="sip-coordinator"
            name="coordinator"
            defaultValue={Math.max(
              0,
              sip?.participants.findIndex(
                (participant) => participant.label === sip.coordinatorAgency,
              ) ?? 0,
            )}
          >
            {slots.map((slot) => (
              <option key={slot} value={slot}>
                {t('sip.agency', { n: slot + 1 })}
              </option>
            ))}
          </select>
          <label htmlFor="sip-goal">{t('sip.goal')}</label>
          <textarea id="sip-goal" name="goal" rows={2} defaultValue={sip?.goal} />
          <label htmlFor="sip-follow-up">{t('sip.followUpOn')}</label>
          <input id="sip-follow-up" name="followUpOn" type="date" defaultValue={sip?.followUpOn} />
          <button type="submit">{t('sip.save')}</button>
        </form>
      )}
      {write && sip && (
        <form onSubmit={commit} noValidate aria-label={t('sip.commitTitle')}>
          <label htmlFor="sip-agency">{t('sip.who')}</label>
          <select id="sip-agency" name="agency">
            {sip.participants.map((participant) => (
              <option key={participant.label} value={participant.label}>
                {participant.label}
              </option>
            ))}
          </select>
          <label htmlFor="sip-what">{t('sip.what')}</label>
          <input id="sip-what" name="what" />
          <label htmlFor="sip-due">{t('sip.dueOn')}</label>
          <input id="sip-due" name="dueOn" type="date" />
          <button type="submit">{t('sip.commit')}</button>
        </form>
      )}
    </section>
  );
};
