import type { CaseDetail } from '../../cases-api';
import { todayText } from '../../cases-api';
import { ConcernSection } from '../collaboration/ConcernSection';
import { ConsentSection } from '../collaboration/ConsentSection';
import { DisclosureSection } from '../collaboration/DisclosureSection';
import { ReferralSection } from '../collaboration/ReferralSection';
import { SipSection } from '../collaboration/SipSection';
import { AdviceSection } from '../interventions/AdviceSection';
import { FollowUpSection } from '../interventions/FollowUpSection';
import { InterventionSection } from '../interventions/InterventionSection';
import { PlacementSection } from '../interventions/PlacementSection';
import { PlanSection } from '../plan/PlanSection';
import { AccessLogSection } from './AccessLogSection';
import type { CaseTab } from './case-tabs';
import { DuplicatesSection } from './DuplicatesSection';
import { LinkRequestsSection } from './LinkRequestsSection';
import { OverviewTab } from './OverviewTab';
import { PersonSection } from './PersonSection';
import { RiskSection } from './RiskSection';
import { TimelineTab } from './TimelineTab';

type Props = {
  tab: CaseTab;
  detail: CaseDetail;
  userId: string;
  run: (work: () => Promise<void>) => Promise<void>;
  reload: () => Promise<void>;
};

/** The open tab of a case; only the chosen tab is mounted, so only its records are read. */
export const CaseTabBody = ({ tab, detail, userId, run, reload }: Props) => {
  const personId = detail.person.id;
  switch (tab) {
    case 'overview':
      return <OverviewTab detail={detail} userId={userId} run={run} reload={reload} />;
    case 'timeline':
      return <TimelineTab detail={detail} run={run} reload={reload} />;
    case 'risk':
      return <RiskSection detail={detail} run={run} />;
    case 'plan':
      return <PlanSection detail={detail} />;
    case 'interventions':
      return (
        <>
          <AdviceSection detail={detail} reload={reload} />
          <InterventionSection detail={detail} />
          <FollowUpSection detail={detail} />
        </>
      );
    case 'housing':
      return <PlacementSection detail={detail} />;
    case 'collaboration':
      return (
        <>
          {detail.type === 'perpetrator' && <ConcernSection detail={detail} />}
          {detail.type === 'adultVictim' && <LinkRequestsSection detail={detail} run={run} />}
          <ConsentSection
            personId={personId}
            today={todayText()}
            mayWrite={detail.abilities.write}
          />
          <DisclosureSection detail={detail} />
          <ReferralSection detail={detail} />
          <SipSection detail={detail} />
        </>
      );
    case 'person':
      return (
        <>
          <PersonSection personId={personId} />
          <DuplicatesSection personId={personId} reload={reload} />
        </>
      );
    case 'log':
      return <AccessLogSection personId={personId} />;
  }
};
