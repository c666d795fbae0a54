import { describe, expect, it } from 'vitest';
import {
  checkConsentDraft,
  consentCovers,
  type ConsentQuestion,
  type ConsentRecipient,
  type ConsentRecord,
} from './consent';

const bops: ConsentRecipient = {
  kind: 'police',
  organisationId: null,
  unitId: null,
  label: 'Polisen, BOPS',
};
const jouren: ConsentRecipient = { ...bops, kind: 'other', label: 'Kvinnojouren' };

let sequence = 0;
const record = (overrides: Partial<ConsentRecord> = {}): ConsentRecord => ({
  id: `consent-${++sequence}`,
  decision: 'given',
  recipients: [bops],
  categories: ['riskAssessments', 'safetyPlan'],
  givenBy: 'self',
  giverName: null,
  givenOn: '2026-11-01',
  expiresOn: '2027-05-01',
  withdrawnOn: null,
  recordedAt: new Date(2026, 10, sequence),
  ...overrides,
});

const question: ConsentQuestion = {
  recipient: { ...bops, label: 'polisen, bops ' },
  categories: ['riskAssessments'],
  today: '2026-11-25',
  subjectAge: 34,
  custodianCount: 0,
};

describe('consent', () => {
  it('matches a unit chosen from the directory by its id, whatever its label says', () => {
    const atv: ConsentRecipient = {
      kind: 'healthCare',
      organisationId: 'region',
      unitId: 'atv',
      label: 'Region Övningslän – Alternativ till våld (ATV)',
    };
    const given = record({ recipients: [atv] });
    // A referral names the unit with a comma; the picker showed a dash: the same recipient.
    const asReferralNamesIt = { ...atv, label: 'Region Övningslän, Alternativ till våld (ATV)' };
    expect(consentCovers([given], { ...question, recipient: asReferralNamesIt }).covered).toBe(
      true,
    );
    // Another unit of the same organisation is another recipient; the whole organisation covers both.
    const other = { ...atv, unitId: 'psykiatri', label: 'Region Övningslän – Psykiatri' };
    expect(consentCovers([given], { ...question, recipient: other }).covered).toBe(false);
    const region = record({ recipients: [{ ...atv, unitId: null, label: 'Region Övningslän' }] });
    expect(consentCovers([region], { ...question, recipient: other }).covered).toBe(true);
    // Words typed to match a unit do not stand in for its id.
    const typed = record({
      recipients: [{ ...asReferralNamesIt, organisationId: null, unitId: null }],
    });
    expect(consentCovers([typed], { ...question, recipient: atv }).covered).toBe(false);
  });

  it('matches an agency outside Fristad by its words, whatever the separator or case', () => {
    const school: ConsentRecipient = { ...jouren, label: 'Skolan – elevhälsan' };
    const given = record({ recipients: [school] });
    expect(
      consentCovers([given], {
        ...question,
        recipient: { ...school, label: 'skolan, Elevhälsan ' },
      }).covered,
    ).toBe(true);
  });

  it('covers a recipient and categories it names while in force', () => {
    const given = record();
    expect(consentCovers([given], question)).toEqual({ covered: true, consentIds: [given.id] });
    expect(consentCovers([given], { ...question, categories: ['health'] }).covered).toBe(false);
    expect(consentCovers([given], { ...question, recipient: jouren }).covered).toBe(false);
    expect(consentCovers([given], { ...question, today: '2027-05-02' }).covered).toBe(false);
  });

  it('ends with a withdrawal or a later refusal, and a refusal is reported as such', () => {
    expect(consentCovers([record({ withdrawnOn: '2026-11-20' })], question).covered).toBe(false);
    const answer = consentCovers(
      [record(), record({ decision: 'refused', categories: [] })],
      question,
    );
    expect(answer).toMatchObject({ covered: false, reasonSv: /nekats/ });
    // A yes given after the refusal counts again: the person changed their mind.
    expect(
      consentCovers([record({ decision: 'refused', categories: [] }), record()], question).covered,
    ).toBe(true);
  });

  it('needs each custodian of a child separately', () => {
    const child = { ...question, subjectAge: 9, custodianCount: 2 };
    const mother = record({ givenBy: 'custodian', giverName: 'Anna Testsson' });
    const father = record({ givenBy: 'custodian', giverName: 'Bo Testsson' });
    expect(consentCovers([mother], child)).toMatchObject({ covered: false, reasonSv: /1 av 2/ });
    expect(consentCovers([mother, father], child).covered).toBe(true);
    expect(consentCovers([record()], child).covered).toBe(false);
    const refusal = record({ givenBy: 'custodian', giverName: 'Bo Testsson', decision: 'refused' });
    expect(consentCovers([mother, father, refusal], child).covered).toBe(false);
  });

  it('checks a consent before it is recorded', () => {
    const draft = {
      decision: 'given' as const,
      recipients: [bops],
      categories: ['riskAssessments' as const],
      givenBy: 'custodian' as const,
      giverName: '',
      givenOn: '2026-11-26',
      expiresOn: '2026-11-01',
      purpose: 'Samverkan om skydd',
    };
    expect(checkConsentDraft(draft, '2026-11-25').map((problem) => problem.field)).toEqual([
      'giverName',
      'givenOn',
      'expiresOn',
    ]);
    expect(
      checkConsentDraft(
        { ...draft, givenBy: 'self', givenOn: '2026-11-25', expiresOn: null },
        '2026-11-25',
      ),
    ).toEqual([]);
    expect(
      checkConsentDraft(
        { ...draft, decision: 'refused', categories: [], recipients: [], purpose: '' },
        '2026-11-25',
      ).map((problem) => problem.field),
    ).toEqual(['purpose', 'recipients', 'giverName', 'givenOn', 'expiresOn']);
  });
});
