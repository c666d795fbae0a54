import { sql, type Kysely } from 'kysely';

/**
 * Protection travels to the household (issue 17). A protected parent's children kept
 * `protection_level = 'none'`, so their full numbers and surname showed in the children's unit's
 * lists and exports. `protection_from_person_id` says whose protection a person carries (until
 * someone with the right decides otherwise, which clears it); existing children of protected
 * parents (linked parent → child case) take the parent's level now.
 */
export const up = async (db: Kysely<unknown>): Promise<void> => {
  await sql`
    alter table persons add column protection_from_person_id uuid references persons(id);

    with ranks(level, rank) as (values
      ('none', 0), ('confidentialityMarking', 1), ('protectedRegistration', 2),
      ('fictitiousIdentity', 3)
    ), carried as (
      select distinct on (child.id) child.id as child_id, parent.id as parent_id,
        parent.protection_level as level
      from persons parent
      join ranks pr on pr.level = parent.protection_level
      join cases pc on pc.person_id = parent.id
      join case_links l on l.case_id = pc.id and l.kind = 'parentChild'
      join cases cc on cc.id = l.linked_case_id and cc.type = 'childExposed'
      join persons child on child.id = cc.person_id and child.id <> parent.id
      join ranks cr on cr.level = child.protection_level
      where pr.rank > cr.rank
      order by child.id, pr.rank desc
    )
    update persons p set protection_level = carried.level,
      protection_from_person_id = carried.parent_id, version = p.version + 1
      from carried where p.id = carried.child_id;
  `.execute(db);
};

export const down = async (db: Kysely<unknown>): Promise<void> => {
  await sql`alter table persons drop column protection_from_person_id`.execute(db);
};
