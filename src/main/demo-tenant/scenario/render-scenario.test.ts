import { describe, expect, it } from 'vitest';
import type { OktaLogEvent } from '../../../core/evidence/vendor-types';
import { encodeGuidImmutableId, renderScenario } from './render-scenario';
import { CERTIFICATES, contosoScenario, ENDPOINTS, NOW } from './scenario-test-support';

/*
 * The renderer: deterministic, relative to "now", and writing the vendor shapes of the domain
 * reference (§1.7 samples, §3.2 beta sign-ins, §3.4 federation settings, §6 ImmutableIDs).
 */

const scenario = contosoScenario();
const render = (now: Date, seed?: number) =>
  renderScenario(scenario, {
    now,
    endpoints: ENDPOINTS,
    certificates: CERTIFICATES,
    ...(seed !== undefined ? { seed } : {}),
  });
const state = render(NOW);

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Every ISO timestamp in a value, with its path, except certificate expiries (fixed by the certificate). */
function timestamps(value: unknown, path = ''): [string, number][] {
  if (typeof value === 'string') return ISO.test(value) ? [[path, Date.parse(value)]] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => timestamps(v, `${path}[${String(i)}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (k === 'expiresAt' ? [] : timestamps(v, `${path}.${k}`)));
  }
  return [];
}

function eventsOf(upn: string): OktaLogEvent[] {
  return state.okta.logEvents.filter((e) => e.actor?.alternateId === upn);
}

describe('renderScenario', () => {
  it('is deterministic for a seed and a now', () => {
    expect(JSON.stringify(render(NOW))).toBe(JSON.stringify(state));
  });

  it('draws different ids from a different seed, with the same story', () => {
    const other = render(NOW, 7);
    // Jitter moves events by milliseconds, so only the interleaving of users may differ.
    const types = (events: readonly OktaLogEvent[]): string[] => events.map((e) => e.eventType).sort();
    expect(types(other.okta.logEvents)).toEqual(types(state.okta.logEvents));
    expect(other.okta.logEvents[0]?.uuid).not.toBe(state.okta.logEvents[0]?.uuid);
    expect(other.graph.signIns[0]?.id).not.toBe(state.graph.signIns[0]?.id);
  });

  it('writes every timestamp relative to now: another now shifts each one by the same amount', () => {
    const shift = 3 * 3_600_000 + 17 * 60_000 + 42_000;
    const later = render(new Date(NOW.getTime() + shift));
    const before = timestamps(state);
    const after = timestamps(later);
    expect(after.map(([path]) => path)).toEqual(before.map(([path]) => path));
    expect(before.length).toBeGreaterThan(500);
    for (const [i, [path, at]] of before.entries()) {
      expect(after[i]?.[1], path).toBe(at + shift);
    }
    // Ids do not depend on now, so the same records can be compared across renders.
    expect(later.okta.logEvents.map((e) => e.uuid)).toEqual(state.okta.logEvents.map((e) => e.uuid));
  });

  it('puts every demo user’s story in the last day, sorted by time', () => {
    const oldest = NOW.getTime() - 24 * 3_600_000;
    for (const list of [
      state.okta.logEvents.map((e) => e.published),
      state.graph.signIns.map((s) => s.createdDateTime),
    ]) {
      expect([...list].sort()).toEqual(list);
      for (const at of list) {
        expect(Date.parse(at)).toBeLessThanOrEqual(NOW.getTime());
        expect(Date.parse(at)).toBeGreaterThan(oldest);
      }
    }
  });

  it('writes a legacy deny as session.start SUCCESS and policy DENY in one transaction (§1.7 a)', () => {
    const [start, deny] = eventsOf('scan-to-email@contoso.com');
    expect(start?.eventType).toBe('user.session.start');
    expect(start?.outcome).toEqual({ result: 'SUCCESS', reason: null });
    expect(deny?.eventType).toBe('policy.evaluate_sign_on');
    expect(deny?.outcome).toEqual({ result: 'DENY', reason: 'Sign-on policy evaluation resulted in DENY' });
    expect(deny?.transaction?.id).toBe(start?.transaction?.id);
    expect(deny?.debugContext?.debugData?.requestId).toBe(start?.transaction?.id);
    expect(deny?.debugContext?.debugData?.requestUri).toMatch(
      /^\/app\/office365\/exk[A-Za-z0-9]{17}\/sso\/wsfed\/active$/,
    );
    expect(deny?.target?.map((t) => [t.type, t.displayName])).toEqual([
      ['AppInstance', 'Microsoft Office 365'],
      ['PolicyEntity', 'Microsoft Office 365'],
      ['PolicyRule', 'Catch-all Rule'],
    ]);
    expect(deny?.target?.[2]?.id).toMatch(/^rul/);
    expect(deny?.target?.[2]?.alternateId).toBe(deny?.target?.[1]?.id);
    // Exchange Online relayed it: Microsoft's network is the next hop.
    expect(start?.request?.ipChain?.map((hop) => hop.ip)).toEqual(['198.51.100.10', '192.0.2.250']);
    expect(start?.securityContext?.asNumber).toBe(8075);
  });

  it('writes rich-client failures with appName, instanceId and loginResult (§1.7 b)', () => {
    const failure = eventsOf('dmitri.volkov@contoso.com').find(
      (e) => e.eventType === 'user.authentication.auth_via_richclient',
    );
    const app = state.okta.apps[0];
    expect(failure?.outcome).toEqual({ result: 'FAILURE', reason: 'INVALID_CREDENTIALS' });
    expect(failure?.debugContext?.debugData).toMatchObject({
      appName: 'office365',
      instanceId: app?.id,
      loginResult: 'INVALID_CREDENTIALS',
    });
    expect(failure?.authenticationContext?.externalSessionId).toBeNull();
    expect(failure?.client?.zone).toBe('null');
    expect(failure?.client?.userAgent?.rawUserAgent).toBe(
      'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.4266; Pro)',
    );
  });

  it('names the matched network zone, and writes "null" when none matched', () => {
    const office = eventsOf('sophie.laurent@contoso.com')[0];
    expect(office?.client?.zone).toBe('Corporate Offices');
    const blocked = eventsOf('elena.petrova@contoso.com')[0];
    expect(blocked?.eventType).toBe('security.request.blocked');
    expect(blocked?.client?.zone).toBe('Anonymizers (blocklist)');
    expect(eventsOf('jordan.blake@contoso.com')[0]?.client?.zone).toBe('null');
  });

  it('lets Okta pick the rule a request would match', () => {
    const ruleOf = (upn: string): string | null | undefined =>
      eventsOf(upn).find((e) => e.eventType === 'policy.evaluate_sign_on')?.target?.[2]?.displayName;
    expect(ruleOf('sophie.laurent@contoso.com')).toBe('Allow Web and Modern Auth – office network');
    expect(ruleOf('ava.thompson@contoso.com')).toBe('Allow Web and Modern Auth');
    expect(ruleOf('jordan.blake@contoso.com')).toBe('Contractors – office network only');
    // The MFA rule adds the verification before the session starts.
    expect(eventsOf('ava.thompson@contoso.com')[0]?.eventType).toBe('user.authentication.auth_via_mfa');
  });

  it('writes Entra sign-ins in the beta shape', () => {
    const signIn = state.graph.signIns.find((s) => s.userPrincipalName === 'luis.fernandez@contoso.com');
    expect(signIn).toMatchObject({
      appDisplayName: 'Microsoft Teams',
      authenticationProtocol: 'deviceCode',
      originalTransferMethod: 'none',
      incomingTokenType: 'saml11',
      tokenIssuerType: 'ADFederationServices',
      conditionalAccessStatus: 'failure',
      status: { errorCode: 53003 },
    });
    expect(signIn?.appliedConditionalAccessPolicies?.[0]).toMatchObject({
      displayName: 'Microsoft-managed: Block device code flow',
      result: 'failure',
      enforcedGrantControls: ['Block'],
    });
    expect(signIn?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(signIn?.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('quotes the ImmutableID Okta sent in AADSTS51004', () => {
    const appUser = Object.values(state.okta.appUsers)
      .flat()
      .find((a) => a.credentials?.userName === 'kenji.watanabe@contoso.com');
    const signIn = state.graph.signIns.find((s) => s.userPrincipalName === 'kenji.watanabe@contoso.com');
    const sent = appUser?.profile?.immutableId;
    expect(sent).toMatch(/==$/);
    expect(signIn?.status?.failureReason).toContain(`The user account ${sent ?? ''} does not exist`);
  });

  it('points federation settings at the simulator’s own org URL, and breaks only what the scenario breaks', () => {
    const [contoso] = state.graph.federation['contoso.com'] ?? [];
    const app = state.okta.apps[0];
    const key = state.okta.appKeys[app?.id ?? '']?.[0];
    expect(contoso?.passiveSignInUri).toMatch(
      /^https:\/\/127\.0\.0\.1:40123\/app\/office365\/exk\w{17}\/sso\/wsfed\/passive$/,
    );
    expect(contoso?.issuerUri).toMatch(/^http:\/\/www\.okta\.com\/exk\w{17}$/);
    expect(contoso?.signingCertificate).toBe(CERTIFICATES.current);
    expect(key?.x5c?.[0]).toBe(CERTIFICATES.current);
    expect(key?.kid).toBe(app?.credentials?.signing?.kid);
    expect(key?.expiresAt).toBe('2036-11-18T20:53:27.000Z');
    expect(state.graph.federation['contoso.co.uk']?.[0]?.signingCertificate).toBe(CERTIFICATES.other);
    expect(state.graph.federation['northwindtraders.com']?.[0]?.passiveSignInUri).toBe(
      'https://sts.northwindtraders.com/adfs/ls/',
    );
    expect(state.graph.federation['fabrikam.com']).toEqual([]);
    expect(app).toMatchObject({ name: 'office365', signOnMode: 'SAML_1_1' });
  });

  it('leaves unassigned users out of the app’s users and unknown logins out of Okta', () => {
    const assigned = new Set(
      Object.values(state.okta.appUsers)
        .flat()
        .map((a) => a.credentials?.userName),
    );
    expect(assigned.has('marcus.bell@contoso.com')).toBe(false);
    expect(assigned.has('michael.chen@contoso.com')).toBe(true);
    expect(state.okta.users.some((u) => u.profile?.login === 'jonathan.pike@contoso.com')).toBe(false);
    expect(state.okta.users.some((u) => u.profile?.login === 'jpike@contoso.com')).toBe(true);
    expect(eventsOf('jonathan.pike@contoso.com')[0]?.actor?.id).toBe('unknown');
  });

  it('records the scenario’s unreadable sources as faults', () => {
    expect(state.faults).toEqual([
      {
        upn: 'yuki.tanaka@contoso.com',
        source: 'graph.signIns',
        status: 403,
        code: 'Authorization_RequestDenied',
        message: 'Insufficient privileges to complete the operation.',
      },
    ]);
  });
});

describe('encodeGuidImmutableId', () => {
  // The worked example of domain reference §6.
  const guid = '748b2d86-2c4c-4f8d-8b4e-1a1ce4c9d0e5';
  it.each([
    ['base64', 'hi2LdEwsjU+LThoc5MnQ5Q=='],
    ['base64-big-endian', 'dIsthixMT42LThoc5MnQ5Q=='],
    ['text', guid],
    ['text-base64', 'NzQ4YjJkODYtMmM0Yy00ZjhkLThiNGUtMWExY2U0YzlkMGU1'],
  ] as const)('writes the %s form', (encoding, expected) => {
    expect(encodeGuidImmutableId(guid, encoding)).toBe(expected);
  });
});
