import { z } from 'zod';
import { instrumentSchema } from './instrument';

/** The definition format as a JSON Schema (draft 2020-12), derived from the one zod schema. */
export const instrumentJsonSchema = () => ({
  ...z.toJSONSchema(instrumentSchema, { io: 'input' }),
  title: 'Fristad risk instrument definition',
});
