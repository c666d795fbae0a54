import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  eligibilities,
  interventionProviders,
  interventionTargets,
  type DecisionDelegation,
} from '../../../domain/interventions/catalogue';
import { api } from '../../api';
import { FieldErrors, useProblem } from '../problems';
import { queryKeys, throwOnError, useRecord, type InterventionType } from '../../queries';

type Settings = {
  reassessmentDays: { low: number; medium: number; high: number };
  adviceRule: { sessionCap: number | null; maxDays: number | null };
  decisionDelegation: DecisionDelegation;
  version: number;
};

const numberOrNull = (value: FormDataEntryValue | null) =>
  value === null || String(value).trim() === '' ? null : Number(value);

/**
 * The organisation's own rules for interventions: the bound on råd och service, who may grant
 * and extend (delegationsordning), and the catalogue of interventions under local names.
 */
export const InterventionSettings = () => {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<string | null>(null);
  const { problem, run } = useProblem();
  // Read for this form alone (the reassessment form beside it reads its own).
  const settingsQuery = useRecord<Settings>(
    ['organisation', 'settings', 'interventions'],
    '/api/organisation/settings',
  );
  const typesQuery = useRecord<InterventionType[]>(
    queryKeys.interventionTypes,
    '/api/intervention-types',
  );
  const load = () =>
    Promise.all([settingsQuery.refetch(throwOnError), typesQuery.refetch(throwOnError)]);
  const settings = settingsQuery.data;
  const types = typesQuery.data;
  // Shown once both are read, as one.
  if (!settings || !types) return null;

  const saveRules = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    void run(async () => {
      await api('PATCH', '/api/organisation/settings', {
        reassessmentDays: settings.reassessmentDays,
        adviceRule: {
          sessionCap: numberOrNull(data.get('sessionCap')),
          maxDays: numberOrNull(data.get('maxDays')),
        },
        decisionDelegation: {
          grant: data.getAll('grant'),
          extension: {
            caseWorker: Number(data.get('extendCaseWorker')),
            teamLeader: Number(data.get('extendTeamLeader')),
          },
        },
        version: settings.version,
      });
      await load();
      setSaved(t('settings.saved'));
    });
  };

  const addType = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    void run(async () => {
      await api('POST', '/api/intervention-types', {
        name: data.get('name'),
        target: data.get('target'),
        eligibility: data.get('eligibility'),
        provider: data.get('provider'),
        defaultSessions: Number(data.get('defaultSessions')),
        defaultWeeks: numberOrNull(data.get('defaultWeeks')),
      });
      form.reset();
      // The catalogue is read again into the shared cache, where the case pages find it too.
      await load();
      setSaved(t('interventions.typeAdded'));
    });
  };

  const { adviceRule, decisionDelegation } = settings;
  return (
    <section aria-labelledby="intervention-settings-heading">
      <h2 id="intervention-settings-heading">{t('interventions.settingsTitle')}</h2>
      <FieldErrors problem={problem} />
      {saved && <p role="status">{saved}</p>}
      <form onSubmit={saveRules} noValidate aria-label={t('interventions.rulesTitle')}>
        <h3>{t('interventions.rulesTitle')}</h3>
        <label htmlFor="ros-cap">{t('interventions.sessionCap')}</label>
        <input
          id="ros-cap"
          name="sessionCap"
          inputMode="numeric"
          defaultValue={adviceRule.sessionCap ?? ''}
        />
        <label htmlFor="ros-days">{t('interventions.maxDays')}</label>
        <input
          id="ros-days"
          name="maxDays"
          inputMode="numeric"
          defaultValue={adviceRule.maxDays ?? ''}
        />
        <fieldset>
          <legend>{t('interventions.whoGrants')}</legend>
          {(['caseWorker', 'teamLeader'] as const).map((role) => (
            <label key={role} className="choice">
              <input
                type="checkbox"
                name="grant"
                value={role}
                defaultChecked={decisionDelegation.grant.includes(role)}
              />{' '}
              {t(`interventions.roles.${role}`)}
            </label>
          ))}
        </fieldset>
        <label htmlFor="extend-case-worker">{t('interventions.extendCaseWorker')}</label>
        <input
          id="extend-case-worker"
          name="extendCaseWorker"
          inputMode="numeric"
          defaultValue={decisionDelegation.extension.caseWorker}
        />
        <label htmlFor="extend-team-leader">{t('interventions.extendTeamLeader')}</label>
        <input
          id="extend-team-leader"
          name="extendTeamLeader"
          inputMode="numeric"
          defaultValue={decisionDelegation.extension.teamLeader}
        />
        <button type="submit">{t('settings.save')}</button>
      </form>

      <h3>{t('interventions.catalogue')}</h3>
      {types.length === 0 ? (
        <p>{t('interventions.noTypes')}</p>
      ) : (
        <ul>
          {types.map((type) => (
            <li key={type.id}>
              <strong>{type.name}</strong> – {t(`interventions.eligibilities.${type.eligibility}`)},{' '}
              {t(`interventions.providers.${type.provider}`)},{' '}
              {t('interventions.dose', { sessions: type.defaultSessions })}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={addType} noValidate aria-label={t('interventions.addType')}>
        <h3>{t('interventions.addType')}</h3>
        <label htmlFor="type-name">{t('interventions.name')}</label>
        <input id="type-name" name="name" />
        <label htmlFor="type-target">{t('interventions.target')}</label>
        <select id="type-target" name="target">
          {interventionTargets.map((target) => (
            <option key={target} value={target}>
              {t(`interventions.targets.${target}`)}
            </option>
          ))}
        </select>
        <label htmlFor="type-eligibility">{t('interventions.eligibility')}</label>
        <select id="type-eligibility" name="eligibility">
          {eligibilities.map((value) => (
            <option key={value} value={value}>
              {t(`interventions.eligibilities.${value}`)}
            </option>
          ))}
        </select>
        <label htmlFor="type-provider">{t('interventions.provider')}</label>
        <select id="type-provider" name="provider">
          {interventionProviders.map((value) => (
            <option key={value} value={value}>
              {t(`interventions.providers.${value}`)}
            </option>
          ))}
        </select>
        <label htmlFor="type-sessions">{t('interventions.defaultSessions')}</label>
        <input id="type-sessions" name="defaultSessions" inputMode="numeric" />
        <label htmlFor="type-weeks">{t('interventions.defaultWeeks')}</label>
        <input id="type-weeks" name="defaultWeeks" inputMode="numeric" />
        <button type="submit">{t('interventions.addTypeButton')}</button>
      </form>
    </section>
  );
};
