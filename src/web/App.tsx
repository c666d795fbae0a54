import { lazy, Suspense, useCallback, useEffect, useState, type ComponentType } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { useTranslation } from 'react-i18next';
import { api, type SessionView } from './api';
import { queryClient } from './queries';
import { Shell } from './components/Shell';
import { LoginPage } from './pages/LoginPage';
import { StartPage } from './pages/StartPage';
import { usePath, usePathAndVisit } from './navigation';
import { sessionMay } from './abilities';

/**
 * Pages other than sign-in and start are loaded when first opened, so the first visit — often on
 * a slow connection in a small municipality — fetches only what signing in needs.
 */
const page = <Name extends string, Props>(
  load: () => Promise<Record<Name, ComponentType<Props>>>,
  name: Name,
) => lazy(async () => ({ default: (await load())[name] }));

const CasePage = page(() => import('./pages/CasePage'), 'CasePage');
const CasesPage = page(() => import('./pages/CasesPage'), 'CasesPage');
const AssessmentPage = page(() => import('./pages/AssessmentPage'), 'AssessmentPage');
const IntakePage = page(() => import('./pages/IntakePage'), 'IntakePage');
const UnitsPage = page(() => import('./pages/UnitsPage'), 'UnitsPage');
const AccountPage = page(() => import('./pages/AccountPage'), 'AccountPage');
const LogReviewPage = page(() => import('./pages/LogReviewPage'), 'LogReviewPage');
const ReferralPage = page(() => import('./pages/ReferralPage'), 'ReferralPage');
const MeetingPage = page(() => import('./pages/MeetingPage'), 'MeetingPage');
const MeetingsPage = page(() => import('./pages/MeetingsPage'), 'MeetingsPage');
const ContactsPage = page(() => import('./pages/ContactsPage'), 'ContactsPage');
const HousingPage = page(() => import('./pages/HousingPage'), 'HousingPage');
const GroupsPage = page(() => import('./pages/GroupsPage'), 'GroupsPage');
const IndicatorsPage = page(() => import('./pages/IndicatorsPage'), 'IndicatorsPage');
const MappingPage = page(() => import('./pages/MappingPage'), 'MappingPage');
const PrevalencePage = page(() => import('./pages/PrevalencePage'), 'PrevalencePage');
const AgreementsPage = page(() => import('./pages/AgreementsPage'), 'AgreementsPage');
const CompetencePage = page(() => import('./pages/CompetencePage'), 'CompetencePage');
const RoutinesPage = page(() => import('./pages/RoutinesPage'), 'RoutinesPage');
const TrainingPage = page(() => import('./pages/TrainingPage'), 'TrainingPage');
const RoundPage = page(() => import('./pages/mapping/RoundPage'), 'RoundPage');

/** Loads the session and shows either the sign-in steps or the signed-in shell. */
export const App = () => {
  const { t } = useTranslation();
  const [session, setSession] = useState<SessionView | null>(null);
  const { visit } = usePathAndVisit();

  const refresh = useCallback(async () => {
    // Another session or workplace: nothing cached for the last one may be shown.
    queryClient.clear();
    setSession(await api<SessionView>('GET', '/api/session'));
  }, []);

  useEffect(() => {
    let current = true;
    void api<SessionView>('GET', '/api/session').then((loaded) => {
      if (current) setSession(loaded);
    });
    return () => {
      current = false;
    };
  }, []);

  if (!session) return <p role="status">{t('app.loading')}</p>;
  if (!session.signedIn || session.secondFactorPending) {
    return <LoginPage session={session} onSignedIn={refresh} />;
  }
  return (
    <Shell session={session} onChanged={refresh}>
      {/* A new visit (even to the page one is on) shows the page afresh. */}
      {/* A page that cannot load (the connection dropped, or Fristad was updated while it was
          open) says so and offers a reload, instead of leaving an empty screen. */}
      <ErrorBoundary
        resetKeys={[visit]}
        fallbackRender={() => (
          <div role="alert">
            <p>{t('app.pageFailed')}</p>
            <button type="button" onClick={() => window.location.reload()}>
              {t('app.reload')}
            </button>
          </div>
        )}
      >
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
          <Page key={visit} session={session} />
        </Suspense>
      </ErrorBoundary>
    </Shell>
  );
};

type SignedIn = Extract<SessionView, { signedIn: true }>;

/** Chooses the page from the address. */
const Page = ({ session }: { session: SignedIn }) => {
  const path = usePath();
  const caseMatch = /^\/arenden\/([0-9a-f-]{36})$/.exec(path);
  if (caseMatch)
    return (
      <CasePage
        key={caseMatch[1]}
        caseId={caseMatch[1]!}
        userId={session.user.id}
        mayReviewLog={sessionMay(session, 'audit.read')}
      />
    );
  const meetingMatch = /^\/samverkansmoten\/([0-9a-f-]{36})$/.exec(path);
  if (meetingMatch) return <MeetingPage key={meetingMatch[1]} meetingId={meetingMatch[1]!} />;
  if (path === '/samverkansmoten') return <MeetingsPage session={session} />;
  if (path === '/grupper') return <GroupsPage />;
  const roundMatch = /^\/kartlaggning\/([0-9a-f-]{36})$/.exec(path);
  if (roundMatch && sessionMay(session, 'mapping.conduct'))
    return <RoundPage key={roundMatch[1]} roundId={roundMatch[1]!} />;
  if (path === '/kartlaggning' && sessionMay(session, 'mapping.conduct')) return <MappingPage />;
  if (path === '/ova' && sessionMay(session, 'case.write')) return <TrainingPage />;
  if (path === '/rutiner') return <RoutinesPage mayEdit={sessionMay(session, 'statistics.read')} />;
  if (path === '/samverkansavtal')
    return <AgreementsPage mayEdit={sessionMay(session, 'statistics.read')} />;
  if (path === '/kompetens')
    return <CompetencePage mayPlan={sessionMay(session, 'statistics.read')} />;
  if (path === '/matningar')
    return <PrevalencePage mayRun={sessionMay(session, 'statistics.read')} />;
  if (path === '/nyckeltal' && sessionMay(session, 'statistics.read'))
    return (
      <IndicatorsPage
        countyBoard={session.organisations.some(
          (org) => org.id === session.activeOrganisationId && org.kind === 'countyBoard',
        )}
      />
    );
  if (path === '/skyddat-boende')
    return (
      <HousingPage
        key={window.location.search}
        keeps={sessionMay(session, 'housing.keep')}
        activeUnitId={session.activeUnitId}
      />
    );
  if (path === '/kontakter')
    return <ContactsPage mayEdit={sessionMay(session, 'organisation.administer')} />;
  const referralMatch = /^\/overlamningar\/([0-9a-f-]{36})$/.exec(path);
  if (referralMatch)
    return (
      <ReferralPage
        key={referralMatch[1]}
        referralId={referralMatch[1]!}
        isPolice={session.organisations.some(
          (org) => org.id === session.activeOrganisationId && org.kind === 'policeRegion',
        )}
      />
    );
  const assessmentMatch = /^\/bedomningar\/([0-9a-f-]{36})$/.exec(path);
  if (assessmentMatch)
    return <AssessmentPage key={assessmentMatch[1]} assessmentId={assessmentMatch[1]!} />;
  if (path === '/arenden') return <CasesPage />;
  if (path === '/installningar') return <UnitsPage />;
  if (path === '/mitt-konto') return <AccountPage />;
  if (path === '/logguppfoljning' && sessionMay(session, 'audit.read')) return <LogReviewPage />;
  if (path === '/ny-kontakt') return <IntakePage key={session.activeUnitId} session={session} />;
  return <StartPage session={session} />;
};
