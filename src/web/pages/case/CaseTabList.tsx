import { useTranslation } from 'react-i18next';
import { withinLinkProps } from '../../navigation';
import { tabPath, type CaseTab } from './case-tabs';

/**
 * The case's tabs as a row of links (each tab has its own address): keyboard users move with
 * Tab and Enter as between any links, and the current one is marked for screen readers.
 */
export const CaseTabList = ({
  caseId,
  tabs,
  current,
}: {
  caseId: string;
  tabs: readonly CaseTab[];
  current: CaseTab;
}) => {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('workspace.tabsLabel')} className="case-tabs">
      <ul>
        {tabs.map((tab) => (
          <li key={tab}>
            <a
              {...withinLinkProps(tabPath(caseId, tab))}
              aria-current={tab === current ? 'page' : undefined}
            >
              {t(`workspace.tabs.${tab}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
};
