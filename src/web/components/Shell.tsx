import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type SessionView } from '../api';
import { sessionMay } from '../abilities';
import { linkProps, usePath } from '../navigation';
import { LanguageSwitch } from './LanguageSwitch';

type SignedIn = Extract<SessionView, { signedIn: true }>;

/** The signed-in layout: skip link, banner, navigation, main content; all keyboard reachable. */
export const Shell = ({
  session,
  onChanged,
  children,
}: {
  session: SignedIn;
  onChanged: () => Promise<void>;
  children: ReactNode;
}) => {
  const { t } = useTranslation();
  const path = usePath();
  const active = session.organisations.find((org) => org.id === session.activeOrganisationId);

  const units = session.organisations.flatMap((org) => org.units.map((unit) => ({ org, unit })));

  const switchWorkplace = async (value: string) => {
    const [organisationId, unitId] = value.split('/');
    await api('POST', '/api/session/workplace', { organisationId, unitId });
    await onChanged();
  };
  const signOut = async () => {
    await api('POST', '/api/auth/logout');
    await onChanged();
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      {(active?.fictitious ?? session.user.fictitious) && (
        <p className="practice-banner" role="note">
          {t('practice.banner')}
        </p>
      )}
      <header className="app-header">
        <span className="app-name">{t('app.name')}</span>
        <nav aria-label={t('shell.nav')}>
          <ul>
            {(
              [
                ['/', t('shell.start'), true],
                ['/arenden', t('shell.cases'), sessionMay(session, 'case.read')],
                ['/ny-kontakt', t('shell.newContact'), sessionMay(session, 'person.create')],
                ['/samverkansmoten', t('shell.meetings'), sessionMay(session, 'case.read')],
                ['/grupper', t('shell.groups'), sessionMay(session, 'case.write')],
                ['/kontakter', t('shell.contacts'), true],
                [
                  '/skyddat-boende',
                  t('shell.housing'),
                  sessionMay(session, 'case.write') || sessionMay(session, 'housing.keep'),
                ],
                ['/nyckeltal', t('shell.indicators'), sessionMay(session, 'statistics.read')],
                ['/kartlaggning', t('shell.mapping'), sessionMay(session, 'mapping.conduct')],
                [
                  '/matningar',
                  t('shell.prevalence'),
                  sessionMay(session, 'statistics.read') || sessionMay(session, 'case.write'),
                ],
                [
                  '/samverkansavtal',
                  t('shell.agreements'),
                  sessionMay(session, 'statistics.read') || sessionMay(session, 'case.write'),
                ],
                ['/rutiner', t('shell.routines'), true],
                ['/ova', t('shell.training'), sessionMay(session, 'case.write')],
                ['/kompetens', t('shell.competence'), true],
                ['/logguppfoljning', t('shell.logReview'), sessionMay(session, 'audit.read')],
                [
                  '/installningar',
                  t('shell.units'),
                  sessionMay(session, 'organisation.administer'),
                ],
              ] as const
            )
              .filter(([, , shown]) => shown)
              .map(([href, label]) => (
                <li key={href}>
                  <a {...linkProps(href)} aria-current={path === href ? 'page' : undefined}>
                    {label}
                  </a>
                </li>
              ))}
          </ul>
        </nav>
        <div className="header-tools">
          {units.length > 1 && (
            <label>
              {t('shell.workplace')}{' '}
              <select
                value={`${session.activeOrganisationId}/${session.activeUnitId}`}
                onChange={(event) => void switchWorkplace(event.target.value)}
              >
                {session.organisations.map((org) => (
                  <optgroup key={org.id} label={org.name}>
                    {org.units.map((unit) => (
                      <option key={unit.id} value={`${org.id}/${unit.id}`}>
                        {unit.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </label>
          )}
          <span>{t('shell.signedInAs', { name: session.user.displayName })}</span>
          <LanguageSwitch />
          <button type="button" onClick={() => void signOut()}>
            {t('shell.signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
};
