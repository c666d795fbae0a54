import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person as PersonView, RegisteredPerson } from '../../contract/persons';
import { api, ApiError, type SessionView } from '../api';
import type { CaseSummary, IntakeReferral, ScreeningResult, Unit } from '../cases-api';
import { navigate } from '../navigation';
import { queryKeys, useRecord } from '../queries';
import { FieldErrors, useProblem } from './problems';
import { useHeadingFocus } from './useHeadingFocus';

type SignedIn = Extract<SessionView, { signedIn: true }>;
/** A person as registered here, or as found by search (which has no registeredBefore). */
type Person = PersonView & Partial<Pick<RegisteredPerson, 'registeredBefore'>>;
type Outcome = 'positive' | 'negative' | 'declined' | 'notAsked';
const outcomes: Outcome[] = ['positive', 'negative', 'declined', 'notAsked'];
const noUnits: Unit[] = [];
const notAskedReasons = [
  'othersPresent',
  'interpreterMissing',
  'clientCondition',
  'notRelevantContact',
  'askedRecently',
  'other',
];

/** A new contact in any unit: register the person, ask the routine questions, act on the answer. */
export const IntakePage = ({ session }: { session: SignedIn }) => {
  const { t } = useTranslation();
  const [person, setPerson] = useState<Person | null>(null);
  // A person without a number who looks like someone already registered: the worker chooses.
  const [similar, setSimilar] = useState<{
    body: Record<string, unknown>;
    persons: Person[];
  } | null>(null);
  const [results, setResults] = useState<ScreeningResult[] | null>(null);
  const [referred, setReferred] = useState<string | null>(null);
  const [skipped, setSkipped] = useState(false);
  const { problem, run } = useProblem();
  const heading = useHeadingFocus(person ? (results ? 'results' : 'screening') : 'person');
  const unitId = session.activeUnitId ?? '';

  const units = useRecord<Unit[]>(queryKeys.units, '/api/units').data ?? noUnits;
  const activeUnit = units.find((unit) => unit.id === unitId);
  const vinrUnits = units.filter((unit) => unit.kind === 'adultVinr' && unit.id !== unitId);

  const send = (body: Record<string, unknown>) =>
    void run(async () => {
      try {
        setPerson(await api<RegisteredPerson>('POST', '/api/persons', body));
        setSimilar(null);
      } catch (error) {
        if (!(error instanceof ApiError) || error.problem.code !== 'conflict.possible_duplicate')
          throw error;
        const q = `${String(body.givenName)} ${String(body.familyName)}`;
        const found = await api<PersonView[]>(
          'GET',
          `/api/persons/search?q=${encodeURIComponent(q)}`,
        );
        setSimilar({ body, persons: found.filter((entry) => entry.personalNumber === null) });
      }
    });

  const register = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const identityKind = form.get('identityKind');
    send({
      unitId,
      givenName: form.get('givenName'),
      familyName: form.get('familyName'),
      identityKind,
      personalNumber: form.get('personalNumber') || null,
      protectionLevel: form.get('protectionLevel'),
      // Only a person without a number has a birth date of its own; a number already holds one.
      birthDate: identityKind === 'none' ? form.get('birthDate') || null : null,
    });
  };

  const screen = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const answers = (['exposure', 'perpetration'] as const).map((topic) => ({
      topic,
      outcome: form.get(`${topic}-outcome`),
      notAskedReason:
        form.get(`${topic}-outcome`) === 'notAsked' ? form.get(`${topic}-reason`) : null,
    }));
    void run(async () =>
      setResults(
        await api<ScreeningResult[]>('POST', '/api/screenings', {
          personId: person!.id,
          unitId,
          answers,
        }),
      ),
    );
  };

  const refer = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void run(async () => {
      const result = await api<IntakeReferral>('POST', '/api/referrals', {
        personId: person!.id,
        fromUnitId: unitId,
        toUnitId: form.get('toUnitId'),
        type: 'adultVictim',
        clientConsent: form.get('consent') === 'on',
      });
      setReferred(result.toUnitName);
    });
  };

  const openHere = (type: 'adultVictim' | 'perpetrator') =>
    void run(async () => {
      const opened = await api<CaseSummary>('POST', '/api/cases', {
        personId: person!.id,
        unitId,
        type,
        detectionSource: 'intake',
        ownerUserId: session.user.id,
      });
      navigate(`/arenden/${opened.id}`);
    });

  if (!person) {
    return (
      <>
        <h1 ref={heading} tabIndex={-1}>
          {t('intake.title')}
        </h1>
        <p>{t('intake.lead', { unit: activeUnit?.name ?? '' })}</p>
        {similar ? (
          <section aria-labelledby="similar-title" className="role-card">
            <h2 id="similar-title">{t('intake.similarTitle')}</h2>
            <p>{t('intake.similarLead')}</p>
            <ul>
              {similar.persons.map((entry) => (
                <li key={entry.id}>
                  {entry.givenName} {entry.familyName}
                  {entry.birthDate && ` (${entry.birthDate})`} – {entry.unitName}{' '}
                  <button type="button" onClick={() => setPerson(entry)}>
                    {t('intake.continueWith', { name: `${entry.givenName} ${entry.familyName}` })}
                  </button>
                </li>
              ))}
            </ul>
            <button type="button" onClick={() => send({ ...similar.body, notSameAsSimilar: true })}>
              {t('intake.someoneElse')}
            </button>
          </section>
        ) : (
          <FieldErrors problem={problem} />
        )}
        <form onSubmit={register} noValidate>
          <label htmlFor="givenName">{t('intake.givenName')}</label>
          <input id="givenName" name="givenName" required />
          <label htmlFor="familyName">{t('intake.familyName')}</label>
          <input id="familyName" name="familyName" required />
          <label htmlFor="identityKind">{t('intake.identityKind')}</label>
          <select id="identityKind" name="identityKind" defaultValue="personnummer">
            {['personnummer', 'samordningsnummer', 'reservnummer', 'none'].map((kind) => (
              <option key={kind} value={kind}>
                {t(`intake.identityKinds.${kind}`)}
              </option>
            ))}
          </select>
          <label htmlFor="personalNumber">{t('intake.number')}</label>
          <input
            id="personalNumber"
            name="personalNumber"
            inputMode="numeric"
            aria-describedby="number-help"
          />
          <p id="number-help" className="muted">
            {t('intake.numberHelp')}
          </p>
          <label htmlFor="birthDate">{t('intake.birthDate')}</label>
          <input id="birthDate" name="birthDate" type="date" aria-describedby="birth-help" />
          <p id="birth-help" className="muted">
            {t('intake.birthDateHelp')}
          </p>
          <label htmlFor="protectionLevel">{t('intake.protection')}</label>
          <select id="protectionLevel" name="protectionLevel" defaultValue="none">
            {['none', 'confidentialityMarking', 'protectedRegistration', 'fictitiousIdentity'].map(
              (level) => (
                <option key={level} value={level}>
                  {t(`intake.protectionLevels.${level}`)}
                </option>
              ),
            )}
          </select>
          <button type="submit">{t('intake.register')}</button>
        </form>
      </>
    );
  }

  if (skipped) {
    return (
      <>
        <h1 ref={heading} tabIndex={-1}>
          {t('intake.registered', { name: `${person.givenName} ${person.familyName}` })}
        </h1>
        <p role="status">{t('screening.skipped')}</p>
      </>
    );
  }

  if (!results) {
    return (
      <>
        <h1 ref={heading} tabIndex={-1}>
          {t('screening.title', { name: `${person.givenName} ${person.familyName}` })}
        </h1>
        {person.registeredBefore && (
          <p role="status" className="role-card">
            {t('intake.registeredBefore', { unit: activeUnit?.name ?? '' })}
          </p>
        )}
        <p>{t('screening.lead')}</p>
        {activeUnit && !activeUnit.routineScreening && (
          <div className="role-card">
            <p>{t('screening.optionalHere')}</p>
            <button type="button" onClick={() => setSkipped(true)}>
              {t('screening.skip')}
            </button>
          </div>
        )}
        <FieldErrors problem={problem} />
        <form onSubmit={screen} noValidate>
          {(['exposure', 'perpetration'] as const).map((topic) => (
            <fieldset key={topic}>
              <legend>{t(`screening.questions.${topic}`)}</legend>
              {outcomes.map((outcome) => (
                <label key={outcome} className="choice">
                  <input
                    type="radio"
                    name={`${topic}-outcome`}
                    value={outcome}
                    required
                    defaultChecked={outcome === 'negative'}
                  />{' '}
                  {t(`screening.outcomes.${outcome}`)}
                </label>
              ))}
              <label htmlFor={`${topic}-reason`}>{t('screening.notAskedReason')}</label>
              <select id={`${topic}-reason`} name={`${topic}-reason`} defaultValue="othersPresent">
                {notAskedReasons.map((reason) => (
                  <option key={reason} value={reason}>
                    {t(`screening.reasons.${reason}`)}
                  </option>
                ))}
              </select>
            </fieldset>
          ))}
          <button type="submit">{t('screening.save')}</button>
        </form>
      </>
    );
  }

  const positiveExposure = results.some(
    (result) => result.topic === 'exposure' && result.outcome === 'positive',
  );
  // The VINR team and the police's BOPS open a victim's case where they are.
  const casesOpenHere =
    activeUnit?.kind === 'adultVinr' || activeUnit?.kind === 'policeRiskAnalysis';
  // A unit that supports those who use violence opens their case on a positive answer.
  const perpetratorHere =
    activeUnit?.kind === 'perpetratorSupport' &&
    results.some((result) => result.topic === 'perpetration' && result.outcome === 'positive');
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('screening.resultTitle')}
      </h1>
      {results.map((result) =>
        result.nextSteps.length ? (
          <section
            key={result.topic}
            aria-labelledby={`next-${result.topic}`}
            className="role-card"
          >
            <h2 id={`next-${result.topic}`}>{t(`screening.nextTitle.${result.topic}`)}</h2>
            <ol>
              {result.nextSteps.map((step) => (
                <li key={step.key}>
                  {t(step.key)}
                  {step.urgent && <strong> {t('screening.now')}</strong>}
                </li>
              ))}
            </ol>
            <h3>{t('screening.resources')}</h3>
            <ul>
              {result.resources.map((resource) => (
                <li key={resource.name}>
                  <strong>{resource.name}</strong>
                  {resource.phone && ` – ${resource.phone}`}: {resource.note}
                </li>
              ))}
            </ul>
          </section>
        ) : null,
      )}
      {!positiveExposure && !perpetratorHere && <p>{t('screening.noAction')}</p>}
      <FieldErrors problem={problem} />
      {positiveExposure && casesOpenHere && (
        <button type="button" onClick={() => openHere('adultVictim')}>
          {t('intake.openCaseHere')}
        </button>
      )}
      {perpetratorHere && (
        <button type="button" onClick={() => openHere('perpetrator')}>
          {t('intake.openPerpetratorCaseHere')}
        </button>
      )}
      {positiveExposure && !casesOpenHere && !referred && vinrUnits.length > 0 && (
        <form onSubmit={refer} noValidate>
          <h2>{t('referral.title')}</h2>
          <label htmlFor="toUnitId">{t('referral.toUnit')}</label>
          <select id="toUnitId" name="toUnitId">
            {vinrUnits.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
          <label className="choice">
            <input type="checkbox" name="consent" /> {t('referral.consent')}
          </label>
          <button type="submit">{t('referral.submit')}</button>
        </form>
      )}
      {referred && (
        <p role="status" className="role-card">
          {t('referral.done', { unit: referred })}
        </p>
      )}
    </>
  );
};
