import { describe, expect, it } from 'vitest';
import { loadInstrumentCatalogue } from './instruments';
import { loadScenarioCatalogue } from './training';

describe('the shipped training scenarios', () => {
  const scenarios = loadScenarioCatalogue().scenarios;

  it('name only instruments that Fristad ships', () => {
    const instruments = loadInstrumentCatalogue().instruments;
    const named = scenarios.flatMap((scenario) =>
      scenario.practise.flatMap((step) =>
        step.checks.flatMap((check) =>
          check.kind === 'riskAssessmentSigned' && check.instrument ? [check.instrument] : [],
        ),
      ),
    );
    expect(named.length).toBeGreaterThan(0);
    for (const id of named) expect(instruments.has(id), id).toBe(true);
  });

  it('give every scenario at least one step the case can show done', () => {
    for (const scenario of scenarios)
      expect(
        scenario.practise.some((step) => step.checks.length > 0),
        scenario.id,
      ).toBe(true);
  });
});
