import { z } from 'zod';
import { addDays, addMonths } from '../calendar';
import { roleIds, type RoleId } from '../access/roles';

/**
 * The competence register (digest 001 Q20, Q28; digest 004 J1–J6): training per employee,
 * with renewal where a course must be retaken (the web course every second year), what each
 * role needs, and how well each unit is covered — so knowledge survives staff turnover.
 * Courses are data (catalogues/competence.json); an instrument course also counts the
 * instrument trainings staff record for the licence check.
 */
const text = z.object({ sv: z.string().min(1), en: z.string().min(1) }).strict();
export const competenceCatalogueSchema = z
  .object({
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    courses: z
      .array(
        z
          .object({
            code: z.string().regex(/^[a-z][A-Za-z0-9]*$/),
            name: text,
            /** Months a completion holds; none means it does not expire. */
            renewMonths: z.number().int().min(1).max(120).optional(),
            /** The instrument whose recorded training counts as this course. */
            instrumentId: z.string().optional(),
          })
          .strict(),
      )
      .min(1),
    requirements: z.partialRecord(z.enum(roleIds), z.array(z.string())),
  })
  .strict()
  .superRefine((catalogue, context) => {
    const codes = new Set(catalogue.courses.map((course) => course.code));
    for (const [role, required] of Object.entries(catalogue.requirements))
      for (const code of required ?? [])
        if (!codes.has(code))
          context.addIssue({
            code: 'custom',
            path: ['requirements', role],
            message: `unknown course "${code}"`,
          });
  });
export type CompetenceCatalogue = z.infer<typeof competenceCatalogueSchema>;
export type Course = CompetenceCatalogue['courses'][number];

export type CompetenceState = 'valid' | 'expiring' | 'expired' | 'missing';

/** The best of a person's completions of a course, as of today; "expiring" within 60 days. */
export const competenceState = (
  course: Pick<Course, 'renewMonths'>,
  completedOn: readonly string[],
  today: string,
): { state: CompetenceState; validUntil: string | null } => {
  const done = completedOn.filter((day) => day <= today).sort();
  const latest = done.at(-1);
  if (!latest) return { state: 'missing', validUntil: null };
  if (!course.renewMonths) return { state: 'valid', validUntil: null };
  const validUntil = addMonths(latest, course.renewMonths);
  if (validUntil < today) return { state: 'expired', validUntil };
  return { state: validUntil <= addDays(today, 60) ? 'expiring' : 'valid', validUntil };
};

/** The courses a person needs, from all the roles they hold. */
export const requiredCourses = (catalogue: CompetenceCatalogue, roles: readonly RoleId[]) => [
  ...new Set(roles.flatMap((role) => catalogue.requirements[role] ?? [])),
];
