import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { inLanguage, type MappingCatalogue, type Round } from '../../mapping-api';
import { FieldErrors, useProblem } from '../problems';

const lines = (value: FormDataEntryValue | null) =>
  String(value ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * The interview occasions of one municipality: who took part (counted by role, never named),
 * the 0–10 rating with its anchors, the three open questions one point per line, and coding
 * each point with the county's themes afterwards.
 */
export const SessionSection = ({
  roundId,
  round,
  catalogue,
  municipality,
  onSaved,
}: {
  roundId: string;
  round: Round;
  catalogue: MappingCatalogue;
  municipality: Round['municipalities'][number];
  onSaved: () => Promise<void>;
}) => {
  const { t, i18n } = useTranslation();
  const { problem, run } = useProblem();
  const coding = useProblem();
  const sessions = round.sessions.filter((session) => session.municipalityId === municipality.id);
  const { scale, openQuestions = [] } = round.template;

  const record = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    void run(async () => {
      await api('POST', `/api/mapping/rounds/${roundId}/sessions`, {
        municipalityId: municipality.id,
        label: data.get('label'),
        heldOn: data.get('heldOn'),
        mode: data.get('mode'),
        participants: catalogue.participantRoles
          .map((role) => ({ role: role.code, count: Number(data.get(`role-${role.code}`) || 0) }))
          .filter((participant) => participant.count > 0),
        scale: data.get('scale') === '' ? null : Number(data.get('scale')),
        openAnswers: openQuestions.flatMap((question) =>
          lines(data.get(`open-${question.id}`)).map((text) => ({ question: question.id, text })),
        ),
      });
      form.reset();
      await onSaved();
    });
  };

  const code = (
    sessionId: string,
    version: number,
    index: number,
    event: FormEvent<HTMLFormElement>,
  ) => {
    event.preventDefault();
    const themes = new FormData(event.currentTarget).getAll('theme');
    void coding.run(async () => {
      await api('PUT', `/api/mapping/sessions/${sessionId}/themes`, {
        answerIndex: index,
        themes,
        version,
      });
      await onSaved();
    });
  };

  return (
    <section aria-labelledby={`sessions-${municipality.id}`}>
      <h3 id={`sessions-${municipality.id}`}>{t('mapping.sessions')}</h3>
      {sessions.length === 0 && <p>{t('mapping.noSessions')}</p>}
      <FieldErrors problem={coding.problem} />
      {sessions.map((session) => (
        <article key={session.id} aria-label={session.label}>
          <h4>
            {session.label} ({session.heldOn}) –{' '}
            {session.scale === null
              ? t('mapping.notRated')
              : t('mapping.rated', { scale: session.scale })}
          </h4>
          <p>
            {session.participants
              .map(
                (participant) =>
                  `${inLanguage(
                    catalogue.participantRoles.find((role) => role.code === participant.role) ?? {
                      sv: participant.role,
                      en: participant.role,
                    },
                    i18n.language,
                  )} ${participant.count}`,
              )
              .join(', ')}
          </p>
          {session.openAnswers.length > 0 && (
            <details>
              <summary>{t('mapping.codeAnswers', { count: session.openAnswers.length })}</summary>
              <ul>
                {session.openAnswers.map((answer, index) => (
                  <li key={index}>
                    <form
                      onSubmit={(event) => code(session.id, session.version, index, event)}
                      aria-label={`${t('mapping.codeAnswer')}: ${answer.text}`}
                    >
                      <p>{answer.text}</p>
                      <fieldset>
                        <legend>{t('mapping.themes')}</legend>
                        {catalogue.themes.map((theme) => (
                          <label key={theme.code} className="choice">
                            <input
                              type="checkbox"
                              name="theme"
                              value={theme.code}
                              defaultChecked={answer.themes.includes(theme.code)}
                            />{' '}
                            {inLanguage(theme, i18n.language)}
                          </label>
                        ))}
                      </fieldset>
                      <button type="submit">{t('mapping.saveCodes')}</button>
                    </form>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </article>
      ))}

      <form onSubmit={record} aria-label={`${t('mapping.newSession')} – ${municipality.name}`}>
        <h4>{t('mapping.newSession')}</h4>
        <FieldErrors problem={problem} />
        <label htmlFor="session-label">{t('mapping.sessionLabel')}</label>
        <input
          id="session-label"
          name="label"
          required
          defaultValue={`${municipality.name.split(' ')[0]} ${sessions.length + 1}`}
        />
        <label htmlFor="session-held">{t('mapping.heldOn')}</label>
        <input id="session-held" name="heldOn" type="date" required />
        <label htmlFor="session-mode">{t('mapping.mode')}</label>
        <select id="session-mode" name="mode">
          {(['groupInterview', 'digital', 'written'] as const).map((mode) => (
            <option key={mode} value={mode}>
              {t(`mapping.modes.${mode}`)}
            </option>
          ))}
        </select>
        <fieldset className="participant-grid">
          <legend>{t('mapping.participants')}</legend>
          {catalogue.participantRoles.map((role) => (
            <div key={role.code}>
              <label htmlFor={`role-${role.code}`}>{inLanguage(role, i18n.language)}</label>
              <input
                id={`role-${role.code}`}
                name={`role-${role.code}`}
                type="number"
                min={0}
                max={50}
              />
            </div>
          ))}
        </fieldset>
        {scale && (
          <>
            <label htmlFor="session-scale">{t('mapping.scale')}</label>
            <p id="scale-help" className="muted">
              {inLanguage(scale.question, i18n.language)} {inLanguage(scale.high, i18n.language)}{' '}
              {inLanguage(scale.low, i18n.language)}
            </p>
            <select id="session-scale" name="scale" aria-describedby="scale-help" defaultValue="">
              <option value="">{t('mapping.noScale')}</option>
              {Array.from({ length: 11 }, (_, value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          </>
        )}
        {openQuestions.map((question) => (
          <div key={question.id}>
            <label htmlFor={`open-${question.id}`}>
              {inLanguage(question.text, i18n.language)}
            </label>
            <textarea
              id={`open-${question.id}`}
              name={`open-${question.id}`}
              rows={3}
              aria-describedby="open-help"
            />
          </div>
        ))}
        {openQuestions.length > 0 && (
          <p id="open-help" className="muted">
            {t('mapping.openHelp')}
          </p>
        )}
        <button type="submit">{t('mapping.recordSession')}</button>
      </form>
    </section>
  );
};
