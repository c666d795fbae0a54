import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../api';

type SignedIn = Extract<SessionView, { signedIn: true }>;

/** An empty start page per role: says what will gather here, shows no personal data yet. */
export const StartPage = ({ session }: { session: SignedIn }) => {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const organisation = session.organisations.find((org) => org.id === session.activeOrganisationId);
  const units = organisation?.units ?? [];
  const roles = [...new Set(units.flatMap((unit) => unit.roles))];

  useEffect(() => heading.current?.focus(), []);

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('start.title')} – {organisation?.name}
      </h1>
      <section aria-labelledby="roles-heading">
        <h2 id="roles-heading">{t('start.yourRoles')}</h2>
        <ul className="role-list">
          {units.map((unit) => (
            <li key={unit.id}>
              <strong>
                {(i18n.language === 'en' ? unit.roleTitlesEn : unit.roleTitlesSv).join(', ')}
              </strong>{' '}
              – {unit.name}
            </li>
          ))}
        </ul>
      </section>
      {roles.map((role) => (
        <section key={role} className="role-card" aria-label={role}>
          <p>{t(`start.roles.${role}`)}</p>
        </section>
      ))}
      <p className="muted">{t('start.empty')}</p>
    </>
  );
};
