import { useTranslation } from 'react-i18next';
import { linkProps } from '../../navigation';
import { useRecord } from '../../queries';

type Agreement = { id: string; title: string; reviewOn: string | null; review: string };

/**
 * For those who keep the agreement register: agreements in force whose review is overdue or
 * due within 60 days, so an agreement is not left to run on unread after a coordinator leaves.
 */
export const AgreementNotice = () => {
  const { t } = useTranslation();
  const agreements = useRecord<Agreement[]>(['agreements'], '/api/agreements').data ?? [];
  const due = agreements.filter((agreement) => ['overdue', 'soon'].includes(agreement.review));

  if (due.length === 0) return null;
  return (
    <section className="role-card" aria-labelledby="agreements-due">
      <h2 id="agreements-due">{t('agreements.dueTitle')}</h2>
      <ul>
        {due.map((agreement) => (
          <li key={agreement.id}>
            {agreement.title}: {t('agreements.reviewOn')} {agreement.reviewOn}{' '}
            {t(`agreements.${agreement.review}`)}
          </li>
        ))}
      </ul>
      <p>
        <a {...linkProps('/samverkansavtal')}>{t('agreements.dueLink')}</a>
      </p>
    </section>
  );
};
