import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import type { Unit } from '../cases-api';
import { queryKeys, useRecord } from '../queries';
import { FieldErrors, useProblem } from './problems';
import { useHeadingFocus } from './useHeadingFocus';
import { InstrumentSettings } from './settings/InstrumentSettings';
import { MeasureSettings } from './settings/MeasureSettings';
import { InterventionSettings } from './settings/InterventionSettings';
import { ReassessmentSettings } from './settings/ReassessmentSettings';

/**
 * For administrators: which units ask about violence by routine (default: all of them), how soon
 * risk is reassessed, and which instruments the organisation may use.
 */
export const UnitsPage = () => {
  const { t } = useTranslation();
  // The units as read, then as each click and each answer of the server leaves them.
  const [changed, setUnits] = useState<Unit[] | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const { problem, run } = useProblem();
  const heading = useHeadingFocus(null);

  const loaded = useRecord<Unit[]>(queryKeys.units, '/api/units').data ?? null;
  const units = changed ?? loaded;

  const replace = (next: Unit) =>
    setUnits((rows) => (rows ?? loaded)?.map((row) => (row.id === next.id ? next : row)) ?? null);

  // The box follows the click at once; if the server refuses, it goes back and says why.
  const toggle = (unit: Unit, routineScreening: boolean) => {
    replace({ ...unit, routineScreening });
    setSaved(null);
    void run(async () => {
      try {
        const updated = await api<Unit>('PATCH', `/api/units/${unit.id}`, {
          routineScreening,
          version: unit.version,
        });
        replace(updated);
        setSaved(updated.name);
      } catch (error) {
        replace(unit);
        throw error;
      }
    });
  };

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('units.title')}
      </h1>
      <p>{t('units.lead')}</p>
      <FieldErrors problem={problem} />
      <p role="status">{saved && t('units.saved', { unit: saved })}</p>
      {units === null ? (
        <p role="status">{t('app.loading')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('units.name')}</th>
              <th scope="col" id="routine-heading">
                {t('units.routineScreening')}
              </th>
            </tr>
          </thead>
          <tbody>
            {units.map((unit) => (
              <tr key={unit.id}>
                <td id={`unit-${unit.id}`}>{unit.name}</td>
                <td>
                  <input
                    type="checkbox"
                    aria-labelledby={`routine-heading unit-${unit.id}`}
                    checked={unit.routineScreening}
                    onChange={(event) => toggle(unit, event.target.checked)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ReassessmentSettings />
      <InstrumentSettings />
      <MeasureSettings />
      <InterventionSettings />
    </>
  );
};
