import { describe, expect, it } from 'vitest';
import type { Presence, RiskLevel } from '../../../domain/risk/assessment';
import { planStatusChange, checkFollowThrough } from '../../../domain/risk-management/plan';
import {
  checkRules,
  provisionWarnings,
  suggestMeasures,
  type SuggestionRule,
} from '../../../domain/risk-management/suggestions';
import { loadInstrumentCatalogue } from './instruments';
import { loadRiskManagementCatalogues } from './risk-management';

const { factors } = loadInstrumentCatalogue();
const { measures, rules, checklists } = loadRiskManagementCatalogues(factors);
const levels: RiskLevel[] = ['low', 'medium', 'high'];
const rank = { low: 0, medium: 1, high: 2 };

/** An input that meets the rule's conditions, and one that misses them. */
const meeting = (rule: SuggestionRule) => ({
  level: rule.when.minLevel ?? rule.when.maxLevel ?? 'medium',
  findings: new Map<string, Presence>(
    rule.when.factorsAny ? [[rule.when.factorsAny[0]!, 'present']] : [],
  ),
});
const missing = (rule: SuggestionRule) => {
  const { minLevel, maxLevel, factorsAny } = rule.when;
  const outside = levels.find(
    (level) =>
      (minLevel && rank[level] < rank[minLevel]) || (maxLevel && rank[level] > rank[maxLevel]),
  );
  return {
    level: outside ?? meeting(rule).level,
    // With a level condition the level misses; without one, the factors are absent.
    findings: new Map<string, Presence>(
      factorsAny && outside === undefined ? factorsAny.map((factor) => [factor, 'absent']) : [],
    ),
  };
};

describe('the shipped measure catalogue, rules and checklists', () => {
  it('load and validate, and cover every strategy', () => {
    expect(new Set(measures.measures.map((measure) => measure.strategy))).toEqual(
      new Set(['monitoring', 'supervision', 'treatment', 'victimSafety']),
    );
    expect(
      measures.measures.filter((measure) => measure.code.startsWith('contactBan')),
    ).toHaveLength(4);
    expect(checklists.checklists.map((checklist) => checklist.id)).toEqual([
      'honourViolence',
      'stalking',
      'acutePlacement',
      'childrenInProtectedHousing',
      'leavingProtectedHousing',
      'returnHomeMunicipality',
    ]);
  });

  it('refuses a rule that names a measure or factor that does not exist, with its path', () => {
    const broken = {
      ...rules,
      rules: [{ ...rules.rules[0]!, suggest: ['teleport'], when: { factorsAny: ['moonPhase'] } }],
    };
    expect(
      checkRules(broken, measures, new Set(factors.factors.map((factor) => factor.code))),
    ).toEqual([
      { path: 'rules[0].suggest[0]', message: 'unknown measure "teleport"' },
      { path: 'rules[0].when.factorsAny[0]', message: 'unknown factor "moonPhase"' },
    ]);
  });

  describe.each(rules.rules.map((rule) => [rule.id, rule] as const))('rule %s', (_, rule) => {
    it('suggests its measures with its explanation when its conditions hold', () => {
      const suggestions = suggestMeasures(rules, measures, meeting(rule));
      for (const code of rule.suggest) {
        const suggestion = suggestions.find((entry) => entry.measure.code === code);
        expect(suggestion?.reasons, code).toContainEqual({
          ruleId: rule.id,
          because: rule.because,
        });
      }
    });

    it('stays silent when they do not', () => {
      const cited = suggestMeasures(rules, measures, missing(rule)).flatMap((entry) =>
        entry.reasons.map((reason) => reason.ruleId),
      );
      expect(cited).not.toContain(rule.id);
    });
  });

  it('gives every reason for a measure suggested by several rules, and leaves out what is planned', () => {
    const input = {
      level: 'high' as const,
      findings: new Map<string, Presence>([['strangulation', 'present']]),
    };
    const alarm = suggestMeasures(rules, measures, input).find(
      (entry) => entry.measure.code === 'safetyAlarm',
    );
    expect(alarm?.reasons.map((reason) => reason.ruleId)).toEqual([
      'highRiskProtection',
      'lethalityMarkers',
    ]);
    const planned = suggestMeasures(rules, measures, input, new Set(['safetyAlarm']));
    expect(planned.map((entry) => entry.measure.code)).not.toContain('safetyAlarm');
  });
});

describe('provision warnings', () => {
  const byCode = (code: string) => measures.measures.find((measure) => measure.code === code)!;

  it('warn when risk is high and nothing protects, and when risk is low and measures are far-reaching', () => {
    expect(provisionWarnings('high', [byCode('supportTalks')]).map((w) => w.code)).toEqual([
      'underProvision',
    ]);
    expect(provisionWarnings('high', [byCode('safetyAlarm')])).toEqual([]);
    expect(provisionWarnings('low', [byCode('protectedHousing')]).map((w) => w.code)).toEqual([
      'overProvision',
    ]);
    expect(provisionWarnings('medium', [byCode('protectedHousing')])).toEqual([]);
  });
});

describe('measure status and follow-through', () => {
  it('moves a measure only along its lifecycle and asks why it was declined or ended', () => {
    expect(planStatusChange('proposed', 'offered', null)).toEqual({ ok: true });
    expect(planStatusChange('offered', 'accepted', null)).toEqual({ ok: true });
    expect(planStatusChange('accepted', 'active', null)).toEqual({ ok: true });
    expect(planStatusChange('active', 'ended', 'Kontaktförbudet löpte ut.')).toEqual({ ok: true });
    expect(planStatusChange('ended', 'active', null)).toMatchObject({
      code: 'measure.transition_not_allowed',
    });
    expect(planStatusChange('offered', 'declined', null)).toMatchObject({
      code: 'measure.reason_required',
    });
    expect(planStatusChange('active', 'offered', null)).toMatchObject({
      message: expect.stringContaining('Möjliga steg: Avslutad'),
    });
  });

  it('lets a signed assessment be followed through only by a plan or a reasoned “no measures”', () => {
    expect(checkFollowThrough({ measures: [], noMeasuresReason: null })).toMatchObject({
      code: 'plan.missing',
    });
    expect(checkFollowThrough({ measures: [], noMeasuresReason: 'Nej' })).toMatchObject({
      code: 'plan.missing',
    });
    expect(
      checkFollowThrough({
        measures: [],
        noMeasuresReason: 'Låg risk, den utsatta har eget nätverk och vill inte ha insatser.',
      }),
    ).toEqual({ ok: true });
    expect(
      checkFollowThrough({ measures: [{ status: 'proposed' }], noMeasuresReason: null }),
    ).toEqual({
      ok: true,
    });
  });
});
