import { z } from 'zod';

/** A calendar day in a request, YYYY-MM-DD, that exists. */
export const calendarDate = z.iso.date('Ange ett datum som finns, som ÅÅÅÅ-MM-DD');
