import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar';
import { mayRecordRosContact, mayStateRisk, rosStatus } from './advice-and-service';

const contacts = (n: number, from = '2026-11-01') =>
  Array.from({ length: n }, (_, index) => ({ on: addDays(from, index), anonymous: false }));

describe('råd och service', () => {
  const capped = { sessionCap: 5, maxDays: null };

  it('counts towards the cap, warns at the last session and offers an investigation at the cap', () => {
    expect(rosStatus(contacts(3), capped, '2026-11-25')).toMatchObject({
      state: 'open',
      remaining: 2,
      offerInvestigation: false,
    });
    expect(rosStatus(contacts(4), capped, '2026-11-25')).toMatchObject({
      state: 'lastSession',
      remaining: 1,
      offerInvestigation: true,
    });
    const atCap = rosStatus(contacts(5), capped, '2026-11-25');
    expect(atCap).toMatchObject({ state: 'atCap', remaining: 0, offerInvestigation: true });
    expect(atCap.messageSv).toContain('5 samtal');
    expect(mayRecordRosContact(atCap)).toBe(false);
    expect(mayRecordRosContact(rosStatus(contacts(4), capped, '2026-11-25'))).toBe(true);
  });

  it('ends after the time limit whatever the count, and a purpose-only rule has no counter', () => {
    const timed = { sessionCap: null, maxDays: 30 };
    expect(rosStatus(contacts(1, '2026-10-01'), timed, '2026-10-31').state).toBe('open');
    expect(rosStatus(contacts(1, '2026-10-01'), timed, '2026-11-01').state).toBe('expired');
    expect(rosStatus(contacts(9), { sessionCap: null, maxDays: null }, '2026-11-25')).toMatchObject(
      {
        state: 'open',
        remaining: null,
      },
    );
  });

  it('keeps risk statements out of anonymous contacts unless someone authorised decided', () => {
    expect(mayStateRisk({ anonymous: true, authorisedDecision: false })).toBe(false);
    expect(mayStateRisk({ anonymous: true, authorisedDecision: true })).toBe(true);
    expect(mayStateRisk({ anonymous: false, authorisedDecision: false })).toBe(true);
  });
});
