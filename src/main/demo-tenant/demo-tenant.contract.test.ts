import { PageIterator } from '@microsoft/microsoft-graph-client';
import type { PageCollection } from '@microsoft/microsoft-graph-client';
import type { Client as OktaClient } from '@okta/okta-sdk-nodejs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphSignIn, GraphUser } from '../../core/evidence/vendor-types';
import { acquireGraphToken, createEntraApp } from '../connectors/entra-token';
import { createGraphClient } from '../connectors/graph-client';
import { createOktaClient } from '../connectors/okta-client';
import type { OktaAuthentication } from '../connectors/okta-client';
import { HttpsClient } from '../net/https-client';
import { contosoRenderer } from './contoso';
import { startDemoTenant } from './demo-tenant';
import type { DemoTenant, DemoTenantOptions } from './demo-tenant';
import { matchesOktaFilter, parseOktaFilter } from './query/okta-filter';

/*
 * Contract tests: every route driven through the official clients (Okta SDK, MSAL, Microsoft
 * Graph client) over HTTPS on loopback, trusting the simulator's certificate for its origins only.
 */

const STALE = 'dmitri.volkov@contoso.com';
const ASSIGNED = 'kenji.watanabe@contoso.com';
const UNASSIGNED = 'marcus.bell@contoso.com';

async function start(
  options: Partial<DemoTenantOptions> = {},
): Promise<{ tenant: DemoTenant; https: HttpsClient; calls: string[] }> {
  const calls: string[] = [];
  const tenant = await startDemoTenant({
    render: contosoRenderer(),
    onRequest: (service, key) => calls.push(`${service}:${key}`),
    ...options,
  });
  const https = new HttpsClient([
    { origins: [tenant.oktaUrl, tenant.entraHost, tenant.graphUrl], caPem: tenant.caCertPem },
  ]);
  return { tenant, https, calls };
}

function okta(
  tenant: DemoTenant,
  https: HttpsClient,
  auth?: OktaAuthentication,
  requestTimeoutMs = 10_000,
): OktaClient {
  return createOktaClient({
    orgUrl: tenant.oktaUrl,
    auth: auth ?? { kind: 'api-token', token: tenant.credentials.okta.apiToken },
    requestTimeoutMs,
    maxRetries: 2,
    https,
  });
}

function graphFor(tenant: DemoTenant, https: HttpsClient, credential: 'secret' | 'certificate' = 'secret') {
  const c = tenant.credentials.entra;
  const app = createEntraApp({
    authority: tenant.entraAuthority,
    clientId: c.clientId,
    credential:
      credential === 'secret'
        ? { kind: 'client-secret', secret: c.clientSecret }
        : {
            kind: 'certificate',
            privateKeyPem: c.certificateKeyPem,
            certificatePem: c.certificatePem,
            thumbprintSha256Hex: Buffer.from(c.thumbprintSha256Base64Url, 'base64url').toString('hex'),
          },
    https,
    timeoutMs: 10_000,
    knownAuthority: new URL(tenant.entraHost).host,
  });
  return {
    app,
    graph: createGraphClient({
      baseUrl: tenant.graphUrl,
      getToken: () => acquireGraphToken(app),
      https,
      timeoutMs: 10_000,
    }),
  };
}

async function collect<T>(iterable: AsyncIterable<T | null>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) {
    if (item === null) break; // a polling query yields null when the next page is empty
    out.push(item);
  }
  return out;
}

function oktaUserOf(tenant: DemoTenant, upn: string) {
  const user = tenant.state.okta.users.find((u) => u.profile?.login === upn);
  if (user === undefined) throw new Error(`no Okta user ${upn}`);
  return user;
}

describe('demo tenant through the Okta SDK', () => {
  let tenant: DemoTenant;
  let https: HttpsClient;
  let calls: string[];
  beforeAll(async () => {
    ({ tenant, https, calls } = await start());
  });
  afterAll(async () => {
    https.close();
    await tenant.stop();
  });

  it('gets a user by login and answers 404 E0000007 for an unknown one', async () => {
    const client = okta(tenant, https);
    const user = await client.userApi.getUser({ userId: STALE });
    expect(user.profile?.login).toBe(STALE);
    const error = (await client.userApi.getUser({ userId: 'nobody@contoso.com' }).catch((e: unknown) => e)) as {
      status: number;
      errorCode: string;
    };
    expect(error.status).toBe(404);
    expect(error.errorCode).toBe('E0000007');
  });

  it('finds the Office 365 app by name, and the user’s app user by user.id with expand', async () => {
    const client = okta(tenant, https);
    const apps = await collect(await client.applicationApi.listApplications({ filter: 'name eq "office365"' }));
    expect(apps.length).toBeGreaterThan(0);
    // The SDK's Application type has no `name`; the API returns it (the app key name "office365").
    expect(apps.every((a) => (a as { name?: string }).name === 'office365' && a.signOnMode === 'SAML_1_1')).toBe(true);
    const user = oktaUserOf(tenant, ASSIGNED);
    const mine = await collect(
      await client.applicationApi.listApplications({ filter: `user.id eq "${user.id}"`, expand: `user/${user.id}` }),
    );
    const embedded = (mine[0] as unknown as { _embedded?: { user?: { id: string } } } | undefined)?._embedded?.user;
    expect(embedded?.id).toBe(user.id);
  });

  it('reads an app user (404 when not assigned), pages app users, and reads signing keys', async () => {
    const client = okta(tenant, https);
    const app = tenant.state.okta.apps.find((a) => a.name === 'office365');
    if (app === undefined) throw new Error('no O365 app');
    const assigned = oktaUserOf(tenant, ASSIGNED);
    const appUser = await client.applicationApi.getApplicationUser({ appId: app.id, userId: assigned.id });
    expect(appUser.id).toBe(assigned.id);
    const unassigned = oktaUserOf(tenant, UNASSIGNED);
    const miss = (await client.applicationApi
      .getApplicationUser({ appId: app.id, userId: unassigned.id })
      .catch((e: unknown) => e)) as { status: number };
    expect(miss.status).toBe(404);
    const all = await collect(await client.applicationApi.listApplicationUsers({ appId: app.id, limit: 3 }));
    expect(all.map((u) => u.id).sort()).toEqual((tenant.state.okta.appUsers[app.id] ?? []).map((u) => u.id).sort());
    const keys = await collect(await client.applicationApi.listApplicationKeys({ appId: app.id }));
    expect(keys[0]?.x5c?.[0]).toMatch(/^MII/);
  });

  it('lists a user’s app links and reads one application by id', async () => {
    const client = okta(tenant, https);
    const user = oktaUserOf(tenant, ASSIGNED);
    const links = await collect(await client.userApi.listAppLinks({ userId: user.id }));
    expect(links.some((l) => l.appName === 'office365')).toBe(true);
    const app = tenant.state.okta.apps[0];
    if (app === undefined) throw new Error('no app');
    expect((await client.applicationApi.getApplication({ appId: app.id })).id).toBe(app.id);
    const missing = (await client.applicationApi
      .getApplication({ appId: '0oaNoSuchApp000000001' })
      .catch((e: unknown) => e)) as { status: number; errorCode: string };
    expect([missing.status, missing.errorCode]).toEqual([404, 'E0000007']);
  });

  it('lists policies by type and their rules', async () => {
    const client = okta(tenant, https);
    const policies = await collect(await client.policyApi.listPolicies({ type: 'ACCESS_POLICY' }));
    expect(policies.length).toBeGreaterThan(0);
    const rules = await collect(await client.policyApi.listPolicyRules({ policyId: policies[0]?.id ?? '' }));
    expect(rules.length).toBeGreaterThan(0);
  });

  it('pages a bounded System Log query to its end, with exactly the events the filter selects', async () => {
    const client = okta(tenant, https);
    const user = oktaUserOf(tenant, STALE);
    const filter = `actor.id eq "${user.id}" and (eventType eq "user.authentication.auth_via_richclient" or eventType eq "user.session.start")`;
    const until = new Date().toISOString();
    const since = new Date(Date.now() - 7 * 86_400_000).toISOString();
    const before = calls.filter((c) => c === 'okta:okta.logs').length;
    const events = await collect(await client.systemLogApi.listLogEvents({ since, until, filter, limit: 2 }));
    const parsed = parseOktaFilter(filter);
    const expected = tenant.state.okta.logEvents.filter(
      (e) => e.published >= since && e.published < until && matchesOktaFilter(parsed, e),
    );
    expect(expected.length).toBeGreaterThan(2);
    expect(events.map((e) => e.uuid)).toEqual(expected.map((e) => e.uuid));
    expect(calls.filter((c) => c === 'okta:okta.logs').length - before).toBe(Math.ceil(expected.length / 2));
  });

  it('keeps the window’s start on every page of a query shorter than 7 days', async () => {
    // The next link drops `since` (as Okta's does); page 2 must still page the same window, not
    // the 7 days before `until`, or a sliced week is read several times over.
    const client = okta(tenant, https);
    const user = oktaUserOf(tenant, STALE);
    const filter = `actor.id eq "${user.id}"`;
    const until = new Date().toISOString();
    const parsed = parseOktaFilter(filter);
    const week = tenant.state.okta.logEvents.filter(
      (e) => e.published >= new Date(Date.now() - 7 * 86_400_000).toISOString() && matchesOktaFilter(parsed, e),
    );
    const since = week[2]?.published ?? '';
    expect(since).not.toBe('');
    const expected = week.filter((e) => e.published >= since && e.published < until);
    expect(expected.length).toBeGreaterThan(1);
    const events = await collect(await client.systemLogApi.listLogEvents({ since, until, filter, limit: 1 }));
    expect(events.map((e) => e.uuid)).toEqual(expected.map((e) => e.uuid));
  });

  it('keeps a polling query (no until) open with a next link', async () => {
    const client = okta(tenant, https);
    const user = oktaUserOf(tenant, STALE);
    const events = await collect(
      await client.systemLogApi.listLogEvents({
        since: new Date(Date.now() - 86_400_000).toISOString(),
        filter: `actor.id eq "${user.id}"`,
        limit: 1000,
      }),
    );
    expect(events.length).toBeGreaterThan(0);
  });

  it('rejects co on requestUri with 400 E0000031 and a malformed filter with Okta’s error JSON', async () => {
    const client = okta(tenant, https);
    for (const [filter, code] of [
      ['debugContext.debugData.requestUri co "wsfed"', 'E0000031'],
      ['eventType eq "unterminated', 'E0000031'],
      ['eventType eqq "x"', 'E0000053'],
    ] as const) {
      const error = (await collect(await client.systemLogApi.listLogEvents({ filter, limit: 10 })).catch(
        (e: unknown) => e,
      )) as { status: number; errorCode: string };
      expect(error.status, filter).toBe(400);
      expect(error.errorCode, filter).toBe(code);
    }
  });

  it('keeps an injected quote inside the literal', async () => {
    const client = okta(tenant, https);
    const hostile = 'x" or actor.id pr or eventType eq "y';
    const events = await collect(
      await client.systemLogApi.listLogEvents({
        filter: `actor.alternateId eq ${JSON.stringify(hostile)}`,
        limit: 100,
        until: new Date().toISOString(),
      }),
    );
    expect(events).toEqual([]);
  });

  it('authenticates an OAuth service app with a private-key JWT and enforces its scopes', async () => {
    const c = tenant.credentials.okta;
    const full = okta(tenant, https, {
      kind: 'private-key',
      clientId: c.clientId,
      privateKeyPem: c.privateKeyPem,
      keyId: c.keyId,
      scopes: c.scopes,
    });
    expect((await full.userApi.getUser({ userId: STALE })).profile?.login).toBe(STALE);
    const usersOnly = okta(tenant, https, {
      kind: 'private-key',
      clientId: c.clientId,
      privateKeyPem: c.privateKeyPem,
      scopes: ['okta.users.read'],
    });
    const error = (await collect(await usersOnly.systemLogApi.listLogEvents({ limit: 1 })).catch(
      (e: unknown) => e,
    )) as { status: number; errorCode: string };
    expect(error.status).toBe(403);
    expect(error.errorCode).toBe('E0000006');
  });

  it('refuses a wrong API token with 401 E0000011', async () => {
    const client = okta(tenant, https, { kind: 'api-token', token: '00wrong-token-0000000000000000000000000000' });
    const error = (await client.userApi.getUser({ userId: STALE }).catch((e: unknown) => e)) as {
      status: number;
      errorCode: string;
    };
    expect(error.status).toBe(401);
    expect(error.errorCode).toBe('E0000011');
  });
});

describe('demo tenant faults through the Okta SDK', () => {
  it('answers 429 E0000047 with X-Rate-Limit headers, and the SDK retries after X-Rate-Limit-Reset', async () => {
    const { tenant, https, calls } = await start({
      faults: { rateLimitBursts: { 'okta.users': 1 } },
      rateLimits: { windowSeconds: 1 },
    });
    try {
      const user = await okta(tenant, https).userApi.getUser({ userId: STALE });
      expect(user.profile?.login).toBe(STALE);
      expect(calls.filter((c) => c === 'okta:okta.users')).toHaveLength(2);
    } finally {
      https.close();
      await tenant.stop();
    }
  }, 15_000);

  it('lets an OAuth token expire: 401, then the SDK fetches a new token and retries', async () => {
    const { tenant, https, calls } = await start({ faults: { tokenLifetimeSeconds: 1 } });
    try {
      const c = tenant.credentials.okta;
      const client = okta(tenant, https, {
        kind: 'private-key',
        clientId: c.clientId,
        privateKeyPem: c.privateKeyPem,
        scopes: c.scopes,
      });
      await client.userApi.getUser({ userId: STALE });
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      await client.userApi.getUser({ userId: STALE });
      expect(calls.filter((x) => x === 'okta:okta.token')).toHaveLength(2);
      expect(calls.filter((x) => x === 'okta:okta.users')).toHaveLength(3);
    } finally {
      https.close();
      await tenant.stop();
    }
  }, 15_000);

  it('times out a hung route, answers 503 for server errors, and breaks JSON when told to', async () => {
    const { tenant, https } = await start({
      faults: { hang: ['okta.logs'], serverErrorRate: { 'okta.policies': 1 }, truncateJson: ['okta.apps'] },
    });
    try {
      const client = okta(tenant, https, undefined, 400);
      const hung = await collect(await client.systemLogApi.listLogEvents({ limit: 1 })).catch((e: unknown) => e);
      expect(String(hung)).toMatch(/time|abort/i);
      const down = (await collect(await client.policyApi.listPolicies({ type: 'ACCESS_POLICY' })).catch(
        (e: unknown) => e,
      )) as { status: number };
      expect(down.status).toBe(503);
      const broken = await collect(await client.applicationApi.listApplications({})).catch((e: unknown) => e);
      expect(broken).toBeInstanceOf(Error);
    } finally {
      https.close();
      await tenant.stop();
    }
  });
});

describe('demo tenant through MSAL and the Graph client', () => {
  let tenant: DemoTenant;
  let https: HttpsClient;
  beforeAll(async () => {
    ({ tenant, https } = await start());
  });
  afterAll(async () => {
    https.close();
    await tenant.stop();
  });

  it('issues tokens for a client secret and a certificate, with the Graph roles', async () => {
    for (const credential of ['secret', 'certificate'] as const) {
      const { app } = graphFor(tenant, https, credential);
      const token = await acquireGraphToken(app);
      const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
        roles: string[];
        tid: string;
      };
      expect(claims.tid).toBe(tenant.tenantId);
      expect(claims.roles).toEqual(['User.Read.All', 'AuditLog.Read.All', 'Domain.Read.All']);
    }
  });

  it('refuses a bad client secret with invalid_client', async () => {
    const c = tenant.credentials.entra;
    const app = createEntraApp({
      authority: tenant.entraAuthority,
      clientId: c.clientId,
      credential: { kind: 'client-secret', secret: 'not-the-secret' },
      https,
      timeoutMs: 5_000,
      knownAuthority: new URL(tenant.entraHost).host,
    });
    const error = (await acquireGraphToken(app).catch((e: unknown) => e)) as { errorCode?: string; message: string };
    expect(`${error.errorCode ?? ''} ${error.message}`).toMatch(/invalid_client/);
  });

  it('returns onPremisesImmutableId only when selected, and 404 for an unknown user', async () => {
    const { graph } = graphFor(tenant, https);
    const plain = (await graph.api(`/users/${ASSIGNED}`).get()) as Record<string, unknown>;
    expect(plain.userPrincipalName).toBe(ASSIGNED);
    expect('onPremisesImmutableId' in plain).toBe(false);
    const selected = (await graph
      .api(`/users/${ASSIGNED}`)
      .select(['id', 'onPremisesImmutableId', 'accountEnabled'])
      .get()) as GraphUser;
    expect('onPremisesImmutableId' in selected).toBe(true);
    const error = (await graph
      .api('/users/nobody@contoso.com')
      .get()
      .catch((e: unknown) => e)) as { statusCode: number; code: string };
    expect(error.statusCode).toBe(404);
    expect(error.code).toBe('Request_ResourceNotFound');
  });

  it('lists users with $filter, $select and $top, following @odata.nextLink', async () => {
    const { graph } = graphFor(tenant, https);
    const first = (await graph
      .api('/users')
      .filter("startswith(userPrincipalName,'room-')")
      .select(['id', 'userPrincipalName'])
      .top(1)
      .get()) as PageCollection;
    expect(first['@odata.nextLink']).toBeDefined();
    const all: { userPrincipalName: string }[] = [];
    await new PageIterator(graph, first, (u) => {
      all.push(u as { userPrincipalName: string });
      return true;
    }).iterate();
    const expected = tenant.state.graph.users.filter((u) => u.userPrincipalName?.startsWith('room-') === true);
    expect(all.map((u) => u.userPrincipalName).sort()).toEqual(expected.map((u) => u.userPrincipalName).sort());
    expect(all.every((u) => Object.keys(u).sort().join() === 'id,userPrincipalName')).toBe(true);
  });

  it("addresses a UPN that starts with $ by the users('…') key form", async () => {
    const { graph } = graphFor(tenant, https);
    const byKey = (await graph.api(`/users('${ASSIGNED}')`).get()) as GraphUser;
    expect(byKey.userPrincipalName).toBe(ASSIGNED);
    const error = (await graph
      .api("/users('$nobody@contoso.com')")
      .get()
      .catch((e: unknown) => e)) as { statusCode: number; code: string };
    expect([error.statusCode, error.code]).toEqual([404, 'Request_ResourceNotFound']);
  });

  it('publishes the keys that verify its Graph tokens (JWKS)', async () => {
    const { app } = graphFor(tenant, https);
    const token = await acquireGraphToken(app);
    const res = await https.send({ url: `${tenant.entraAuthority}/discovery/v2.0/keys`, timeoutMs: 5_000 });
    const jwks = JSON.parse(res.body.toString('utf8')) as {
      keys: (import('node:crypto').JsonWebKey & { kid: string })[];
    };
    const { createPublicKey } = await import('node:crypto');
    const { verifyJwt } = await import('./crypto/jwt');
    const keys = jwks.keys.map((k) => createPublicKey({ key: k, format: 'jwk' }));
    expect(verifyJwt(token, { publicKeys: keys, audience: 'https://graph.microsoft.com' }).ok).toBe(true);
  });

  it('pages a user’s sign-ins with $filter through PageIterator; beta adds the protocol fields', async () => {
    const { graph } = graphFor(tenant, https);
    const upn = 'luis.fernandez@contoso.com';
    const since = new Date(Date.now() - 7 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const filter = `userPrincipalName eq '${upn}' and createdDateTime ge ${since}`;
    const first = (await graph.api('/auditLogs/signIns').version('beta').filter(filter).top(1).get()) as PageCollection;
    const all: GraphSignIn[] = [];
    await new PageIterator(graph, first, (s) => {
      all.push(s as GraphSignIn);
      return true;
    }).iterate();
    const expected = tenant.state.graph.signIns.filter(
      (s) => s.userPrincipalName === upn && s.createdDateTime >= since && s.isInteractive !== false,
    );
    expect(all.length).toBe(expected.length);
    expect(all.length).toBeGreaterThan(0);
    expect(all.some((s) => s.authenticationProtocol !== undefined)).toBe(true);
    const v1 = (await graph.api('/auditLogs/signIns').version('v1.0').filter(filter).get()) as { value: GraphSignIn[] };
    expect(v1.value.some((s) => 'authenticationProtocol' in s)).toBe(false);
  });

  it('escapes OData literals: a quote in a value cannot widen the filter', async () => {
    const { graph } = graphFor(tenant, https);
    const hostile = "x' or userPrincipalName ne 'y";
    const result = (await graph
      .api('/auditLogs/signIns')
      .filter(`userPrincipalName eq '${hostile.replaceAll("'", "''")}'`)
      .get()) as { value: unknown[] };
    expect(result.value).toEqual([]);
  });

  it('reads a domain and its federation configuration', async () => {
    const { graph } = graphFor(tenant, https);
    const domain = (await graph.api('/domains/contoso.com').get()) as { authenticationType: string };
    expect(domain.authenticationType).toBe('Federated');
    const fed = (await graph.api('/domains/contoso.com/federationConfiguration').get()) as {
      value: { passiveSignInUri: string }[];
    };
    expect(fed.value[0]?.passiveSignInUri.startsWith(`${tenant.oktaUrl}/app/office365/`)).toBe(true);
  });

  it('answers a per-user source fault only for that user', async () => {
    const { graph } = graphFor(tenant, https);
    const fault = tenant.state.faults?.find((f) => f.source === 'graph.signIns');
    if (fault === undefined) throw new Error('Contoso has no faulted user');
    const error = (await graph
      .api('/auditLogs/signIns')
      .filter(`userPrincipalName eq '${fault.upn}'`)
      .get()
      .catch((e: unknown) => e)) as { statusCode: number; code: string };
    expect(error.statusCode).toBe(fault.status);
    expect(error.code).toBe(fault.code);
  });
});

describe('demo tenant Graph faults and permissions', () => {
  it('retries a 429 after Retry-After (RetryHandler)', async () => {
    const { tenant, https, calls } = await start({ faults: { rateLimitBursts: { 'graph.users': 1 } } });
    try {
      const { graph } = graphFor(tenant, https);
      const user = (await graph.api(`/users/${ASSIGNED}`).get()) as GraphUser;
      expect(user.userPrincipalName).toBe(ASSIGNED);
      expect(calls.filter((c) => c === 'graph:graph.users')).toHaveLength(2);
    } finally {
      https.close();
      await tenant.stop();
    }
  }, 15_000);

  it('answers 403 Authorization_RequestDenied without AuditLog.Read.All, and the P1 error without a licence', async () => {
    const noRole = await start({ grants: { graphRoles: ['User.Read.All'] } });
    const noP1 = await start({
      render: (e, c) => {
        const state = contosoRenderer()(e, c);
        return { ...state, entra: { ...state.entra, hasP1: false } };
      },
    });
    try {
      const denied = (await graphFor(noRole.tenant, noRole.https)
        .graph.api('/auditLogs/signIns')
        .get()
        .catch((e: unknown) => e)) as { statusCode: number; code: string };
      expect([denied.statusCode, denied.code]).toEqual([403, 'Authorization_RequestDenied']);
      const unlicensed = (await graphFor(noP1.tenant, noP1.https)
        .graph.api('/auditLogs/signIns')
        .get()
        .catch((e: unknown) => e)) as { statusCode: number; code: string };
      expect([unlicensed.statusCode, unlicensed.code]).toEqual([
        403,
        'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
      ]);
    } finally {
      for (const t of [noRole, noP1]) {
        t.https.close();
        await t.tenant.stop();
      }
    }
  });

  it('answers 401 InvalidAuthenticationToken for an expired token', async () => {
    const { tenant, https } = await start({ faults: { tokenLifetimeSeconds: 1 } });
    try {
      const { app } = graphFor(tenant, https);
      const token = await acquireGraphToken(app);
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      const graph = createGraphClient({
        baseUrl: tenant.graphUrl,
        getToken: () => Promise.resolve(token),
        https,
        timeoutMs: 5_000,
      });
      const error = (await graph
        .api(`/users/${ASSIGNED}`)
        .get()
        .catch((e: unknown) => e)) as { statusCode: number; code: string };
      expect([error.statusCode, error.code]).toEqual([401, 'InvalidAuthenticationToken']);
    } finally {
      https.close();
      await tenant.stop();
    }
  }, 15_000);
});

describe('demo tenant trust', () => {
  it('is not trusted by a client that was not given its certificate', async () => {
    const { tenant, https } = await start();
    try {
      const stranger = new HttpsClient();
      const error = await stranger
        .send({ url: `${tenant.oktaUrl}/api/v1/users/x`, timeoutMs: 5_000 })
        .catch((e: unknown) => e);
      expect(String((error as { code?: string }).code ?? error)).toMatch(/SELF_SIGNED|CERT|certificate/i);
      stranger.close();
    } finally {
      https.close();
      await tenant.stop();
    }
  });
});
