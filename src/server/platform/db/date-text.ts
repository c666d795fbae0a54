import { sql } from 'kysely';

/**
 * A date column as the text the API and the domain use (YYYY-MM-DD). The drivers would turn a
 * date into a JavaScript Date at local midnight, which shifts a day in some time zones.
 */
export const dateText = <T extends string | null = string>(column: string) =>
  sql<T>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

/** A timestamp as its Swedish calendar day (YYYY-MM-DD), the way case work counts days. */
export const swedishDayText = <T extends string | null = string>(column: string) =>
  sql<T>`to_char(${sql.ref(column)} at time zone 'Europe/Stockholm', 'YYYY-MM-DD')`;
