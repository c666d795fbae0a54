import { calendarDate } from './calendar-date';
import { z } from 'zod';

export const tags = ['insatser'];
export { calendarDate };
export const typeId = z.string().uuid('Välj en insats ur katalogen.');
export const created = { 201: z.object({ id: z.string() }) };
