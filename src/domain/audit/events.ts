/**
 * The audit event catalogue. Every read and write of personal data, every sign-in and every
 * exception to secrecy is one of these. Stored JSON constrains change: add types, never
 * repurpose one. (HSLF-FS 2016:40 / patient data law practice: reads are logged, not only writes.)
 */
export const auditEventTypes = [
  'auth.signed_in',
  'auth.sign_in_failed',
  'auth.locked_out',
  'auth.signed_out',
  'auth.organisation_switched',
  'auth.unit_switched',
  'person.listed',
  'person.searched',
  'person.read',
  'person.created',
  'person.updated',
  'person.protected_address_read',
  'case.listed',
  'case.read',
  'case.opened',
  'case.stage_changed',
  'case.owner_changed',
  'case.linked',
  'case.event_recorded',
  'case.children_answered',
  'case.report_of_concern',
  'case.referred',
  'case.children_listed',
  'case.printed',
  'case.exported',
  'case.task_added',
  'case.task_done',
  'case.handover_proposed',
  'case.handover_acknowledged',
  'case.handover_cancelled',
  'work_list.read',
  'screening.recorded',
  'assessment.started',
  'assessment.read',
  'assessment.saved',
  'assessment.signed',
  'assessment.printed',
  'assessment.picture_read',
  'assessment.followed_through',
  'plan.read',
  'plan.measure_added',
  'plan.measure_status_changed',
  'plan.suggestion_rejected',
  'plan.updated',
  'plan.printed',
  'consent.read',
  'consent.recorded',
  'consent.withdrawn',
  'disclosure.grounds_weighed',
  'disclosure.recorded',
  'disclosure.read',
  'concern.raised',
  'concern.read',
  'referral.sent',
  'referral.listed',
  'referral.read',
  'referral.acknowledged',
  'referral.declined',
  'referral.message_posted',
  'meeting.created',
  'meeting.read',
  'meeting.item_added',
  'meeting.note_added',
  'meeting.action_added',
  'meeting.action_done',
  'meeting.minutes_saved',
  'contact.recorded',
  'sip.read',
  'sip.saved',
  'housing.unit_saved',
  'housing.availability_set',
  'housing.request_sent',
  'housing.request_answered',
  'housing.request_withdrawn',
  'housing.placement_read',
  'housing.placement_saved',
  'housing.child_recorded',
  'housing.visit_recorded',
  'housing.exit_planned',
  'housing.exit_recorded',
  'housing.unmet_need_recorded',
  'advice.read',
  'advice.contact_recorded',
  'intervention_type.saved',
  'intervention.read',
  'intervention.granted',
  'intervention.session_recorded',
  'intervention.extended',
  'intervention.ended',
  'group.created',
  'group.listed',
  'group.place_changed',
  'follow_up.read',
  'follow_up.rating_recorded',
  'follow_up.satisfaction_recorded',
  'follow_up.plan_saved',
  'log_review.read',
  'log_review.signed',
  'instrument.permitted',
  'training.recorded',
  'access.denied',
  'break_glass.opened',
  'unit.settings_changed',
  'organisation.settings_changed',
  'audit.read',
  'audit.verified',
  'keys.rotated',
] as const;
export type AuditEventType = (typeof auditEventTypes)[number];

export type AuditOutcome = 'allowed' | 'denied' | 'failed';

/** One audit event as commands hand it over; the repository adds time, chain and hash. */
export type AuditEventInput = {
  type: AuditEventType;
  organisationId: string | null;
  actorUserId: string | null;
  /** The person whose data was touched, if any. */
  personId?: string | null;
  outcome: AuditOutcome;
  /** Why: the access reason code, the user's stated reason, or the denial reason. */
  reason?: string | null;
  breakGlassId?: string | null;
  requestId?: string | null;
  /** Non-personal details (field names changed, counts). Never names, numbers or addresses. */
  details?: Record<string, string | number | boolean | null>;
};
