/**
 * The orosanmälan rests on the duty to report a child at risk: its law catalogue id, recorded
 * as the reason of every report's audit event and shown beside every report, resolved for the
 * day the report was made.
 */
export const reportingDutyReference = 'sol.reportingDuty';
