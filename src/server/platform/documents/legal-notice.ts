import { swedishDate } from '../../../domain/calendar';
import { citeLegalReference } from '../../../domain/law/legal-references';

/**
 * The secrecy a printed document carries, cited from the law catalogue for the day it is
 * printed: what applies to the paper is the law on the day it leaves the printer.
 */
export const secrecyCitation = (printedAt: Date, language: 'sv' | 'en' = 'sv') =>
  citeLegalReference('osl.socialServicesSecrecy', swedishDate(printedAt), language);

/** The ground for handing a collaboration summary over: consent, or another catalogued ground. */
export const disclosureCitation = (printedAt: Date) =>
  citeLegalReference('osl.consent', swedishDate(printedAt));
