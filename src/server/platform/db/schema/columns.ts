import type { ColumnType } from 'kysely';

/** Column shapes shared by the tables: set by the database on insert, and the row version. */
export type CreatedAt = ColumnType<Date, Date | undefined, never>;
export type Version = ColumnType<number, number | undefined, number>;
/** A calendar day (YYYY-MM-DD), and one that may be missing. */
export type DateColumn = ColumnType<string, string, string>;
export type OptionalDate = ColumnType<string | null, string | null | undefined, string | null>;
