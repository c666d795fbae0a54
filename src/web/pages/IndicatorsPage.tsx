import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { thisYear } from '../cases-api';
import {
  yearPeriod,
  type CountyIndicators,
  type Definitions,
  type OwnIndicators,
} from '../indicators-api';
import { FieldErrors, useProblem } from './problems';
import { useHeadingFocus } from './useHeadingFocus';
import { OwnFigures } from './indicators/OwnFigures';
import { CountyFigures } from './indicators/CountyFigures';

type Period = { from: string; to: string };

/**
 * Indicators for team leaders, coordinators and county analysts (digest 001, 004): the figures
 * nobody could count by hand, for a chosen period. A municipality sees its own figures exactly;
 * what leaves it — exports and what it hands to the county — has small counts withheld.
 */
export const IndicatorsPage = ({ countyBoard }: { countyBoard: boolean }) => {
  const { t } = useTranslation();
  const heading = useHeadingFocus('indicators');
  const [definitions, setDefinitions] = useState<Definitions | null>(null);
  const [period, setPeriod] = useState<Period>(yearPeriod(thisYear()));
  const [own, setOwn] = useState<OwnIndicators | null>(null);
  const [county, setCounty] = useState<CountyIndicators | null>(null);
  const { problem, run } = useProblem();

  const fetchFigures = (chosen: Period) => {
    const query = `from=${chosen.from}&to=${chosen.to}`;
    return Promise.all([
      api<Definitions>('GET', '/api/indicators/definitions'),
      countyBoard
        ? api<CountyIndicators>('GET', `/api/indicators/county?${query}`)
        : api<OwnIndicators>('GET', `/api/indicators?${query}`),
    ] as const);
  };
  const show = ([loadedDefinitions, figures]: Awaited<ReturnType<typeof fetchFigures>>) => {
    setDefinitions(loadedDefinitions);
    if (countyBoard) setCounty(figures as CountyIndicators);
    else setOwn(figures as OwnIndicators);
  };

  useEffect(() => {
    let current = true;
    void fetchFigures(yearPeriod(thisYear())).then((loaded) => {
      if (current) show(loaded);
    });
    return () => {
      current = false;
    };
    // The first load only; later periods are chosen in the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const choosePeriod = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const chosen = { from: String(form.get('from')), to: String(form.get('to')) };
    // A period the server refuses shows its message by the form; the figures stay as they were.
    void run(async () => {
      show(await fetchFigures(chosen));
      setPeriod(chosen);
    });
  };

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {countyBoard ? t('indicators.countyTitle') : t('indicators.title')}
      </h1>
      <p>{countyBoard ? t('indicators.countyLead') : t('indicators.lead')}</p>
      <form onSubmit={choosePeriod} aria-label={t('indicators.period')}>
        <label htmlFor="period-from">{t('indicators.from')}</label>
        <input id="period-from" name="from" type="date" defaultValue={period.from} required />
        <label htmlFor="period-to">{t('indicators.to')}</label>
        <input id="period-to" name="to" type="date" defaultValue={period.to} required />
        <button type="submit">{t('indicators.show')}</button>
      </form>
      <FieldErrors problem={problem} />
      {definitions && own && !countyBoard && (
        <OwnFigures
          definitions={definitions}
          figures={own}
          period={period}
          // Read again: what was handed over is shown beside today's figures.
          onPublished={() => void run(async () => show(await fetchFigures(period)))}
        />
      )}
      {definitions && county && countyBoard && (
        <CountyFigures definitions={definitions} figures={county} />
      )}
    </>
  );
};
