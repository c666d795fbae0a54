import { describe, expect, it } from 'vitest';
import { checkExtension, checkSession, quotaStatus, type SessionOutcome } from './quota';

const sessions = (...outcomes: SessionOutcome[]) => outcomes.map((outcome) => ({ outcome }));
const delegation = { caseWorker: 0, teamLeader: 5 };

describe('session quota and extension', () => {
  it('counts attended, no-show and client cancellations, not the provider’s cancellations', () => {
    const status = quotaStatus(
      5,
      [],
      sessions('attended', 'noShow', 'cancelledByProvider', 'cancelledByClient'),
    );
    expect(status).toEqual({ granted: 5, used: 3, remaining: 2, nearEnd: true });
    expect(quotaStatus(5, [], sessions('attended')).nearEnd).toBe(false);
  });

  it('refuses a session past the quota until an extension adds to it', () => {
    const spent = quotaStatus(2, [], sessions('attended', 'attended'));
    expect(checkSession(spent, 'attended')).toMatchObject({ ok: false });
    expect(checkSession(spent, 'cancelledByProvider')).toEqual({ ok: true });
    const extended = quotaStatus(2, [{ sessions: 3 }], sessions('attended', 'attended'));
    expect(extended).toMatchObject({ granted: 5, remaining: 3 });
    expect(checkSession(extended, 'attended')).toEqual({ ok: true });
  });

  it('needs reasons and a delegation that covers the extension', () => {
    const reason = 'Hon har börjat sätta gränser; tre samtal till om barnens umgänge.';
    expect(checkExtension({ sessions: 3, reason, deciderRole: 'teamLeader' }, delegation)).toEqual(
      [],
    );
    expect(
      checkExtension({ sessions: 3, reason, deciderRole: 'caseWorker' }, delegation)[0]?.message,
    ).toContain('delegation');
    expect(
      checkExtension({ sessions: 6, reason: 'mer', deciderRole: 'teamLeader' }, delegation).map(
        (problem) => problem.field,
      ),
    ).toEqual(['sessions', 'reason']);
    expect(
      checkExtension({ sessions: 0, reason, deciderRole: 'teamLeader' }, delegation)[0]?.field,
    ).toBe('sessions');
  });
});
