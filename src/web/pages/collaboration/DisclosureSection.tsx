import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Disclosure, WeighedGrounds } from '../../../contract/collaboration';
import { swedishDayOf } from '../../../domain/calendar';
import { api } from '../../api';
import { LegalReferences } from '../../components/LegalReferences';
import { groundReferences } from '../../ground-references';
import { dateText, type CaseDetail } from '../../cases-api';
import { recordKeys, throwOnError, useRecord } from '../../queries';
import { FieldErrors, useProblem } from '../problems';
import { GroundChoices, type WeighedGround as Ground } from './GroundChoices';
import { dataCategories } from './ConsentSection';
import { chosenRecipient, RecipientPicker, useRecipientChoices } from './RecipientPicker';

/**
 * Disclosures (utlämnande) from the case: every piece of information that leaves its secrecy
 * area is recorded with recipient, what, the legal ground and who decided. The worker first
 * sees which grounds could apply here, each explained in plain words; nothing goes without one.
 */
export const DisclosureSection = ({ detail }: { detail: CaseDetail }) => {
  const { t, i18n } = useTranslation();
  const choices = useRecipientChoices(detail.abilities.write);
  // Only a unit of one's own organisation can be given the case to read in Fristad.
  const [internal, setInternal] = useState(false);
  const [grounds, setGrounds] = useState<Ground[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const { problem, run } = useProblem();

  const query = useRecord<Disclosure[]>(
    recordKeys.case(detail.id, 'disclosures'),
    `/api/cases/${detail.id}/disclosures`,
  );
  const disclosures = query.data ?? [];

  const recipientOf = (form: HTMLFormElement) => {
    const data = new FormData(form);
    // A unit in Fristad travels by its id; only an agency outside Fristad by its words.
    const recipient = chosenRecipient(data, 'disclosure-recipient', choices);
    return {
      recipientKind: recipient?.kind ?? 'internal',
      recipientUnitId: recipient?.unitId ?? null,
      recipientLabel: recipient?.label ?? '',
      categories: data.getAll('categories').map(String),
    };
  };

  const weigh = (form: HTMLFormElement | null) => {
    if (!form) return;
    const recipient = recipientOf(form);
    const query = new URLSearchParams({
      recipientKind: recipient.recipientKind,
      recipientLabel: recipient.recipientLabel,
      categories: recipient.categories.join(','),
      ...(recipient.recipientUnitId ? { recipientUnitId: String(recipient.recipientUnitId) } : {}),
    });
    void run(async () => {
      const result = await api<WeighedGrounds>(
        'GET',
        `/api/cases/${detail.id}/disclosure-grounds?${query.toString()}`,
      );
      setGrounds(result.grounds);
      setChosen(null);
    });
  };

  const disclose = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    void run(async () => {
      await api('POST', `/api/cases/${detail.id}/disclosures`, {
        ...recipientOf(form),
        groundCode: chosen,
        assessmentNote: data.get('assessmentNote') ?? '',
        provisionText: data.get('provisionText') ?? '',
        content: data.get('content') ?? '',
        shareCase: data.get('shareCase') === 'on',
        shareDays: Number(data.get('shareDays') || 30),
      });
      form.reset();
      setGrounds(null);
      setChosen(null);
      await query.refetch(throwOnError);
    });
  };

  const ground = grounds?.find((entry) => entry.code === chosen);
  return (
    <section aria-labelledby="disclosure-heading">
      <h2 id="disclosure-heading">{t('disclosure.title')}</h2>
      {disclosures.length === 0 ? (
        <p>{t('disclosure.none')}</p>
      ) : (
        <ul>
          {disclosures.map((entry) => (
            <li key={entry.id}>
              {dateText(entry.decidedAt, i18n.language)} – {entry.recipient} –{' '}
              {t(`disclosure.grounds.${entry.groundCode}`, { defaultValue: entry.groundCode })} (
              {entry.decidedByName})
              <div className="muted">
                <LegalReferences
                  ids={groundReferences(entry.groundCode)}
                  day={swedishDayOf(entry.decidedAt)}
                />
              </div>
              {entry.content && <div>{entry.content}</div>}
              {entry.share && (
                <div className="muted">
                  {entry.share.active ? t('disclosure.shareActive') : t('disclosure.shareEnded')}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <FieldErrors problem={problem} />
      {detail.abilities.write && (
        <form onSubmit={disclose} noValidate aria-label={t('disclosure.formTitle')}>
          <RecipientPicker
            name="disclosure-recipient"
            choices={choices}
            onChange={(chosenKind) => {
              setInternal(chosenKind === 'internal');
              setGrounds(null);
            }}
          />
          <fieldset>
            <legend>{t('disclosure.categories')}</legend>
            {dataCategories.map((category) => (
              <label key={category} className="choice">
                <input type="checkbox" name="categories" value={category} />{' '}
                {t(`categories.${category}`)}
              </label>
            ))}
          </fieldset>
          <button type="button" onClick={(event) => weigh(event.currentTarget.form)}>
            {t('disclosure.weigh')}
          </button>
          {grounds && (
            <GroundChoices
              grounds={grounds}
              chosen={chosen}
              onChoose={setChosen}
              name="groundCode"
            />
          )}
          {ground?.needsAssessment && (
            <>
              <label htmlFor="disclosure-assessment">{t('disclosure.assessment')}</label>
              <textarea id="disclosure-assessment" name="assessmentNote" rows={3} />
            </>
          )}
          {ground?.needsProvision && (
            <>
              <label htmlFor="disclosure-provision">{t('disclosure.provision')}</label>
              <input id="disclosure-provision" name="provisionText" />
            </>
          )}
          {internal && (
            <>
              <label className="choice">
                <input type="checkbox" name="shareCase" /> {t('disclosure.shareCase')}
              </label>
              <label htmlFor="disclosure-days">{t('disclosure.shareDays')}</label>
              <input
                id="disclosure-days"
                name="shareDays"
                type="number"
                min={1}
                max={90}
                defaultValue={30}
              />
            </>
          )}
          <label htmlFor="disclosure-content">{t('disclosure.content')}</label>
          <textarea id="disclosure-content" name="content" rows={3} />
          <button type="submit">{t('disclosure.submit')}</button>
        </form>
      )}
    </section>
  );
};
