import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionMay } from '../abilities';
import type { SessionView } from '../api';
import { WorkList } from './WorkList';
import { MyTrainings } from './start/MyTrainings';
import { OverdueTasks } from './start/OverdueTasks';
import { SharedWithMe } from './start/SharedWithMe';
import { ReferralInbox } from './start/ReferralInbox';
import { RoutineNotice } from './routines/RoutineNotice';
import { AgreementNotice } from './start/AgreementNotice';
import { CompetenceNotice } from './start/CompetenceNotice';
import { PrevalenceNotice } from './start/PrevalenceNotice';

type SignedIn = Extract<SessionView, { signedIn: true }>;

/** The start page: the worker's own list where the role works with cases, else what the role does. */
export const StartPage = ({ session }: { session: SignedIn }) => {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const organisation = session.organisations.find((org) => org.id === session.activeOrganisationId);
  const units = organisation?.units ?? [];
  const activeUnit = units.find((unit) => unit.id === session.activeUnitId) ?? units[0];
  const mayReadCases = sessionMay(session, 'case.read');
  const leadsTeam = units.some((unit) => unit.roles.includes('teamLeader'));
  const titles = (unit: (typeof units)[number]) =>
    (i18n.language === 'en' ? unit.roleTitlesEn : unit.roleTitlesSv).join(', ');

  // A new workplace is a new page: move focus to its heading.
  useEffect(() => heading.current?.focus(), [activeUnit?.id]);

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('start.title')} – {organisation?.name}
      </h1>
      <RoutineNotice step={null} />
      {sessionMay(session, 'case.write') && <PrevalenceNotice />}
      <section aria-labelledby="roles-heading">
        <h2 id="roles-heading">{t('start.yourRoles')}</h2>
        <ul className="role-list">
          {units.map((unit) => (
            <li key={unit.id} aria-current={unit.id === activeUnit?.id ? 'true' : undefined}>
              <strong>{titles(unit)}</strong> – {unit.name}
            </li>
          ))}
        </ul>
      </section>
      {activeUnit && (
        <section className="role-card" aria-labelledby="unit-heading">
          <h2 id="unit-heading">{activeUnit.name}</h2>
          {activeUnit.roles.map((role) => (
            <p key={role}>{t(`start.roles.${role}`)}</p>
          ))}
        </section>
      )}
      {mayReadCases ? <WorkList /> : <p className="muted">{t('start.empty')}</p>}
      {mayReadCases && <ReferralInbox />}
      {mayReadCases && <SharedWithMe />}
      {leadsTeam && (
        <>
          <OverdueTasks
            path="/api/work-lists/overdue-reassessments"
            titleKey="overdue.title"
            noneKey="overdue.none"
          />
          <OverdueTasks
            path="/api/work-lists/overdue-reviews"
            titleKey="overdueReviews.title"
            noneKey="overdueReviews.none"
          />
        </>
      )}
      {/* The day's work comes first; what to renew or review follows it. */}
      {sessionMay(session, 'statistics.read') && <AgreementNotice />}
      <CompetenceNotice />
      {mayReadCases && <MyTrainings />}
    </>
  );
};
