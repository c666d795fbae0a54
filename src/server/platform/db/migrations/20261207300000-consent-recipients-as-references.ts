import { sql, type Kysely } from 'kysely';

/**
 * Consent recipients are references (issue 17). A consent for an outside partner used to be
 * recognised only when its recipient was typed exactly as "Organisation, Unit", while the forms
 * showed "Organisation – Unit"; now a unit or organisation in Fristad is named by id. Recipients
 * typed as text are matched here to the units and organisations they name (ignoring case, spaces
 * and the separator) and get their ids; those that match nothing, or more than one, are marked
 * `unverified` for someone to check. The words are normalised here, not by the domain's
 * function, so this migration keeps doing what it did when it ran.
 */
const words = (label: string) =>
  label
    .toLowerCase()
    .replace(/\s*[,–—-]\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

type Recipient = {
  kind: string;
  organisationId: string | null;
  unitId: string | null;
  label: string;
  unverified?: boolean;
};

export const up = async (db: Kysely<unknown>): Promise<void> => {
  const units = (
    await sql<{
      unitId: string;
      unitName: string;
      organisationId: string;
      organisationName: string;
    }>`
      select u.id as "unitId", u.name as "unitName", o.id as "organisationId",
        o.name as "organisationName"
      from units u join organisations o on o.id = u.organisation_id`.execute(db)
  ).rows;
  const consents = (
    await sql<{ id: string; organisationId: string; recipients: Recipient[] }>`
      select id, organisation_id as "organisationId", recipients from consents`.execute(db)
  ).rows;
  for (const consent of consents) {
    const resolved = consent.recipients.map((recipient): Recipient => {
      if (recipient.unitId || recipient.organisationId) return recipient;
      const said = words(recipient.label);
      const asUnit = units.filter(
        (unit) =>
          words(`${unit.organisationName} ${unit.unitName}`) === said ||
          (unit.organisationId === consent.organisationId && words(unit.unitName) === said),
      );
      if (asUnit.length === 1) {
        const [unit] = asUnit as [(typeof units)[number]];
        const own = unit.organisationId === consent.organisationId;
        return {
          kind: recipient.kind,
          organisationId: own ? null : unit.organisationId,
          unitId: unit.unitId,
          label: own ? unit.unitName : `${unit.organisationName} – ${unit.unitName}`,
        };
      }
      const asOrganisation = [
        ...new Set(
          units
            .filter((unit) => words(unit.organisationName) === said)
            .map((unit) => unit.organisationId),
        ),
      ];
      if (asOrganisation.length === 1) {
        const organisation = units.find((unit) => unit.organisationId === asOrganisation[0])!;
        return {
          kind: recipient.kind,
          organisationId: organisation.organisationId,
          unitId: null,
          label: organisation.organisationName,
        };
      }
      return { ...recipient, unverified: true };
    });
    if (JSON.stringify(resolved) !== JSON.stringify(consent.recipients))
      await sql`update consents set recipients = ${JSON.stringify(resolved)}::jsonb
        where id = ${consent.id}`.execute(db);
  }
};

/** Ids stay: they name the same recipients the words did. */
export const down = async (): Promise<void> => {};
