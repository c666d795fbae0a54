import type { Text } from './assessments-api';

/** The shapes the safety plan routes return (see the OpenAPI document at /api/docs). */
export type MeasureStatus = 'proposed' | 'offered' | 'accepted' | 'declined' | 'active' | 'ended';

export type CatalogueMeasure = {
  code: string;
  label: Text;
  strategy: string;
  usualOwner: string;
  needs: string[];
};

export type Plan = {
  caseId: string;
  planId: string | null;
  version: number;
  victimStrategies: string | null;
  outOfHours: string | null;
  reviewOn: string | null;
  riskLevel: 'low' | 'medium' | 'high' | null;
  measures: {
    id: string;
    code: string;
    label: Text;
    ownerOrganisation: string;
    ownerFunction: string | null;
    status: MeasureStatus;
    statusReason: string | null;
    dueOn: string | null;
    reviewOn: string | null;
    nextStatuses: MeasureStatus[];
    version: number;
  }[];
  suggestions: (CatalogueMeasure & { reasons: { ruleId: string; because: Text }[] })[];
  warnings: { code: string; message: Text }[];
  assessmentsToFollowThrough: { id: string; instrumentId: string; signedAt: string }[];
  history: {
    kind: string;
    measureCode: string | null;
    toStatus: string | null;
    reason: string | null;
    actorName: string;
    occurredAt: string;
  }[];
};

export type Checklist = {
  id: string;
  title: Text;
  when: Text;
  items: { id: string; text: Text; legalReferences: string[] }[];
};
