import { useCallback, useState, type FormEvent } from 'react';
import { swedishDayOf } from '../../domain/calendar';
import { useTranslation } from 'react-i18next';
import type { RiskLevel } from '../../domain/risk/assessment';
import { riskLevels } from '../../domain/risk/assessment';
import { informationSources } from '../../domain/risk/instrument';
import { api } from '../api';
import {
  inLanguage,
  type Assessment,
  type AssessmentContent,
  type InstrumentDefinition,
} from '../assessments-api';
import { linkProps } from '../navigation';
import { useRecord } from '../queries';
import { tabPath } from './case/case-tabs';
import { ChoiceGroup } from './assessment/ChoiceGroup';
import { ScenariosSection } from './assessment/ScenariosSection';
import { useAutosave } from './assessment/useAutosave';
import { FieldErrors, useProblem } from './problems';
import { useHeadingFocus } from './useHeadingFocus';

const levelScale = {
  kind: 'choice' as const,
  options: riskLevels.map((code) => ({
    code,
    unknown: false,
    label: {
      sv: { low: 'Låg', medium: 'Medel', high: 'Hög' }[code],
      en: { low: 'Low', medium: 'Medium', high: 'High' }[code],
    },
  })),
};

/**
 * One risk assessment, rendered from its instrument's definition. Drafts save themselves; the
 * score (where there is one) is shown beside the assessor's own judgement and never fills it in.
 */
export const AssessmentPage = ({ assessmentId }: { assessmentId: string }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // The server's answer to the last save or signing, and what has been typed: until there is
  // one, the assessment and its content as they were read.
  const [answered, setAssessment] = useState<Assessment | null>(null);
  const [typed, setContent] = useState<AssessmentContent | null>(null);
  const { problem, run } = useProblem();
  const heading = useHeadingFocus(assessmentId);

  const loaded = useRecord<Assessment>(
    ['assessments', assessmentId],
    `/api/assessments/${assessmentId}`,
  ).data;
  // The instrument's definition is read once the assessment has said which instrument it is.
  const definition = useRecord<InstrumentDefinition>(
    ['instruments', loaded?.instrumentId],
    loaded ? `/api/instruments/${loaded.instrumentId}` : null,
  ).data;
  const assessment = definition ? (answered ?? loaded ?? null) : null;
  const content = definition ? (typed ?? loaded?.content ?? null) : null;

  const onSaved = useCallback((saved: Assessment) => setAssessment(saved), []);
  const autosave = useAutosave(assessment, onSaved);

  if (!assessment || !definition || !content) return <p role="status">{t('app.loading')}</p>;
  const editable = assessment.abilities.edit;
  const label = (itemId: string) =>
    definition.sections.flatMap((section) => section.items).find((item) => item.id === itemId)
      ?.label[lang === 'en' ? 'en' : 'sv'] ?? itemId;

  const change = (next: AssessmentContent) => {
    setContent(next);
    autosave.schedule(next);
  };
  const answer = (itemId: string, patch: Partial<AssessmentContent['answers'][string]>) =>
    change({
      ...content,
      answers: {
        ...content.answers,
        [itemId]: { value: null, ...content.answers[itemId], ...patch },
      },
    });

  const sign = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const version = await autosave.saveNow();
      const signed = await api<Assessment>('POST', `/api/assessments/${assessment.id}/sign`, {
        version,
      });
      setAssessment(signed);
    });
  };

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {inLanguage(definition.name, lang)}
      </h1>
      <p>
        <a {...linkProps(tabPath(assessment.caseId, 'risk'))}>{t('assessment.backToCase')}</a>
        {' · '}
        <a
          href={`/api/assessments/${assessment.id}/document.pdf?lang=${lang === 'en' ? 'en' : 'sv'}`}
          download
        >
          {t('assessment.download')}
        </a>
      </p>
      <p className="muted">{inLanguage(definition.description, lang)}</p>
      <p>
        {t('assessment.by', { name: assessment.assessorName })}
        {assessment.coAssessorName &&
          ` ${t('assessment.with', { name: assessment.coAssessorName })}`}
      </p>
      <p className="muted">
        <strong>{t('assessment.licence')}:</strong> {inLanguage(definition.licence.note, lang)}
      </p>
      {assessment.mode === 'remote' && (
        <p className="role-card" role="note">
          {t('assessment.remoteWarning')}
        </p>
      )}
      {assessment.status === 'signed' ? (
        <p className="role-card" role="status">
          {t('assessment.signedNote', {
            date: assessment.signedAt ? swedishDayOf(assessment.signedAt) : undefined,
          })}
          {assessment.reassessmentDueOn &&
            ` ${t('assessment.nextReassessment', { date: assessment.reassessmentDueOn })}`}
        </p>
      ) : (
        <p role="status" className="muted">
          {t(`assessment.save.${autosave.state}`)}
        </p>
      )}
      <FieldErrors problem={autosave.problem} />

      <section aria-labelledby="progress-heading" className="progress">
        <h2 id="progress-heading">{t('assessment.progress')}</h2>
        <progress
          max={assessment.measured.items || 1}
          value={
            assessment.measured.items -
            assessment.measured.missing.length -
            assessment.measured.unknown.length
          }
          aria-label={t('assessment.progress')}
        />
        <p>
          {t('assessment.progressText', {
            answered: assessment.measured.answered,
            items: assessment.measured.items,
            unknown: assessment.measured.unknown.length,
          })}
          {assessment.score !== null && ` ${t('assessment.score', { score: assessment.score })}`}
        </p>
        {assessment.measured.unknown.length > 0 && (
          <div className="warning-list">
            <p>{t('assessment.unknownWarning')}</p>
            <ul>
              {assessment.measured.unknown.map((itemId) => (
                <li key={itemId}>{label(itemId)}</li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <form onSubmit={sign} noValidate>
        <fieldset disabled={!editable} className="plain">
          {definition.sections.map((section) => (
            <section key={section.id} aria-labelledby={`section-${section.id}`}>
              <h2 id={`section-${section.id}`}>{inLanguage(section.title, lang)}</h2>
              {section.items.map((item) => {
                const scale = definition.scales[item.scale]!;
                const current = content.answers[item.id];
                const help = item.guidance ? `${item.id}-help` : undefined;
                return (
                  <div
                    key={item.id}
                    className="item"
                    role="group"
                    aria-labelledby={`${item.id}-label`}
                  >
                    <h3 id={`${item.id}-label`} className="item-label">
                      {inLanguage(item.label, lang)}
                    </h3>
                    {item.guidance && (
                      <p id={help} className="muted">
                        {inLanguage(item.guidance, lang)}
                      </p>
                    )}
                    <ChoiceGroup
                      name={`${item.id}-now`}
                      legend={item.currentAndPast ? t('assessment.now') : t('assessment.answer')}
                      scale={scale}
                      value={current?.value}
                      describedBy={help}
                      onChange={(value) => answer(item.id, { value })}
                    />
                    {item.currentAndPast && (
                      <ChoiceGroup
                        name={`${item.id}-past`}
                        legend={t('assessment.past')}
                        scale={scale}
                        value={current?.past}
                        onChange={(past) => answer(item.id, { past })}
                      />
                    )}
                    <details>
                      <summary>{t('assessment.evidence')}</summary>
                      <label htmlFor={`${item.id}-evidence`}>{t('assessment.evidenceText')}</label>
                      <textarea
                        id={`${item.id}-evidence`}
                        rows={2}
                        value={current?.evidence ?? ''}
                        onChange={(event) =>
                          answer(item.id, { evidence: event.target.value || null })
                        }
                      />
                      <label htmlFor={`${item.id}-source`}>{t('assessment.source')}</label>
                      <select
                        id={`${item.id}-source`}
                        value={current?.source ?? ''}
                        onChange={(event) =>
                          answer(item.id, {
                            source: (event.target.value || null) as
                              (typeof informationSources)[number] | null,
                          })
                        }
                      >
                        <option value="">{t('assessment.sourceNone')}</option>
                        {informationSources.map((source) => (
                          <option key={source} value={source}>
                            {t(`assessment.sources.${source}`)}
                          </option>
                        ))}
                      </select>
                    </details>
                  </div>
                );
              })}
            </section>
          ))}

          {definition.victimAppraisal && (
            <section aria-labelledby="appraisal-heading">
              <h2 id="appraisal-heading">{t('assessment.victimAppraisal')}</h2>
              <p className="muted">{t('assessment.victimAppraisalHelp')}</p>
              <ChoiceGroup
                name="victim-appraisal"
                legend={t('assessment.victimAppraisalQuestion')}
                scale={definition.scales[definition.victimAppraisal.scale]!}
                value={content.victimAppraisal?.level}
                onChange={(level) =>
                  change({
                    ...content,
                    victimAppraisal: {
                      words: content.victimAppraisal?.words ?? null,
                      level: level as string | null,
                    },
                  })
                }
              />
              <label htmlFor="appraisal-words">{t('assessment.victimWords')}</label>
              <textarea
                id="appraisal-words"
                rows={2}
                value={content.victimAppraisal?.words ?? ''}
                onChange={(event) =>
                  change({
                    ...content,
                    victimAppraisal: {
                      level: content.victimAppraisal?.level ?? null,
                      words: event.target.value || null,
                    },
                  })
                }
              />
            </section>
          )}

          {definition.scenarios && (
            <ScenariosSection definition={definition} content={content} change={change} />
          )}

          <section aria-labelledby="judgements-heading">
            <h2 id="judgements-heading">{t('assessment.judgements')}</h2>
            {definition.judgements.map((judgement) => (
              <ChoiceGroup
                key={judgement.id}
                name={`judgement-${judgement.id}`}
                legend={inLanguage(judgement.label, lang)}
                scale={definition.scales[judgement.scale]!}
                value={content.judgements[judgement.id]}
                onChange={(value) =>
                  change({
                    ...content,
                    judgements: { ...content.judgements, [judgement.id]: value as string | null },
                  })
                }
              />
            ))}
          </section>

          <section aria-labelledby="final-heading">
            <h2 id="final-heading">{t('assessment.final')}</h2>
            <p className="muted">{t('assessment.finalHelp')}</p>
            <ChoiceGroup
              name="final-level"
              legend={t('assessment.finalLevel')}
              scale={levelScale}
              value={content.finalJudgement.level}
              onChange={(level) =>
                change({
                  ...content,
                  finalJudgement: { ...content.finalJudgement, level: level as RiskLevel | null },
                })
              }
            />
            <label htmlFor="final-reasons">{t('assessment.reasons')}</label>
            <textarea
              id="final-reasons"
              rows={4}
              value={content.finalJudgement.reasons ?? ''}
              onChange={(event) =>
                change({
                  ...content,
                  finalJudgement: {
                    ...content.finalJudgement,
                    reasons: event.target.value || null,
                  },
                })
              }
            />
          </section>
        </fieldset>

        {assessment.abilities.sign && (
          <section aria-labelledby="sign-heading">
            <h2 id="sign-heading">{t('assessment.sign')}</h2>
            {assessment.signingProblems.length > 0 && (
              <div className="warning-list">
                <p>{t('assessment.beforeSigning')}</p>
                <ul>
                  {assessment.signingProblems.map((entry) => (
                    <li key={entry.path}>{entry.message}</li>
                  ))}
                </ul>
              </div>
            )}
            <FieldErrors problem={problem} />
            <button type="submit">{t('assessment.signButton')}</button>
          </section>
        )}
      </form>
    </>
  );
};
