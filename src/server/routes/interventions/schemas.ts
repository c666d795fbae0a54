import { z } from 'zod';

export const tags = ['insatser'];
export const calendarDate = z.iso.date('Ange ett datum som finns, som ÅÅÅÅ-MM-DD');
export const typeId = z.string().uuid('Välj en insats ur katalogen.');
export const created = { 201: z.object({ id: z.string() }) };
