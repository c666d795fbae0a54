import { describe, expect, it } from 'vitest';
import { checkAcknowledgement, planHandover } from './handover';

describe('hand-over', () => {
  const base = { currentOwnerUserId: 'anna', toUserId: 'bo', pending: null, caseClosed: false };

  it('may be proposed to someone else on an open case with no hand-over waiting', () => {
    expect(planHandover(base)).toEqual({ ok: true });
  });

  it('refuses the current owner, a second pending hand-over and a closed case, with a reason', () => {
    expect(planHandover({ ...base, toUserId: 'anna' })).toMatchObject({
      code: 'handover.same_owner',
    });
    expect(planHandover({ ...base, pending: { id: 'h', toUserId: 'cia' } })).toMatchObject({
      code: 'handover.pending',
    });
    expect(planHandover({ ...base, caseClosed: true })).toMatchObject({ code: 'handover.closed' });
  });

  it('is confirmed only by its recipient, once', () => {
    const open = { toUserId: 'bo', acknowledgedAt: null, cancelledAt: null };
    expect(checkAcknowledgement(open, 'bo')).toEqual({ ok: true });
    expect(checkAcknowledgement(open, 'anna')).toMatchObject({ code: 'handover.not_recipient' });
    expect(checkAcknowledgement({ ...open, acknowledgedAt: new Date() }, 'bo')).toMatchObject({
      code: 'handover.pending',
    });
  });
});
