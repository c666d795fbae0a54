import { lazy, Suspense, useCallback, useEffect, useState, type ComponentType } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { useTranslation } from 'react-i18next';
import { api, type SessionView } from './api';
import { queryClient } from './queries';
import { Shell } from './components/Shell';
import { LoginPage } from './pages/LoginPage';
import { StartPage } from './pages/StartPage';
import { usePathAndVisit } from './navigation';
import { sessionMay } from './abilities';
import { Route, Switch } from 'wouter';

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

/** A record's id in an address: the routes below take nothing else. */
const id = '[0-9a-f-]{36}';
const route = (prefix: string) => new RegExp(`^/${prefix}/(?<id>${id})$`);
/** A case and, after it, one of its tabs (case-tabs.ts). */
const caseRoute = new RegExp(`^/arenden/(?<id>${id})(?:/(?<tab>[a-z]+))?$`);

/** Chooses the page from the address (wouter's Switch: the first route that matches). */
const Page = ({ session }: { session: SignedIn }) => {
  const may = (action: Parameters<typeof sessionMay>[1]) => sessionMay(session, action);
  const ofKind = (kind: string) =>
    session.organisations.some(
      (org) => org.id === session.activeOrganisationId && org.kind === kind,
    );
  return (
    <Switch>
      <Route path={caseRoute}>
        {({ id: caseId, tab }) => (
          <CasePage
            key={caseId}
            caseId={caseId!}
            tabSlug={tab}
            userId={session.user.id}
            mayReviewLog={may('audit.read')}
          />
        )}
      </Route>
      <Route path={route('samverkansmoten')}>
        {({ id: meetingId }) => <MeetingPage key={meetingId} meetingId={meetingId!} />}
      </Route>
      <Route path="/samverkansmoten">
        <MeetingsPage session={session} />
      </Route>
      <Route path="/grupper">
        <GroupsPage />
      </Route>
      {may('mapping.conduct') && (
        <Route path={route('kartlaggning')}>
          {({ id: roundId }) => <RoundPage key={roundId} roundId={roundId!} />}
        </Route>
      )}
      {may('mapping.conduct') && (
        <Route path="/kartlaggning">
          <MappingPage />
        </Route>
      )}
      {may('case.write') && (
        <Route path="/ova">
          <TrainingPage />
        </Route>
      )}
      <Route path="/rutiner">
        <RoutinesPage mayEdit={may('statistics.read')} />
      </Route>
      <Route path="/samverkansavtal">
        <AgreementsPage mayEdit={may('statistics.read')} />
      </Route>
      <Route path="/kompetens">
        <CompetencePage mayPlan={may('statistics.read')} />
      </Route>
      <Route path="/matningar">
        <PrevalencePage mayRun={may('statistics.read')} />
      </Route>
      {may('statistics.read') && (
        <Route path="/nyckeltal">
          <IndicatorsPage countyBoard={ofKind('countyBoard')} />
        </Route>
      )}
      <Route path="/skyddat-boende">
        <HousingPage
          key={window.location.search}
          keeps={may('housing.keep')}
          activeUnitId={session.activeUnitId}
        />
      </Route>
      <Route path="/kontakter">
        <ContactsPage mayEdit={may('organisation.administer')} />
      </Route>
      <Route path={route('overlamningar')}>
        {({ id: referralId }) => (
          <ReferralPage
            key={referralId}
            referralId={referralId!}
            isPolice={ofKind('policeRegion')}
          />
        )}
      </Route>
      <Route path={route('bedomningar')}>
        {({ id: assessmentId }) => (
          <AssessmentPage key={assessmentId} assessmentId={assessmentId!} />
        )}
      </Route>
      <Route path="/arenden">
        <CasesPage />
      </Route>
      <Route path="/installningar">
        <UnitsPage />
      </Route>
      <Route path="/mitt-konto">
        <AccountPage />
      </Route>
      {may('audit.read') && (
        <Route path="/logguppfoljning">
          <LogReviewPage />
        </Route>
      )}
      <Route path="/ny-kontakt">
        <IntakePage key={session.activeUnitId} session={session} />
      </Route>
      <Route>
        <StartPage session={session} />
      </Route>
    </Switch>
  );
};
