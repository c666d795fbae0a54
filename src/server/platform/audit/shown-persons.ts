/**
 * Which persons a list, search or export showed, for the audit event's details: log review must
 * be able to answer "who saw her name in a list", not only "how many rows were shown".
 */
export const shownPersons = (personIds: readonly string[]): { personIds: string } => ({
  personIds: [...new Set(personIds)].join(','),
});
