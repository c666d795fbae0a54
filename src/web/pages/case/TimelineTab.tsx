import { useTranslation } from 'react-i18next';
import { swedishDayOf } from '../../../domain/calendar';
import { stageLegalReferences } from '../../../domain/cases/stages';
import { dateText, type CaseDetail } from '../../cases-api';
import { LegalReferences } from '../../components/LegalReferences';
import { stageLabel } from '../../labels';
import { EventsSection } from './EventsSection';

type Props = {
  detail: CaseDetail;
  run: (work: () => Promise<void>) => Promise<void>;
  reload: () => Promise<void>;
};

/** What happened in the case: the events that change the risk, and the case's own history. */
export const TimelineTab = ({ detail, run, reload }: Props) => {
  const { t, i18n } = useTranslation();
  return (
    <>
      <EventsSection detail={detail} run={run} reload={reload} />
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('case.history')}</h2>
        <ol>
          {detail.transitions.map((transition, index) => (
            <li key={index}>
              {dateText(transition.decidedAt, i18n.language)} –{' '}
              {stageLabel(transition.toStage, i18n.language)} ({transition.decidedBy})
              {transition.reason && `: ${transition.reason}`}{' '}
              <span className="muted">
                <LegalReferences
                  ids={stageLegalReferences[transition.toStage] ?? []}
                  day={swedishDayOf(transition.decidedAt)}
                />
              </span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
};
