import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './20261124000000-foundation';
import * as cases from './20261124100000-cases';
import * as caseEvents from './20261124200000-case-events';
import * as tasksAndHandovers from './20261125000000-tasks-and-handovers';
import * as unitScreeningSetting from './20261125100000-unit-screening-setting';
import * as personSearchKeys from './20261125200000-person-search-keys';
import * as riskAssessments from './20261125300000-risk-assessments';
import * as safetyPlans from './20261125400000-safety-plans';
import * as organisationMeasures from './20261125500000-organisation-measures';
import * as collaboration from './20261125600000-collaboration';
import * as referrals from './20261125700000-referrals';
import * as meetings from './20261125800000-meetings';
import * as contactDirectory from './20261125900000-contact-directory';
import * as sip from './20261125950000-sip';
import * as protectedHousing from './20261126000000-protected-housing';
import * as adviceAndService from './20261126100000-advice-and-service';
import * as interventions from './20261126200000-interventions';
import * as clientFollowUp from './20261126300000-client-follow-up';
import * as interventionGroups from './20261126400000-intervention-groups';
import * as indicators from './20261126500000-indicators';
import * as mapping from './20261126600000-mapping';
import * as prevalenceSurveys from './20261126700000-prevalence-surveys';
import * as agreementsAndCompetence from './20261126800000-agreements-and-competence';
import * as routines from './20261126900000-routines';
import * as trainingMode from './20261127000000-training-mode';
import * as practiceScenarios from './20261127100000-practice-scenarios';
import * as interventionWaitIndex from './20261127200000-intervention-wait-index';
import * as onePersonPerIdentity from './20261207000000-one-person-per-identity';
import * as protectionTravels from './20261207100000-protection-travels';
import * as linkRequests from './20261207200000-link-requests';
import * as consentRecipientsAsReferences from './20261207300000-consent-recipients-as-references';
import * as personMerges from './20261207400000-person-merges';
import * as signInFailures from './20261207500000-sign-in-failures';

/** Migrations in order. A merged migration is never edited; add a new one. */
const migrations: Record<string, Migration> = {
  '20261124000000-foundation': foundation,
  '20261124100000-cases': cases,
  '20261124200000-case-events': caseEvents,
  '20261125000000-tasks-and-handovers': tasksAndHandovers,
  '20261125100000-unit-screening-setting': unitScreeningSetting,
  '20261125200000-person-search-keys': personSearchKeys,
  '20261125300000-risk-assessments': riskAssessments,
  '20261125400000-safety-plans': safetyPlans,
  '20261125500000-organisation-measures': organisationMeasures,
  '20261125600000-collaboration': collaboration,
  '20261125700000-referrals': referrals,
  '20261125800000-meetings': meetings,
  '20261125900000-contact-directory': contactDirectory,
  '20261125950000-sip': sip,
  '20261126000000-protected-housing': protectedHousing,
  '20261126100000-advice-and-service': adviceAndService,
  '20261126200000-interventions': interventions,
  '20261126300000-client-follow-up': clientFollowUp,
  '20261126400000-intervention-groups': interventionGroups,
  '20261126500000-indicators': indicators,
  '20261126600000-mapping': mapping,
  '20261126700000-prevalence-surveys': prevalenceSurveys,
  '20261126800000-agreements-and-competence': agreementsAndCompetence,
  '20261126900000-routines': routines,
  '20261127000000-training-mode': trainingMode,
  '20261127100000-practice-scenarios': practiceScenarios,
  '20261127200000-intervention-wait-index': interventionWaitIndex,
  '20261207000000-one-person-per-identity': onePersonPerIdentity,
  '20261207100000-protection-travels': protectionTravels,
  '20261207200000-link-requests': linkRequests,
  '20261207300000-consent-recipients-as-references': consentRecipientsAsReferences,
  '20261207400000-person-merges': personMerges,
  '20261207500000-sign-in-failures': signInFailures,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
