/** The shapes the referral routes return, inferred from their response schemas in src/contract. */
export type {
  ReferralDetail,
  ReferralDirectoryEntry as DirectoryEntry,
  ReferralSummary,
} from '../contract/referrals';

type Text = { sv: string; en: string };

/**
 * What a referral hands over. The contract carries the package as an open record (its schema
 * says only `Record<string, unknown>`), so its parts are read through this shape.
 */
export type ReferralPackage = {
  summary: string;
  caseType: string;
  violenceForms: string[];
  events?: { occurredOn: string; kind: string; source: string; description: string | null }[];
  assessments?: {
    instrumentName: Text;
    finalLevel: string | null;
    signedAt: string | null;
    assessorName: string;
  }[];
  plan?: {
    measures: { label: Text; ownerOrganisation: string; status: string }[];
    victimStrategies: string | null;
    outOfHours: string | null;
  };
};
