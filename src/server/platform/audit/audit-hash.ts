import { createHash } from 'node:crypto';

/** The fields of an audit event that its hash covers, in a fixed order. */
export type HashedEvent = {
  chain: string;
  chainSeq: string;
  occurredAt: Date;
  type: string;
  organisationId: string | null;
  actorUserId: string | null;
  personId: string | null;
  outcome: string;
  reason: string | null;
  breakGlassId: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
  prevHash: string;
};

/** The hash that starts every chain. */
export const genesisHash = '0'.repeat(64);

/** Sorts object keys so the same content always serialises the same way (jsonb reorders keys). */
const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
};

export const hashEvent = (event: HashedEvent): string =>
  createHash('sha256')
    .update(
      JSON.stringify([
        event.chain,
        String(event.chainSeq),
        event.occurredAt.toISOString(),
        event.type,
        event.organisationId,
        event.actorUserId,
        event.personId,
        event.outcome,
        event.reason,
        event.breakGlassId,
        event.requestId,
        canonical(event.details),
        event.prevHash,
      ]),
    )
    .digest('hex');

/** Audit chains per organisation are split in shards by actor so requests rarely queue. */
export const chainShards = 8;

export const chainFor = (organisationId: string | null, actorUserId: string | null): string => {
  const shard = actorUserId
    ? createHash('sha256').update(actorUserId).digest().readUInt8(0) % chainShards
    : 0;
  return `${organisationId ?? 'system'}/${shard}`;
};
