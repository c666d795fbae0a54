import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, PersonDuplicates as Duplicates } from '../../../contract/persons';
import { api } from '../../api';
import { dateText } from '../../cases-api';
import { recordKeys, throwOnError, useRecord } from '../../queries';
import { FieldErrors, useProblem } from '../problems';

/**
 * Records that may be the same person as this one — registered twice before the number became
 * unique, or once without a number — and the merges made into it. Whoever may change both records
 * merges them with a stated reason; a merge can be undone for 30 days. Shown only when there is
 * something to show.
 */
export const DuplicatesSection = ({
  personId,
  reload,
}: {
  personId: string;
  reload: () => Promise<void>;
}) => {
  const { t, i18n } = useTranslation();
  const [chosen, setChosen] = useState<Duplicates['candidates'][number] | null>(null);
  const { problem, run } = useProblem();
  const query = useRecord<Duplicates>(
    recordKeys.person(personId, 'duplicates'),
    `/api/persons/${personId}/duplicates`,
  );
  const duplicates = query.data ?? null;
  if (!duplicates || (duplicates.candidates.length === 0 && duplicates.merges.length === 0))
    return null;

  const merge = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!chosen?.survivorId) return;
    const reason = new FormData(event.currentTarget).get('reason');
    const mergedPersonId = chosen.survivorId === personId ? chosen.person.id : personId;
    void run(async () => {
      // The survivor's version as the worker sees it now: a change since stops the merge (409).
      const survivor = await api<Person>('GET', `/api/persons/${chosen.survivorId}`);
      await api('POST', `/api/persons/${chosen.survivorId}/merges`, {
        mergedPersonId,
        reason,
        version: survivor.version,
      });
      setChosen(null);
      await query.refetch(throwOnError);
      await reload();
    });
  };

  const undo = (mergeId: string) =>
    void run(async () => {
      await api('POST', `/api/person-merges/${mergeId}/undo`);
      await query.refetch(throwOnError);
      await reload();
    });

  const describeRecord = (record: Person) =>
    [
      `${record.givenName} ${record.familyName}`,
      record.personalNumber ?? record.birthDate ?? t('duplicates.noNumber'),
      record.unitName,
    ].join(', ');

  return (
    <section aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">{t('duplicates.title')}</h2>
      <FieldErrors problem={problem} />
      {duplicates.candidates.length > 0 && (
        <>
          <p>{t('duplicates.lead')}</p>
          <ul>
            {duplicates.candidates.map((candidate) => (
              <li key={candidate.person.id}>
                {describeRecord(candidate.person)}
                {candidate.markedAsDuplicate && ` – ${t('duplicates.marked')}`}
                {candidate.refusal && <p className="muted">{candidate.refusal}</p>}
                {candidate.survivorId && candidate.person.abilities.update && (
                  <>
                    {' '}
                    <button type="button" onClick={() => setChosen(candidate)}>
                      {t('duplicates.choose')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {chosen && (
        <form onSubmit={merge} noValidate aria-label={t('duplicates.confirmTitle')}>
          <p>
            {chosen.survivorId === personId
              ? t('duplicates.keepThis')
              : t('duplicates.keepOther', { record: describeRecord(chosen.person) })}
          </p>
          <label htmlFor="merge-reason">{t('duplicates.reason')}</label>
          <textarea id="merge-reason" name="reason" rows={2} aria-describedby="merge-help" />
          <p id="merge-help" className="muted">
            {t('duplicates.help')}
          </p>
          <button type="submit">{t('duplicates.merge')}</button>{' '}
          <button type="button" onClick={() => setChosen(null)}>
            {t('duplicates.cancel')}
          </button>
        </form>
      )}
      {duplicates.merges.length > 0 && (
        <>
          <h3>{t('duplicates.mergesTitle')}</h3>
          <ul>
            {duplicates.merges.map((made) => (
              <li key={made.id}>
                {t('duplicates.merged', {
                  date: dateText(made.mergedAt, i18n.language),
                  reason: made.reason,
                })}
                {made.undoneAt &&
                  ` – ${t('duplicates.undone', { date: dateText(made.undoneAt, i18n.language) })}`}
                {made.canUndo && (
                  <>
                    {' '}
                    <button type="button" onClick={() => undo(made.id)}>
                      {t('duplicates.undo')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
};
