import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, UpdatedPerson } from '../../../contract/persons';
import { api } from '../../api';
import { contactChannels } from '../../../domain/identity/person-markers';
import { protectionLevels } from '../../../domain/identity/protected-identity';
import { recordKeys, useRecord } from '../../queries';
import { FieldErrors, useProblem } from '../problems';

/**
 * The person's protection, address and how to reach her safely. A protected address is shown
 * masked to everyone; those whose role allows it may see it by saying why (logged with the
 * reason). Whoever may change the person can enter the address and the safe contact here; raising
 * the protection asks about the children and household registered with her (protect by default).
 */
export const PersonSection = ({ personId }: { personId: string }) => {
  const { t } = useTranslation();
  // The person as read, then as the server answers a reveal or a change.
  const [changed, setPerson] = useState<Person | null>(null);
  const [editing, setEditing] = useState(false);
  const [carried, setCarried] = useState<number | null>(null);
  const { problem, run } = useProblem();
  const loaded = useRecord<Person>(recordKeys.person(personId), `/api/persons/${personId}`).data;
  const person = changed ?? loaded ?? null;
  if (!person) return null;
  const isProtected = person.protectionLevel !== 'none';

  const reveal = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = new FormData(event.currentTarget).get('reason');
    void run(async () => {
      setPerson(
        await api<Person>('POST', `/api/persons/${personId}/protected-address`, { reason }),
      );
    });
  };

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim() || null;
    void run(async () => {
      const updated = await api<UpdatedPerson>('PATCH', `/api/persons/${personId}`, {
        version: person.version,
        protectionLevel: data.get('protectionLevel'),
        household: data.get('household') === 'on' ? 'protect' : 'leave',
        // An address left empty is kept as it is: a masked address cannot be edited in place.
        ...(text('address') ? { address: text('address') } : {}),
        safeContact: {
          channels: data.getAll('channels'),
          times: text('times'),
          doNotContact: text('doNotContact'),
          // A protected person's places are shown masked: left empty, they stay as stored.
          ...(isProtected && !text('safePlaces') ? {} : { safePlaces: text('safePlaces') }),
        },
      });
      setPerson(updated);
      setCarried(updated.protectionCarriedTo);
      setEditing(false);
    });
  };

  return (
    <section aria-labelledby="person-heading">
      <h2 id="person-heading">{t('personSection.title')}</h2>
      <dl className="facts">
        <dt>{t('intake.protection')}</dt>
        <dd>
          {t(`intake.protectionLevels.${person.protectionLevel}`)}
          {person.protectionCarried && ` (${t('personSection.carried')})`}
        </dd>
        <dt>{t('personSection.address')}</dt>
        <dd data-testid="person-address">{person.address ?? t('personSection.noAddress')}</dd>
        <dt>{t('personSection.channels')}</dt>
        <dd>
          {person.safeContact?.channels.length
            ? person.safeContact.channels
                .map((channel) => t(`personSection.channel.${channel}`))
                .join(', ')
            : t('personSection.notRecorded')}
        </dd>
        <dt>{t('personSection.times')}</dt>
        <dd>{person.safeContact?.times ?? t('personSection.notRecorded')}</dd>
        <dt>{t('personSection.doNotContact')}</dt>
        <dd>{person.safeContact?.doNotContact ?? t('personSection.notRecorded')}</dd>
        <dt>{t('personSection.safePlaces')}</dt>
        <dd>{person.safeContact?.safePlaces ?? t('personSection.notRecorded')}</dd>
      </dl>
      {carried !== null && carried > 0 && (
        <p role="status">{t('personSection.carriedTo', { count: carried })}</p>
      )}
      <FieldErrors problem={problem} />
      {isProtected && person.abilities.readProtectedAddress && person.address !== null && (
        <form onSubmit={reveal} noValidate aria-label={t('personSection.revealTitle')}>
          <label htmlFor="reveal-reason">{t('personSection.revealReason')}</label>
          <input id="reveal-reason" name="reason" aria-describedby="reveal-help" />
          <p id="reveal-help" className="muted">
            {t('personSection.revealHelp')}
          </p>
          <button type="submit">{t('personSection.reveal')}</button>
        </form>
      )}
      {isProtected && !person.abilities.readProtectedAddress && (
        <p className="muted">{t('personSection.maskedForYou')}</p>
      )}
      {person.abilities.update && !editing && (
        <button type="button" onClick={() => setEditing(true)}>
          {t('personSection.edit')}
        </button>
      )}
      {person.abilities.update && editing && (
        <form onSubmit={save} noValidate aria-label={t('personSection.edit')}>
          <label htmlFor="person-protection">{t('intake.protection')}</label>
          <select
            id="person-protection"
            name="protectionLevel"
            defaultValue={person.protectionLevel}
          >
            {protectionLevels.map((level) => (
              <option key={level} value={level}>
                {t(`intake.protectionLevels.${level}`)}
              </option>
            ))}
          </select>
          <label className="choice">
            <input type="checkbox" name="household" defaultChecked /> {t('personSection.household')}
          </label>
          <label htmlFor="person-address">{t('personSection.newAddress')}</label>
          <textarea id="person-address" name="address" rows={2} aria-describedby="address-help" />
          <p id="address-help" className="muted">
            {t('personSection.addressHelp')}
          </p>
          <fieldset>
            <legend>{t('personSection.channels')}</legend>
            {contactChannels.map((channel) => (
              <label key={channel} className="choice">
                <input
                  type="checkbox"
                  name="channels"
                  value={channel}
                  defaultChecked={person.safeContact?.channels.includes(channel) ?? false}
                />{' '}
                {t(`personSection.channel.${channel}`)}
              </label>
            ))}
          </fieldset>
          <label htmlFor="person-times">{t('personSection.times')}</label>
          <input id="person-times" name="times" defaultValue={person.safeContact?.times ?? ''} />
          <label htmlFor="person-dnc">{t('personSection.doNotContact')}</label>
          <input
            id="person-dnc"
            name="doNotContact"
            defaultValue={person.safeContact?.doNotContact ?? ''}
          />
          <label htmlFor="person-places">{t('personSection.safePlaces')}</label>
          <input
            id="person-places"
            name="safePlaces"
            aria-describedby="address-help"
            defaultValue={isProtected ? '' : (person.safeContact?.safePlaces ?? '')}
          />
          <button type="submit">{t('personSection.save')}</button>{' '}
          <button type="button" onClick={() => setEditing(false)}>
            {t('personSection.cancel')}
          </button>
        </form>
      )}
    </section>
  );
};
