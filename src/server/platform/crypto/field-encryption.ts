import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Field encryption with AES-256-GCM. Each value records the id of the key that sealed it, so
 * keys can be rotated while old values stay readable. The column name is bound in as
 * additional authenticated data: a value copied into another column will not decrypt.
 *
 * Format: fe1.<keyId>.<iv>.<tag>.<ciphertext>, parts base64url.
 */
export type KeyRing = { activeKeyId: string; keys: ReadonlyMap<string, Buffer> };

const prefix = 'fe1';

export const encryptField = (
  ring: KeyRing,
  context: EncryptedContext,
  plaintext: string,
): string => {
  const key = ring.keys.get(ring.activeKeyId);
  if (!key) throw new Error(`Active key ${ring.activeKeyId} is missing from the key ring`);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [prefix, ring.activeKeyId, b64(iv), b64(tag), b64(ciphertext)].join('.');
};

export const decryptField = (ring: KeyRing, context: EncryptedContext, sealed: string): string => {
  const [version, keyId, iv, tag, ciphertext] = sealed.split('.');
  if (version !== prefix || !keyId || !iv || !tag || ciphertext === undefined) {
    throw new Error('Not an encrypted field value');
  }
  const key = ring.keys.get(keyId);
  if (!key) throw new Error(`Key ${keyId} is not in the key ring`);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([
    decipher.update(Buffer.from(ciphertext, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
};

/** The key id a sealed value was encrypted with (for rotation progress). */
export const keyIdOf = (sealed: string): string | undefined => sealed.split('.')[1];

const b64 = (buffer: Buffer): string => buffer.toString('base64url');

/** Columns that hold field-encrypted values; the rotation command re-encrypts each of them. */
export const encryptedColumns = [
  { table: 'persons', column: 'address_enc', key: 'id', context: 'persons.address' },
  { table: 'persons', column: 'safe_contact_enc', key: 'id', context: 'persons.safe_contact' },
  {
    table: 'case_transitions',
    column: 'reason_enc',
    key: 'id',
    context: 'case_transitions.reason',
  },
  {
    table: 'case_events',
    column: 'description_enc',
    key: 'id',
    context: 'case_events.description',
  },
  { table: 'case_tasks', column: 'note_enc', key: 'id', context: 'case_tasks.note' },
  {
    table: 'safety_plans',
    column: 'victim_strategies_enc',
    key: 'id',
    context: 'safety_plans.victim_strategies',
  },
  {
    table: 'safety_plans',
    column: 'out_of_hours_enc',
    key: 'id',
    context: 'safety_plans.out_of_hours',
  },
  {
    table: 'plan_measures',
    column: 'status_reason_enc',
    key: 'id',
    context: 'plan_measures.status_reason',
  },
  { table: 'plan_events', column: 'reason_enc', key: 'id', context: 'plan_events.reason' },
  {
    table: 'assessment_follow_throughs',
    column: 'no_measures_reason_enc',
    key: 'assessment_id',
    context: 'assessment_follow_throughs.no_measures_reason',
  },
  {
    table: 'risk_assessments',
    column: 'content_enc',
    key: 'id',
    context: 'risk_assessments.content',
  },
  {
    table: 'case_handovers',
    column: 'summary_enc',
    key: 'id',
    context: 'case_handovers.summary',
  },
  {
    table: 'reports_of_concern',
    column: 'concern_enc',
    key: 'id',
    context: 'reports_of_concern.concern',
  },
  { table: 'consents', column: 'purpose_enc', key: 'id', context: 'consents.purpose' },
  { table: 'consents', column: 'giver_name_enc', key: 'id', context: 'consents.giver_name' },
  {
    table: 'consents',
    column: 'withdrawal_reason_enc',
    key: 'id',
    context: 'consents.withdrawal_reason',
  },
  { table: 'disclosures', column: 'assessment_enc', key: 'id', context: 'disclosures.assessment' },
  { table: 'disclosures', column: 'content_enc', key: 'id', context: 'disclosures.content' },
  {
    table: 'concerns',
    column: 'what_was_said_enc',
    key: 'id',
    context: 'concerns.what_was_said',
  },
  { table: 'referrals', column: 'subject_enc', key: 'id', context: 'referrals.subject' },
  { table: 'referrals', column: 'package_enc', key: 'id', context: 'referrals.package' },
  {
    table: 'referrals',
    column: 'decline_reason_enc',
    key: 'id',
    context: 'referrals.decline_reason',
  },
  {
    table: 'referral_messages',
    column: 'body_enc',
    key: 'id',
    context: 'referral_messages.body',
  },
  { table: 'meetings', column: 'minutes_enc', key: 'id', context: 'meetings.minutes' },
  {
    table: 'meeting_items',
    column: 'disclosed_name_enc',
    key: 'id',
    context: 'meeting_items.disclosed_name',
  },
  {
    table: 'meeting_items',
    column: 'rationale_enc',
    key: 'id',
    context: 'meeting_items.rationale',
  },
  { table: 'meeting_notes', column: 'body_enc', key: 'id', context: 'meeting_notes.body' },
  {
    table: 'meeting_actions',
    column: 'description_enc',
    key: 'id',
    context: 'meeting_actions.description',
  },
  { table: 'sip_plans', column: 'goal_enc', key: 'id', context: 'sip_plans.goal' },
  { table: 'sip_commitments', column: 'what_enc', key: 'id', context: 'sip_commitments.what' },
  { table: 'housing_units', column: 'address_enc', key: 'id', context: 'housing_units.address' },
  { table: 'housing_requests', column: 'note_enc', key: 'id', context: 'housing_requests.note' },
  {
    table: 'housing_requests',
    column: 'answer_enc',
    key: 'id',
    context: 'housing_requests.answer',
  },
  {
    table: 'housing_placements',
    column: 'exit_note_enc',
    key: 'id',
    context: 'housing_placements.exit_note',
  },
  {
    table: 'placement_children',
    column: 'first_name_enc',
    key: 'id',
    context: 'placement_children.first_name',
  },
  {
    table: 'placement_children',
    column: 'school_note_enc',
    key: 'id',
    context: 'placement_children.school_note',
  },
  { table: 'placement_visits', column: 'note_enc', key: 'id', context: 'placement_visits.note' },
  {
    table: 'housing_unmet_needs',
    column: 'note_enc',
    key: 'id',
    context: 'housing_unmet_needs.note',
  },
  { table: 'advice_contacts', column: 'note_enc', key: 'id', context: 'advice_contacts.note' },
  {
    table: 'granted_interventions',
    column: 'goals_enc',
    key: 'id',
    context: 'granted_interventions.goals',
  },
  {
    table: 'granted_interventions',
    column: 'materials_enc',
    key: 'id',
    context: 'granted_interventions.materials',
  },
  {
    table: 'granted_interventions',
    column: 'adaptations_enc',
    key: 'id',
    context: 'granted_interventions.adaptations',
  },
  {
    table: 'granted_interventions',
    column: 'dropout_reason_enc',
    key: 'id',
    context: 'granted_interventions.dropout_reason',
  },
  {
    table: 'intervention_sessions',
    column: 'note_enc',
    key: 'id',
    context: 'intervention_sessions.note',
  },
  {
    table: 'intervention_extensions',
    column: 'reason_enc',
    key: 'id',
    context: 'intervention_extensions.reason',
  },
  { table: 'client_ratings', column: 'comment_enc', key: 'id', context: 'client_ratings.comment' },
  {
    table: 'satisfaction_answers',
    column: 'comment_enc',
    key: 'id',
    context: 'satisfaction_answers.comment',
  },
  { table: 'log_reviews', column: 'findings_enc', key: 'id', context: 'log_reviews.findings' },
  { table: 'users', column: 'totp_secret_enc', key: 'id', context: 'users.totp_secret' },
  {
    table: 'oidc_providers',
    column: 'client_secret_enc',
    key: 'id',
    context: 'oidc_providers.client_secret',
  },
] as const;

/**
 * The context of an encrypted column, from the table above: encryptField and decryptField take
 * only these, so a new encrypted field does not compile until key rotation knows its column.
 */
export type EncryptedContext = (typeof encryptedColumns)[number]['context'];
