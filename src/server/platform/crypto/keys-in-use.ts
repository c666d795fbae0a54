import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { listEncryptedColumns, listKeyIdsInColumn } from './keys-in-use.repository';
import type { KeyRing } from './field-encryption';

/**
 * The keys the stored data was sealed with. Every text column named `…_enc` holds field-encrypted
 * values (`fe1.<keyId>.…`); the columns are read from the database itself, so one added later is
 * checked without being listed. A database restored without its key file used to start with a
 * new key: every encrypted field unreadable, every TOTP sign-in a 500, new data sealed under a
 * key nobody kept. The server now refuses to start instead, naming the key it needs.
 */
export const keyIdsInUse = async (db: Kysely<Database>): Promise<Set<string>> => {
  const used = new Set<string>();
  for (const { tableName, columnName } of await listEncryptedColumns(db))
    for (const row of await listKeyIdsInColumn(db, tableName, columnName)) used.add(row.keyId);
  return used;
};

export class MissingKeys extends Error {
  constructor(keyIds: readonly string[], where: string) {
    super(
      `Databasen har uppgifter krypterade med ${keyIds.length === 1 ? 'nyckeln' : 'nycklarna'} ` +
        `${keyIds.join(', ')}, som inte finns i nyckelringen (${where}). Servern startar inte: ` +
        'lägg tillbaka den nyckelfil som hör till databasen (se README, Drift: säkerhetskopia).',
    );
    this.name = 'MissingKeys';
  }
}

/** Refuses a key ring that lacks a key the stored data needs. */
export const assertKeysPresent = async (db: Kysely<Database>, ring: KeyRing, where: string) => {
  const missing = [...(await keyIdsInUse(db))].filter((keyId) => !ring.keys.has(keyId)).sort();
  if (missing.length > 0) throw new MissingKeys(missing, where);
};
