/**
 * The perpetrator pathway (digest 003 §4.7–4.9): the intervention ladder (insatstrappan) with who
 * owns each level — social services up to influence and support, ATV (the region) for treatment —
 * and the first-contact checklist, which shows whether the victim has a current risk assessment
 * so the worker knows whether to ask the risk questions now.
 */
export const ladderLevels = [
  {
    code: 'detection',
    owner: 'socialServices',
    sv: 'Upptäckt: frågan ställs, kontakten tas',
    en: 'Detection: the question is asked, contact is made',
  },
  {
    code: 'motivation',
    owner: 'socialServices',
    sv: 'Motivation: samtal om förändring, ofta inom råd och service',
    en: 'Motivation: conversations about change, often as advice and service',
  },
  {
    code: 'influence',
    owner: 'socialServices',
    sv: 'Påverkan och stöd: samtalsstöd efter utredning och beslut',
    en: 'Influence and support: counselling after investigation and decision',
  },
  {
    code: 'treatment',
    owner: 'region',
    sv: 'Behandling: ATV eller annan specialiserad behandling (remiss med samtycke)',
    en: 'Treatment: ATV or other specialised treatment (referral with consent)',
  },
] as const;
export type LadderLevel = (typeof ladderLevels)[number]['code'];

/** Moving up to treatment hands over to another principal: only with the person's consent. */
export const checkLadderMove = (
  to: LadderLevel,
  context: { consentToRegion: boolean },
): { ok: true } | { ok: false; message: string } =>
  ladderLevels.find((level) => level.code === to)!.owner === 'region' && !context.consentToRegion
    ? {
        ok: false,
        message:
          'Behandling hos ATV är en annan huvudman: remissen kräver personens samtycke. Registrera samtycket först.',
      }
    : { ok: true };

export const firstContactItems = [
  'children',
  'victimSafety',
  'weapons',
  'substanceUse',
  'mentalHealth',
] as const;
export type FirstContactItem = (typeof firstContactItems)[number];

/**
 * What the first contact must cover. When the victim has no current risk assessment (or is not
 * known to social services) the risk questions are asked of the perpetrator now, not later.
 */
export const firstContactPlan = (
  answered: readonly FirstContactItem[],
  victim: { hasCurrentAssessment: boolean },
) => ({
  remaining: firstContactItems.filter((item) => !answered.includes(item)),
  askRiskNow: !victim.hasCurrentAssessment,
});
