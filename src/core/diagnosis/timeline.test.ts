import { describe, expect, it } from 'vitest';
import { addEvents, addSignIns, browserSso, healthyBundle, legacyDeny, signIn } from '../test-support/fixtures';
import { buildContext } from './context';
import { buildTimeline } from './timeline';

describe('cross-IdP timeline', () => {
  it('puts both sides on one UTC line, oldest first', () => {
    const timeline = buildTimeline(buildContext(healthyBundle((b) => addEvents(b, ...legacyDeny(5)))));
    const times = timeline.map((t) => Date.parse(t.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(timeline.map((t) => t.side))).toEqual(new Set(['okta', 'entra']));
  });

  it('joins an Okta assertion to the Entra sign-in that consumed it', () => {
    const sso = browserSso(40);
    const entra = signIn({ minute: 41, code: 51004 });
    const timeline = buildTimeline(buildContext(healthyBundle((b) => (addEvents(b, sso), addSignIns(b, entra)))));
    const oktaEntry = timeline.find((t) => t.id === sso.uuid);
    const entraEntry = timeline.find((t) => t.id === entra.id);
    expect(oktaEntry?.relatedIds).toEqual([entra.id]);
    expect(entraEntry?.relatedIds).toEqual([sso.uuid]);
    expect(entraEntry).toMatchObject({ counterpart: 'joined', outcome: 'failure', code: 'AADSTS51004' });
  });

  it('does not join across addresses or beyond five minutes', () => {
    const sso = browserSso(40, 'SUCCESS', '198.51.100.23');
    const elsewhere = signIn({ minute: 41, ip: '203.0.113.77' });
    const late = signIn({ minute: 50 });
    const timeline = buildTimeline(
      buildContext(healthyBundle((b) => (addEvents(b, sso), addSignIns(b, elsewhere, late)))),
    );
    expect(timeline.find((t) => t.id === sso.uuid)).toMatchObject({ relatedIds: [], counterpart: 'missing' });
  });

  it('marks a federated Entra error with no Okta half as missing, and an Okta deny as expecting none', () => {
    const orphan = signIn({ minute: 100, code: 51004, ip: '192.0.2.1' });
    const denies = legacyDeny(70);
    const timeline = buildTimeline(
      buildContext(healthyBundle((b) => (addEvents(b, ...denies), addSignIns(b, orphan)))),
    );
    expect(timeline.find((t) => t.id === orphan.id)?.counterpart).toBe('missing');
    expect(timeline.find((t) => t.id === denies[1]?.uuid)).toMatchObject({
      outcome: 'denied',
      counterpart: 'not-expected',
    });
  });
});

describe('cross-IdP timeline: what expects an Entra half', () => {
  it('does not expect one for a sign-in whose request the policy then denied', () => {
    const timeline = buildTimeline(buildContext(healthyBundle((b) => addEvents(b, ...legacyDeny(40)))));
    const wsTrust = timeline.filter((t) => t.side === 'okta' && t.title.includes('WS-Trust'));
    expect(wsTrust).toHaveLength(2);
    for (const entry of wsTrust) {
      expect(entry.counterpart).toBe('not-expected');
    }
  });

  it('does not join a refresh-token sign-in to an Okta assertion', () => {
    const sso = browserSso(40);
    const refresh = signIn({ minute: 41, incomingTokenType: 'primaryRefreshToken' });
    const timeline = buildTimeline(buildContext(healthyBundle((b) => (addEvents(b, sso), addSignIns(b, refresh)))));
    expect(timeline.find((t) => t.id === refresh.id)).toMatchObject({ relatedIds: [], counterpart: 'not-expected' });
  });
});
