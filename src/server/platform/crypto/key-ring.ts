import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { KeyRing } from './field-encryption';

/** The key file: key ids to base64 keys of 32 bytes, and which one seals new values. */
const keyFileSchema = z.object({
  activeKeyId: z.string().regex(/^[A-Za-z0-9_-]+$/),
  keys: z.record(
    z.string().regex(/^[A-Za-z0-9_-]+$/),
    z.string().refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes'),
  ),
});
type KeyFile = z.infer<typeof keyFileSchema>;

const toRing = (file: KeyFile): KeyRing => {
  if (!(file.activeKeyId in file.keys)) throw new Error('activeKeyId is not among the keys');
  return {
    activeKeyId: file.activeKeyId,
    keys: new Map(Object.entries(file.keys).map(([id, key]) => [id, Buffer.from(key, 'base64')])),
  };
};

/** Reads keys from FRISTAD_KEYS (JSON) if set, else from the key file. */
export const loadKeyRing = (options: { json?: string | undefined; file: string }): KeyRing => {
  if (options.json) return toRing(keyFileSchema.parse(JSON.parse(options.json)));
  return toRing(keyFileSchema.parse(JSON.parse(readFileSync(options.file, 'utf8'))));
};

/**
 * Creates a key file with one fresh key if none exists (first start of a local installation).
 * The file is written readable by its owner only and is never inside the repository.
 */
export const ensureKeyFile = (file: string): boolean => {
  if (existsSync(file)) return false;
  mkdirSync(dirname(file), { recursive: true });
  writeKeyFile(file, { activeKeyId: newKeyId(), keys: {} }, true);
  return true;
};

/** Adds a new key, makes it active and returns the new ring. Old keys stay for old values. */
export const addKeyToFile = (file: string): KeyRing => {
  const current = keyFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const next: KeyFile = { activeKeyId: newKeyId(), keys: { ...current.keys } };
  writeKeyFile(file, next, true);
  return loadKeyRing({ file });
};

const writeKeyFile = (file: string, contents: KeyFile, addActive: boolean): void => {
  const keys = addActive
    ? { ...contents.keys, [contents.activeKeyId]: randomBytes(32).toString('base64') }
    : contents.keys;
  writeFileSync(file, JSON.stringify({ ...contents, keys }, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
};

const newKeyId = (): string =>
  `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}${randomBytes(3).toString('hex')}`;

/** A throwaway ring for tests and in-memory runs. */
export const ephemeralKeyRing = (): KeyRing => {
  const id = newKeyId();
  return { activeKeyId: id, keys: new Map([[id, randomBytes(32)]]) };
};
