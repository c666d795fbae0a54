/** The shapes the referral routes return (see the OpenAPI document at /api/docs). */
export type ReferralSummary = {
  id: string;
  kind: 'policeToSocialServices' | 'betweenMunicipalities' | 'toRegion' | 'toShelter';
  direction: 'incoming' | 'outgoing';
  from: { organisation: string; unit: string; user: string };
  to: { unitId: string; unit: string };
  caseType: string;
  subject: { name: string; personalNumber: string | null; protectionLevel: string };
  groundCode: string;
  sentAt: string;
  acknowledgeBy: string;
  state: 'sent' | 'overdue' | 'acknowledged' | 'declined' | 'withdrawn';
  acknowledgedAt: string | null;
  acknowledgedByName: string | null;
  declineReason: string | null;
  caseId: string | null;
  messageCount: number;
  version: number;
};

type Text = { sv: string; en: string };

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

export type ReferralDetail = ReferralSummary & {
  package: ReferralPackage;
  messages: {
    id: string;
    kind: 'note' | 'investigationDropped' | 'prosecutionDecided';
    authorName: string;
    authorOrganisation: string;
    body: string;
    sentAt: string;
    own: boolean;
  }[];
};

export type DirectoryEntry = {
  organisationId: string;
  organisationName: string;
  unitId: string;
  unitName: string;
  referralKind: ReferralSummary['kind'];
};
