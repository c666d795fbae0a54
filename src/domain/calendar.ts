/**
 * Calendar days as case work counts them: in Swedish time. A task due "today" at 00:30 in
 * Stockholm is due on the Swedish date, not on the UTC date that is still yesterday.
 */
const swedishDay = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Swedish calendar date of an instant, YYYY-MM-DD. */
export const swedishDate = (instant: Date): string => swedishDay.format(instant);

/** A YYYY-MM-DD date moved by whole days. */
export const addDays = (isoDate: string, days: number): string => {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
