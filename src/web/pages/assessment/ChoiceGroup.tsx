import { useTranslation } from 'react-i18next';
import type { Scale } from '../../../domain/risk/instrument';
import { inLanguage } from '../../assessments-api';

/**
 * One rating as a group of radio buttons (or a number field): native controls, so arrow keys,
 * Space and screen readers work without extra code.
 */
export const ChoiceGroup = ({
  name,
  legend,
  scale,
  value,
  onChange,
  describedBy,
}: {
  name: string;
  legend: string;
  scale: Scale;
  value: string | number | null | undefined;
  onChange: (value: string | number | null) => void;
  describedBy?: string;
}) => {
  const { i18n } = useTranslation();
  if (scale.kind === 'number')
    return (
      <div className="number-field">
        <label htmlFor={name}>{legend}</label>
        <input
          id={name}
          type="number"
          inputMode="numeric"
          min={scale.min}
          max={scale.max}
          step={scale.integer ? 1 : 'any'}
          value={value ?? ''}
          aria-describedby={describedBy}
          onChange={(event) =>
            onChange(event.target.value === '' ? null : Number(event.target.value))
          }
        />
        {scale.unit && <span> {inLanguage(scale.unit, i18n.language)}</span>}
      </div>
    );
  return (
    <fieldset className="choices" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {scale.options.map((option) => (
        <label key={option.code} className="choice">
          <input
            type="radio"
            name={name}
            value={option.code}
            checked={value === option.code}
            onChange={() => onChange(option.code)}
          />{' '}
          {inLanguage(option.label, i18n.language)}
        </label>
      ))}
    </fieldset>
  );
};
