import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkContent, emptyContent, itemsOf, signingProblems } from './assessment';
import { parseInstrument, type InstrumentDefinition } from './instrument';

/**
 * Property tests over the definition format and the engine: generated definitions of every
 * shape, and generated mistakes in them.
 */
const factors = ['escalation', 'threats', 'weapons', 'separation', 'extremeFear'];
const known = new Set(factors);
const text = fc.record({ sv: fc.string({ minLength: 1 }), en: fc.string({ minLength: 1 }) });
const code = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,7}$/);

const choiceScale = fc.uniqueArray(code, { minLength: 2, maxLength: 5 }).chain((codes) =>
  fc.record({
    kind: fc.constant('choice' as const),
    options: fc.tuple(
      ...codes.map((option, index) =>
        fc.record({
          code: fc.constant(option),
          label: text,
          points: fc.constant(index),
          unknown: fc.constant(index === codes.length - 1),
        }),
      ),
    ),
  }),
);
const numberScale = fc
  .tuple(fc.integer({ min: -100, max: 100 }), fc.integer({ min: 0, max: 100 }))
  .map(([min, span]) => ({ kind: 'number' as const, min, max: min + span, integer: true }));

/** A valid definition: unique ids, scales that exist, factors from the vocabulary. */
const definition: fc.Arbitrary<InstrumentDefinition> = fc
  .record({
    scaleNames: fc.uniqueArray(code, { minLength: 1, maxLength: 4 }),
    itemIds: fc.uniqueArray(code, { minLength: 1, maxLength: 20 }),
    judgementIds: fc.uniqueArray(code, { minLength: 1, maxLength: 4 }),
    sectionCount: fc.integer({ min: 1, max: 4 }),
    scored: fc.boolean(),
  })
  .chain(({ scaleNames, itemIds, judgementIds, sectionCount, scored }) =>
    fc.record({
      id: fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/),
      version: fc.constant('1.0.0'),
      name: text,
      description: text,
      kind: fc.constantFrom('screening', 'actuarial', 'structuredJudgement') as fc.Arbitrary<
        InstrumentDefinition['kind']
      >,
      subjects: fc.constant(['victim'] as InstrumentDefinition['subjects']),
      licence: fc.record({
        note: text,
        requiresPermission: fc.boolean(),
        requiresTraining: fc.boolean(),
      }),
      sourceNote: text,
      // The first scale is a choice scale with points, so a scored definition is valid.
      scales: fc
        .tuple(choiceScale, ...scaleNames.slice(1).map(() => fc.oneof(choiceScale, numberScale)))
        .map((scales) =>
          Object.fromEntries(scaleNames.map((name, index) => [name, scales[index]!])),
        ),
      sections: fc
        .tuple(
          ...itemIds.map((id, index) =>
            fc.record({
              id: fc.constant(id),
              label: text,
              // The first item uses the pointed scale, so a scored definition has points to sum.
              scale: index === 0 ? fc.constant(scaleNames[0]!) : fc.constantFrom(...scaleNames),
              required: fc.boolean(),
              currentAndPast: fc.boolean(),
              factors: fc.subarray(factors),
            }),
          ),
        )
        .map((items) =>
          Array.from({ length: Math.min(sectionCount, items.length) }, (_, index) => ({
            id: `section${index}`,
            title: { sv: `Del ${index + 1}`, en: `Part ${index + 1}` },
            items: items.filter(
              (_, itemIndex) => itemIndex % Math.min(sectionCount, items.length) === index,
            ),
          })),
        ),
      score: fc.constant(
        scored ? { method: 'sumOfPoints' as const, label: { sv: 'Poäng', en: 'Points' } } : null,
      ),
      judgements: fc.constant(
        judgementIds.map((id) => ({
          id,
          label: { sv: id, en: id },
          scale: scaleNames[0]!,
          required: true,
        })),
      ),
      scenarios: fc.constant(null),
      victimAppraisal: fc.constant(null),
    }),
  ) as fc.Arbitrary<InstrumentDefinition>;

describe('instrument definitions (property tests)', () => {
  it('any valid definition loads', () => {
    fc.assert(
      fc.property(definition, (json) => {
        const parsed = parseInstrument(json, known);
        expect(parsed.ok ? [] : parsed.errors).toEqual([]);
      }),
    );
  });

  it('a definition missing a required part is refused with the path of the error', () => {
    const required = [
      'id',
      'version',
      'name',
      'licence',
      'scales',
      'sections',
      'judgements',
    ] as const;
    fc.assert(
      fc.property(definition, fc.constantFrom(...required), (json, key) => {
        const broken: Record<string, unknown> = { ...json };
        delete broken[key];
        const parsed = parseInstrument(broken, known);
        expect(parsed.ok).toBe(false);
        if (!parsed.ok) expect(parsed.errors.map((error) => error.path)).toContain(key);
      }),
    );
  });

  it('an item naming a scale or factor that does not exist is refused at that item', () => {
    fc.assert(
      fc.property(definition, fc.nat(), fc.boolean(), (json, pick, breakScale) => {
        const sectionIndex = pick % json.sections.length;
        const section = json.sections[sectionIndex]!;
        const itemIndex = pick % section.items.length;
        const broken = structuredClone(json);
        const item = broken.sections[sectionIndex]!.items[itemIndex]!;
        if (breakScale) item.scale = 'noSuchScale';
        else item.factors = [...item.factors, 'noSuchFactor'];
        const parsed = parseInstrument(broken, known);
        expect(parsed.ok).toBe(false);
        const expected = breakScale
          ? `sections[${sectionIndex}].items[${itemIndex}].scale`
          : `sections[${sectionIndex}].items[${itemIndex}].factors[${item.factors.length - 1}]`;
        if (!parsed.ok) expect(parsed.errors.map((error) => error.path)).toContain(expected);
      }),
    );
  });

  it('an answer outside an item’s scale is refused', () => {
    fc.assert(
      fc.property(definition, fc.nat(), (json, pick) => {
        const items = itemsOf(json);
        const item = items[pick % items.length]!;
        const scale = json.scales[item.scale]!;
        const outside = scale.kind === 'choice' ? 'notAnOption' : scale.max + 1;
        const content = { ...emptyContent(), answers: { [item.id]: { value: outside } } };
        expect(checkContent(json, content).map((error) => error.path)).toEqual([
          `answers.${item.id}.value`,
        ]);
      }),
    );
  });

  it('signing is refused while a required item, judgement or the reasons are empty', () => {
    fc.assert(
      fc.property(definition, (json) => {
        const content = emptyContent();
        const problems = signingProblems(json, content).map((problem) => problem.path);
        for (const item of itemsOf(json).filter((entry) => entry.required))
          expect(problems).toContain(`answers.${item.id}`);
        for (const judgement of json.judgements)
          expect(problems).toContain(`judgements.${judgement.id}`);
        expect(problems).toContain('finalJudgement.reasons');
      }),
    );
  });
});
