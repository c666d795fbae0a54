import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type SessionView } from '../api';
import { sessionMay } from '../abilities';
import { linkProps, usePath } from '../navigation';
import { LanguageSwitch } from './LanguageSwitch';

type SignedIn = Extract<SessionView, { signedIn: true }>;

/**
 * The pages a user may open, in two groups: the daily work with people, and the follow-up and
 * governance (figures, registers, settings) that a coordinator visits now and then. Grouping
 * keeps the row a case worker scans short.
 */
const navigationGroups = (session: SignedIn, t: (key: string) => string) => {
  const may = (action: Parameters<typeof sessionMay>[1]) => sessionMay(session, action);
  const link = (href: string, key: string, shown: boolean) => ({
    href,
    label: t(`shell.${key}`),
    shown,
  });
  return [
    {
      id: 'work',
      label: t('shell.groupWork'),
      links: [
        link('/', 'start', true),
        link('/arenden', 'cases', may('case.read')),
        link('/ny-kontakt', 'newContact', may('person.create')),
        link('/samverkansmoten', 'meetings', may('case.read')),
        link('/grupper', 'groups', may('case.write')),
        link('/kontakter', 'contacts', true),
        link('/skyddat-boende', 'housing', may('case.write') || may('housing.keep')),
        link('/ova', 'training', may('case.write')),
      ],
    },
    {
      id: 'governance',
      label: t('shell.groupGovernance'),
      links: [
        link('/nyckeltal', 'indicators', may('statistics.read')),
        link('/kartlaggning', 'mapping', may('mapping.conduct')),
        link('/matningar', 'prevalence', may('statistics.read') || may('case.write')),
        link('/samverkansavtal', 'agreements', may('statistics.read') || may('case.write')),
        link('/rutiner', 'routines', true),
        link('/kompetens', 'competence', true),
        link('/logguppfoljning', 'logReview', may('audit.read')),
        link('/installningar', 'units', may('organisation.administer')),
      ],
    },
  ];
};

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
          {navigationGroups(session, t).map((group) => {
            const links = group.links.filter((link) => link.shown);
            if (links.length === 0) return null;
            return (
              <div key={group.id} className="nav-group">
                <span id={`nav-${group.id}`} className="nav-group-label">
                  {group.label}
                </span>
                <ul aria-labelledby={`nav-${group.id}`}>
                  {links.map((link) => (
                    <li key={link.href}>
                      <a
                        {...linkProps(link.href)}
                        aria-current={path === link.href ? 'page' : undefined}
                      >
                        {link.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
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
          <a
            {...linkProps('/mitt-konto')}
            aria-current={path === '/mitt-konto' ? 'page' : undefined}
          >
            {t('shell.account')}
          </a>
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
