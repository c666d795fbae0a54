import { addDays } from '../calendar';

/**
 * Råd och service (RoS): contacts without a formal decision. Municipalities bound them by a
 * number of sessions (about 5), by purpose, or both (digest 003 §4.5, Table 8). Past the bound a
 * longer contact needs an investigation and a decision; RoS cannot carry risk statements, and a
 * contact may be anonymous.
 */
export type RosRule = {
  /** Sessions allowed before an investigation is needed; null when bounded by purpose only. */
  sessionCap: number | null;
  /** Days from the first contact after which RoS ends; null when not bounded in time. */
  maxDays: number | null;
};

export type RosContact = { on: string; anonymous: boolean };

export type RosState = 'open' | 'lastSession' | 'atCap' | 'expired';

export type RosStatus = {
  count: number;
  remaining: number | null;
  state: RosState;
  /** Offer to turn the contacts into an investigation (with a decision) now. */
  offerInvestigation: boolean;
  /** Plain Swedish for the worker, or null when nothing needs saying. */
  messageSv: string | null;
};

/** Where a person's RoS contacts stand against the organisation's rule. */
export const rosStatus = (
  contacts: readonly RosContact[],
  rule: RosRule,
  today: string,
): RosStatus => {
  const count = contacts.length;
  const first = [...contacts].map((contact) => contact.on).sort()[0];
  if (rule.maxDays !== null && first && addDays(first, rule.maxDays) < today)
    return {
      count,
      remaining: 0,
      state: 'expired',
      offerInvestigation: true,
      messageSv: `Råd och service gäller i ${rule.maxDays} dagar. Fortsatt kontakt kräver utredning och beslut.`,
    };
  if (rule.sessionCap === null)
    return { count, remaining: null, state: 'open', offerInvestigation: false, messageSv: null };
  const remaining = Math.max(0, rule.sessionCap - count);
  if (remaining === 0)
    return {
      count,
      remaining,
      state: 'atCap',
      offerInvestigation: true,
      messageSv: `Taket för råd och service är nått (${rule.sessionCap} samtal). Erbjud utredning så att stödet kan fortsätta.`,
    };
  if (remaining === 1)
    return {
      count,
      remaining,
      state: 'lastSession',
      offerInvestigation: true,
      messageSv: 'Nästa samtal är det sista inom råd och service. Tala om utredning och beslut.',
    };
  return { count, remaining, state: 'open', offerInvestigation: false, messageSv: null };
};

/** Whether another RoS contact may be recorded: not past the cap or the time limit. */
export const mayRecordRosContact = (status: RosStatus): boolean =>
  status.state === 'open' || status.state === 'lastSession';

/**
 * An anonymous contact carries no risk statement and no disclosure, unless someone authorised
 * decided otherwise: without an investigation nothing supports a statement about risk.
 */
export const mayStateRisk = (contact: { anonymous: boolean; authorisedDecision: boolean }) =>
  !contact.anonymous || contact.authorisedDecision;
