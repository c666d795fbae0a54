import { describe, expect, it } from 'vitest';
import { stepStatus, type PracticeFacts } from './feedback';

const nothingYet: PracticeFacts = {
  childrenAnswered: false,
  screeningsAsked: 0,
  concernReports: 0,
  signedInstruments: [],
  safetyPlan: false,
  safeContact: false,
  needsRecorded: false,
  adviceContacts: 0,
  stagesReached: ['intake'],
};

describe('training feedback', () => {
  it('leaves a step that names nothing to reflection, never calling it done', () => {
    expect(stepStatus([], nothingYet)).toBe('reflect');
    expect(stepStatus([], { ...nothingYet, safetyPlan: true })).toBe('reflect');
  });

  it('calls a step done only when everything it names holds', () => {
    const both = [{ kind: 'riskAssessmentSigned' as const }, { kind: 'safetyPlanMade' as const }];
    expect(stepStatus(both, { ...nothingYet, signedInstruments: ['sara-sv'] })).toBe('notYet');
    expect(
      stepStatus(both, { ...nothingYet, signedInstruments: ['sara-sv'], safetyPlan: true }),
    ).toBe('done');
  });

  it('asks for the named instrument when the step names one', () => {
    const patriark = [{ kind: 'riskAssessmentSigned' as const, instrument: 'patriark' }];
    expect(stepStatus(patriark, { ...nothingYet, signedInstruments: ['freda-kortfragor'] })).toBe(
      'notYet',
    );
    expect(stepStatus(patriark, { ...nothingYet, signedInstruments: ['patriark'] })).toBe('done');
  });

  it('counts a stage reached earlier as reached', () => {
    const investigation = [{ kind: 'stageReached' as const, stage: 'investigation' as const }];
    expect(stepStatus(investigation, nothingYet)).toBe('notYet');
    expect(
      stepStatus(investigation, {
        ...nothingYet,
        stagesReached: ['intake', 'investigation', 'closed'],
      }),
    ).toBe('done');
  });
});
