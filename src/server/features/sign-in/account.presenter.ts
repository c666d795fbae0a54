/** What a user's own account holds that is sealed: the secret of the linked authenticator app. */
import { decryptField, type KeyRing } from '../../platform/crypto/field-encryption';

export const totpContext = 'users.totp_secret';

/**
 * The authenticator app's secret, opened to check a code against it. It is never shown or sent
 * anywhere; it lives here because decrypting is done in presenters only, so every place that
 * opens a sealed field is found in one layer.
 */
export const totpSecretOf = (keys: KeyRing, row: { totpSecretEnc: string }) =>
  decryptField(keys, totpContext, row.totpSecretEnc);
