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

/** The Swedish calendar date of an instant sent as ISO text (a date alone stays that date). */
export const swedishDayOf = (iso: string): string => swedishDate(new Date(iso));

const swedishMinute = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** Swedish date and time to the minute, "2026-12-07 00:30": what a printout says it was made. */
export const swedishDateTime = (instant: Date): string => swedishMinute.format(instant);

const longDays = {
  sv: new Intl.DateTimeFormat('sv-SE', { timeZone: 'UTC', dateStyle: 'long' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'long' }),
};

/** A YYYY-MM-DD date written out, "1 juli 2025" or "1 July 2025": how law texts give dates. */
export const longDate = (day: string, language: 'sv' | 'en'): string =>
  longDays[language].format(new Date(`${day}T00:00:00Z`));

/** A YYYY-MM-DD date moved by whole days. */
export const addDays = (isoDate: string, days: number): string => {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/** Whole days from one YYYY-MM-DD date to another (negative when the second is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Adds whole months to a date (YYYY-MM-DD); the 31st becomes the month's last day. */
export const addMonths = (date: string, months: number): string => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
};
