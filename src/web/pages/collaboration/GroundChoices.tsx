import { useTranslation } from 'react-i18next';
import type { WeighedGround } from '../../../contract/collaboration';
import { todayText } from '../../cases-api';
import { LegalReferences } from '../../components/LegalReferences';

export type { WeighedGround };

/**
 * The legal grounds weighed for a disclosure, as radio buttons: each with its plain guidance
 * when it can apply here, or why it cannot (then it is disabled). Digest 000: staff who do not
 * know what they may share share nothing.
 */
export const GroundChoices = ({
  grounds,
  chosen,
  onChoose,
  name,
}: {
  grounds: WeighedGround[];
  chosen: string | null;
  onChoose: (code: string) => void;
  name: string;
}) => {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <fieldset>
      <legend>{t('disclosure.groundLegend')}</legend>
      {grounds.map((entry) => (
        <div key={entry.code}>
          <label className="choice">
            <input
              type="radio"
              name={name}
              value={entry.code}
              disabled={!entry.applies}
              checked={chosen === entry.code}
              onChange={() => onChoose(entry.code)}
              aria-describedby={`${name}-${entry.code}-help`}
            />{' '}
            {en ? entry.title.en : entry.title.sv}
          </label>
          <p id={`${name}-${entry.code}-help`} className="muted">
            {entry.applies
              ? en
                ? entry.guidance.en
                : entry.guidance.sv
              : en
                ? entry.whyNotEn
                : entry.whyNotSv}{' '}
            <LegalReferences ids={entry.legalReferences} day={todayText()} />
          </p>
        </div>
      ))}
    </fieldset>
  );
};
