import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../cases-api';
import type { ConsentRecipient } from '../../../domain/collaboration/consent';
import { recipientKinds } from '../../../domain/collaboration/grounds';
import { useRecipientDirectory, useUnits, type DirectoryEntry } from '../../queries';

/** Recipients outside the organisation: every kind the domain knows but a unit of one's own. */
const outsideKinds = recipientKinds.filter((kind) => kind !== 'internal');

const noUnits: Unit[] = [];
const noEntries: DirectoryEntry[] = [];

/**
 * The one way a form names who receives information: a unit of one's own organisation, a unit
 * of another organisation in the county (from the directory, by id), or an agency outside
 * Fristad in words. What is sent is a reference; the name on screen is only shown.
 */
export const useRecipientChoices = (withDirectory: boolean) => {
  const units = useUnits().data ?? noUnits;
  const directory = useRecipientDirectory(withDirectory).data ?? noEntries;
  return { units, directory: withDirectory ? directory : noEntries };
};

export type RecipientChoices = ReturnType<typeof useRecipientChoices>;

/** The recipient a picker's form fields name, or null when none is chosen. */
export const chosenRecipient = (
  data: FormData,
  name: string,
  { units, directory }: RecipientChoices,
): ConsentRecipient | null => {
  const choice = String(data.get(name) ?? '');
  const [source, id] = choice.split(':');
  const unit = units.find((entry) => source === 'unit' && entry.id === id);
  if (unit) return { kind: 'internal', organisationId: null, unitId: unit.id, label: unit.name };
  const entry = directory.find((row) => source === 'directory' && row.unitId === id);
  if (entry)
    return {
      kind: entry.recipientKind,
      organisationId: entry.organisationId,
      unitId: entry.unitId,
      label: `${entry.organisationName} – ${entry.unitName}`,
    };
  const label = String(data.get(`${name}-label`) ?? '').trim();
  return source === 'other' && label
    ? {
        kind: data.get(`${name}-kind`) as ConsentRecipient['kind'],
        organisationId: null,
        unitId: null,
        label,
      }
    : null;
};

/** The picker's value for a recipient already chosen (a unit, a directory entry or words). */
const choiceOf = (
  recipient: ConsentRecipient | undefined,
  { units, directory }: RecipientChoices,
): string => {
  if (!recipient) return '';
  if (recipient.unitId && units.some((unit) => unit.id === recipient.unitId))
    return `unit:${recipient.unitId}`;
  if (recipient.unitId && directory.some((entry) => entry.unitId === recipient.unitId))
    return `directory:${recipient.unitId}`;
  return recipient.unitId || recipient.organisationId ? '' : 'other';
};

export const RecipientPicker = ({
  name,
  choices,
  onChange,
  label,
  initial,
}: {
  name: string;
  choices: RecipientChoices;
  /** Told which kind of recipient is chosen: a unit of one's own organisation is 'internal'. */
  onChange?: (chosen: 'internal' | 'directory' | 'other' | null) => void;
  /** The field's label when it is not "Mottagare" (a SIP names its participants). */
  label?: string;
  /** The recipient chosen before, shown when the form opens again. */
  initial?: ConsentRecipient;
}) => {
  const { t } = useTranslation();
  // Until the worker picks, the earlier choice shows (once the choices have arrived).
  const [picked, setChoice] = useState<string | null>(null);
  const choice = picked ?? choiceOf(initial, choices);
  return (
    <>
      <label htmlFor={name}>{label ?? t('recipientPicker.label')}</label>
      <select
        id={name}
        name={name}
        value={choice}
        onChange={(event) => {
          const value = event.target.value;
          setChoice(value);
          onChange?.(
            value.startsWith('unit:')
              ? 'internal'
              : value.startsWith('directory:')
                ? 'directory'
                : value === 'other'
                  ? 'other'
                  : null,
          );
        }}
        aria-describedby={`${name}-help`}
      >
        <option value="">{t('recipientPicker.choose')}</option>
        <optgroup label={t('recipientPicker.own')}>
          {choices.units.map((unit) => (
            <option key={unit.id} value={`unit:${unit.id}`}>
              {unit.name}
            </option>
          ))}
        </optgroup>
        {choices.directory.length > 0 && (
          <optgroup label={t('recipientPicker.county')}>
            {choices.directory.map((entry) => (
              <option key={entry.unitId} value={`directory:${entry.unitId}`}>
                {entry.organisationName} – {entry.unitName}
              </option>
            ))}
          </optgroup>
        )}
        <option value="other">{t('recipientPicker.other')}</option>
      </select>
      <p id={`${name}-help`} className="muted">
        {t('recipientPicker.help')}
      </p>
      {choice === 'other' && (
        <>
          <label htmlFor={`${name}-kind`}>{t('recipientPicker.kind')}</label>
          <select
            id={`${name}-kind`}
            name={`${name}-kind`}
            defaultValue={
              initial && choiceOf(initial, choices) === 'other' ? initial.kind : 'other'
            }
          >
            {outsideKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`recipientKinds.${kind}`)}
              </option>
            ))}
          </select>
          <label htmlFor={`${name}-label`}>{t('recipientPicker.words')}</label>
          <input
            id={`${name}-label`}
            name={`${name}-label`}
            defaultValue={initial && choiceOf(initial, choices) === 'other' ? initial.label : ''}
          />
        </>
      )}
    </>
  );
};
