import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { throwOnError, useRecord } from '../queries';
import { FieldErrors, useProblem } from './problems';
import { useHeadingFocus } from './useHeadingFocus';

const categories = ['adultVictim', 'childExposed', 'perpetrator', 'honourRelated'] as const;

type Survey = {
  id: string;
  title: string;
  opensOn: string;
  closesOn: string;
  open: boolean;
  myUnits: { unitId: string; name: string; reported: { category: string; count: number }[] }[];
};
type Comparison = {
  survey: { id: string; title: string };
  units: {
    unitId: string;
    name: string;
    rows: {
      category: string;
      reported: number | null;
      recorded: number;
      darkFigure: number | null;
    }[];
    /** The routine questions asked in Fristad during the period. */
    routineQuestions: { asked: number; positive: number };
  }[];
};

/**
 * Point-prevalence surveys (digest 004): for a few weeks every unit reports how many people it
 * knows of per category; the coordinator then sees the figures beside the records — the dark
 * figure is what staff know that never became a case.
 */
export const PrevalencePage = ({ mayRun }: { mayRun: boolean }) => {
  const { t } = useTranslation();
  const heading = useHeadingFocus('prevalence');
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const { problem, run } = useProblem();

  const surveysQuery = useRecord<Survey[]>(['prevalence-surveys'], '/api/prevalence-surveys');
  const surveys = surveysQuery.data ?? [];
  const load = () => surveysQuery.refetch(throwOnError);

  const start = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    void run(async () => {
      await api('POST', '/api/prevalence-surveys', {
        title: data.get('title'),
        opensOn: data.get('opensOn'),
        closesOn: data.get('closesOn'),
      });
      form.reset();
      await load();
    });
  };

  const report = (
    survey: Survey,
    unit: Survey['myUnits'][number],
    event: FormEvent<HTMLFormElement>,
  ) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    void run(async () => {
      await api('PUT', `/api/prevalence-surveys/${survey.id}/reports`, {
        unitId: unit.unitId,
        counts: categories
          .filter((category) => data.get(category) !== '')
          .map((category) => ({ category, count: Number(data.get(category)) })),
      });
      setSaved(t('prevalence.saved', { unit: unit.name }));
      await load();
    });
  };

  const compare = (survey: Survey) =>
    void run(async () =>
      setComparison(await api<Comparison>('GET', `/api/prevalence-surveys/${survey.id}`)),
    );

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('prevalence.title')}
      </h1>
      <p>{t('prevalence.lead')}</p>
      <FieldErrors problem={problem} />
      {saved && <p role="status">{saved}</p>}
      {surveys.length === 0 && <p>{t('prevalence.none')}</p>}
      {surveys.map((survey) => (
        <section key={survey.id} aria-labelledby={`survey-${survey.id}`}>
          <h2 id={`survey-${survey.id}`}>
            {survey.title} ({survey.opensOn} – {survey.closesOn})
          </h2>
          {survey.open &&
            survey.myUnits.map((unit) => (
              <form
                key={unit.unitId}
                onSubmit={(event) => report(survey, unit, event)}
                aria-label={t('prevalence.reportFor', { unit: unit.name })}
                className="participant-grid"
              >
                <p>{t('prevalence.reportHelp', { unit: unit.name })}</p>
                {categories.map((category) => (
                  <div key={category}>
                    <label htmlFor={`${survey.id}-${unit.unitId}-${category}`}>
                      {t(`prevalence.categories.${category}`)}
                    </label>
                    <input
                      id={`${survey.id}-${unit.unitId}-${category}`}
                      name={category}
                      type="number"
                      min={0}
                      defaultValue={
                        unit.reported.find((entry) => entry.category === category)?.count ?? ''
                      }
                    />
                  </div>
                ))}
                <button type="submit">{t('prevalence.report')}</button>
              </form>
            ))}
          {mayRun && (
            <button type="button" onClick={() => compare(survey)}>
              {t('prevalence.compare')}
            </button>
          )}
          {comparison?.survey.id === survey.id && (
            <div className="table-scroll">
              <table>
                <caption>{t('prevalence.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('prevalence.unit')}</th>
                    <th scope="col">{t('prevalence.category')}</th>
                    <th scope="col">{t('prevalence.reported')}</th>
                    <th scope="col">{t('prevalence.recorded')}</th>
                    <th scope="col">{t('prevalence.darkFigure')}</th>
                  </tr>
                </thead>
                <tbody>
                  {comparison.units.flatMap((unit) =>
                    unit.rows.map((row) => (
                      <tr key={`${unit.unitId}-${row.category}`}>
                        <th scope="row">{unit.name}</th>
                        <td>{t(`prevalence.categories.${row.category}`)}</td>
                        <td>{row.reported ?? t('prevalence.notReported')}</td>
                        <td>{row.recorded}</td>
                        <td>{row.darkFigure ?? '–'}</td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
              <table>
                <caption>{t('prevalence.questionsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('prevalence.unit')}</th>
                    <th scope="col">{t('prevalence.asked')}</th>
                    <th scope="col">{t('prevalence.answeredYes')}</th>
                  </tr>
                </thead>
                <tbody>
                  {comparison.units.map((unit) => (
                    <tr key={unit.unitId}>
                      <th scope="row">{unit.name}</th>
                      <td>{unit.routineQuestions.asked}</td>
                      <td>{unit.routineQuestions.positive}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
      {mayRun && (
        <form onSubmit={start} aria-labelledby="new-survey">
          <h2 id="new-survey">{t('prevalence.new')}</h2>
          <label htmlFor="survey-title">{t('prevalence.name')}</label>
          <input id="survey-title" name="title" required />
          <label htmlFor="survey-opens">{t('prevalence.opensOn')}</label>
          <input id="survey-opens" name="opensOn" type="date" required />
          <label htmlFor="survey-closes">{t('prevalence.closesOn')}</label>
          <input id="survey-closes" name="closesOn" type="date" required />
          <button type="submit">{t('prevalence.start')}</button>
        </form>
      )}
    </>
  );
};
