/** Råd och service contacts as their readers see them, the note decrypted. */
import type { Selectable } from 'kysely';
import type { AdviceContactsTable } from '../../platform/db/schema';
import { decryptField, type KeyRing } from '../../platform/crypto/field-encryption';

export const adviceNoteContext = 'advice_contacts.note';

type AdviceContactRow = Pick<
  Selectable<AdviceContactsTable>,
  'id' | 'mode' | 'anonymous' | 'covered' | 'noteEnc' | 'heldOn'
>;

/** One contact within råd och service, with its note. */
export const presentAdviceContact = ({ noteEnc, ...contact }: AdviceContactRow, keys: KeyRing) => ({
  ...contact,
  note: decryptField(keys, adviceNoteContext, noteEnc),
});
