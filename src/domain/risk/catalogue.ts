import { factorVocabularySchema, type FactorVocabulary } from './factors';
import { parseInstrument, type DefinitionError, type InstrumentDefinition } from './instrument';

export type InstrumentCatalogue = {
  factors: FactorVocabulary;
  instruments: ReadonlyMap<string, InstrumentDefinition>;
};

export class InvalidDefinitionError extends Error {
  constructor(
    readonly file: string,
    readonly errors: DefinitionError[],
  ) {
    super(
      `${file}: ${errors.map((error) => `${error.path || '(root)'}: ${error.message}`).join('; ')}`,
    );
    this.name = 'InvalidDefinitionError';
  }
}

/**
 * Builds the catalogue from already-read JSON documents (the server reads instruments/; tests
 * pass their own). Any invalid document stops it with every error and its path.
 */
export const buildCatalogue = (
  factorsJson: unknown,
  definitions: readonly { file: string; json: unknown }[],
): InstrumentCatalogue => {
  const vocabulary = factorVocabularySchema.safeParse(factorsJson);
  if (!vocabulary.success)
    throw new InvalidDefinitionError(
      'common-factors.json',
      vocabulary.error.issues.map((issue) => ({
        path: issue.path.join('.'),
        message: issue.message,
      })),
    );
  const known = new Set(vocabulary.data.factors.map((factor) => factor.code));
  const instruments = new Map<string, InstrumentDefinition>();
  for (const { file, json } of definitions) {
    const parsed = parseInstrument(json, known);
    if (!parsed.ok) throw new InvalidDefinitionError(file, parsed.errors);
    if (instruments.has(parsed.instrument.id))
      throw new InvalidDefinitionError(file, [
        { path: 'id', message: `instrument "${parsed.instrument.id}" is defined twice` },
      ]);
    instruments.set(parsed.instrument.id, parsed.instrument);
  }
  return { factors: vocabulary.data, instruments };
};
