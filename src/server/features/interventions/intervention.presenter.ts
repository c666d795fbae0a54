/**
 * A case's granted interventions as their readers see them: goals, materials, sessions and
 * extensions decrypted, with the quota the command works out.
 */
import type { Selectable } from 'kysely';
import type { QuotaStatus } from '../../../domain/interventions/quota';
import { decryptField, type KeyRing } from '../../platform/crypto/field-encryption';
import type {
  GrantedInterventionsTable,
  InterventionExtensionsTable,
  InterventionSessionsTable,
  InterventionTypesTable,
} from '../../platform/db/schema';

/** The field-encryption contexts of interventions; the commands encrypt with the same. */
export const interventionContexts = {
  goals: 'granted_interventions.goals',
  materials: 'granted_interventions.materials',
  adaptations: 'granted_interventions.adaptations',
  dropout: 'granted_interventions.dropout_reason',
  note: 'intervention_sessions.note',
  reason: 'intervention_extensions.reason',
} as const;
const contexts = interventionContexts;

type InterventionRow = Pick<
  Selectable<GrantedInterventionsTable>,
  | 'id'
  | 'typeId'
  | 'grantedSessions'
  | 'goalsEnc'
  | 'materialsEnc'
  | 'adaptationsEnc'
  | 'endReason'
  | 'dropoutReasonEnc'
  | 'version'
  | 'decidedOn'
  | 'endedOn'
> &
  Pick<Selectable<InterventionTypesTable>, 'eligibility' | 'provider'> & { typeName: string };
type SessionRow = Pick<
  Selectable<InterventionSessionsTable>,
  'id' | 'heldOn' | 'kind' | 'mode' | 'outcome' | 'noteEnc'
>;
type ExtensionRow = Pick<
  Selectable<InterventionExtensionsTable>,
  'id' | 'sessions' | 'decidedOn' | 'decidedByRole' | 'reasonEnc'
>;

/** One granted intervention with its own sessions and extensions, and how it ended. */
export const presentIntervention = (
  row: InterventionRow,
  keys: KeyRing,
  {
    quota,
    sessions,
    extensions,
  }: { quota: QuotaStatus; sessions: SessionRow[]; extensions: ExtensionRow[] },
) => ({
  id: row.id,
  typeId: row.typeId,
  typeName: row.typeName,
  eligibility: row.eligibility,
  provider: row.provider,
  decidedOn: row.decidedOn,
  grantedSessions: row.grantedSessions,
  goals: JSON.parse(decryptField(keys, contexts.goals, row.goalsEnc)) as string[],
  materials: decryptField(keys, contexts.materials, row.materialsEnc),
  adaptations: decryptField(keys, contexts.adaptations, row.adaptationsEnc),
  endedOn: row.endedOn,
  endReason: row.endReason,
  dropoutReason: row.dropoutReasonEnc
    ? decryptField(keys, contexts.dropout, row.dropoutReasonEnc)
    : null,
  quota,
  sessions: sessions.map((session) => ({
    id: session.id,
    heldOn: session.heldOn,
    kind: session.kind,
    mode: session.mode,
    outcome: session.outcome,
    note: decryptField(keys, contexts.note, session.noteEnc),
  })),
  extensions: extensions.map((extension) => ({
    id: extension.id,
    sessions: extension.sessions,
    decidedOn: extension.decidedOn,
    decidedByRole: extension.decidedByRole,
    reason: decryptField(keys, contexts.reason, extension.reasonEnc),
  })),
  version: row.version,
});
