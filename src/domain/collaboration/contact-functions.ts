import type { FieldProblem } from '../field-issues';

/**
 * Functions in the regional contact directory (digest 000: collaboration rests on persons, not
 * functions — when the person moves on, the contact is lost). Each organisation keeps its own
 * entries; everyone in the county reads them, with who holds the function now and before, and
 * the path for evenings and weekends.
 */
export const contactFunctions = [
  { code: 'bopsContact', sv: 'Kontakt på BOPS (polisen)', en: 'BOPS contact (police)' },
  { code: 'communityPolice', sv: 'Kommunpolis', en: 'Community police officer' },
  { code: 'vinrCoordinator', sv: 'VINR-samordnare', en: 'VINR coordinator' },
  {
    code: 'protectedHousingContact',
    sv: 'Kontakt för skyddat boende',
    en: 'Protected housing contact',
  },
  { code: 'onCallSocialServices', sv: 'Socialjour', en: 'On-call social services' },
  { code: 'housingCompany', sv: 'Bostadsbolag', en: 'Housing company' },
  { code: 'healthCentre', sv: 'Vårdcentral', en: 'Health centre' },
  { code: 'shelter', sv: 'Kvinnojour / ideell organisation', en: "Women's shelter / NGO" },
  { code: 'perpetratorProgramme', sv: 'Stöd till våldsutövare', en: 'Perpetrator programme' },
] as const;
export type ContactFunction = (typeof contactFunctions)[number]['code'];

export type ContactDraft = {
  holderName: string;
  phone: string;
  hours: string;
  outOfHours: string;
  validFrom: string;
};

/** Checks a new holder of a function: a name, a way to reach them, and how to reach someone after hours. */
export const checkContact = (draft: ContactDraft, today: string): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  if (draft.holderName.trim().length < 2)
    problems.push({
      field: 'holderName',
      message: 'Skriv vem som har funktionen.',
      code: 'required',
    });
  if (!/^[0-9+ ()-]{5,20}$/.test(draft.phone.trim()))
    problems.push({
      field: 'phone',
      message: 'Skriv ett telefonnummer (siffror, mellanslag, +, -).',
      code: 'notAPhoneNumber',
    });
  if (draft.outOfHours.trim().length < 5)
    problems.push({
      field: 'outOfHours',
      message:
        'Skriv vart man vänder sig kvällar och helger, även om svaret är ”112 / socialjouren”.',
      code: 'required',
    });
  if (draft.validFrom > today)
    problems.push({
      field: 'validFrom',
      message: 'Registrera en ny innehavare från i dag eller tidigare.',
      code: 'dateInFuture',
    });
  return problems;
};
