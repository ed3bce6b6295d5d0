import { describe, expect, it } from 'vitest';
import { connectToDemoTenant } from '../collect/demo-connection';
import { contosoRenderer } from '../demo-tenant/contoso';
import { startDemoTenant } from '../demo-tenant/demo-tenant';
import type { DemoTenantOptions } from '../demo-tenant/demo-tenant';
import { runPreflight } from './preflight';

/*
 * Pre-flight against demo tenants started with and without the permissions and licence the
 * collector needs; every probe goes through the official SDKs.
 */

async function preflight(options: DemoTenantOptions, oktaAuth: 'api-token' | 'private-key' = 'api-token') {
  const tenant = await startDemoTenant(options);
  const connection = connectToDemoTenant(tenant, { requestTimeoutMs: 5_000, stepTimeoutMs: 10_000 }, oktaAuth);
  try {
    return await runPreflight(connection, { profileId: 'test', domain: 'contoso.com' });
  } finally {
    connection.close();
    await tenant.stop();
  }
}

describe('pre-flight against the demo tenant', () => {
  it('passes every check with the permissions the collector needs', async () => {
    const report = await preflight({});
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'okta.users',
        'okta.apps',
        'okta.logs',
        'okta.policies',
        'entra.token',
        'graph.permission.User.Read.All',
        'graph.permission.AuditLog.Read.All',
        'graph.permission.Domain.Read.All',
        'graph.signIns',
        'graph.domain',
      ]),
    );
    expect(report.checks.find((c) => c.id === 'okta.apps')?.detail).toContain('contoso.com');
  });

  it('names each missing Graph permission and where to grant it', async () => {
    const report = await preflight({ grants: { graphRoles: ['User.Read.All'] } });
    expect(report.ok).toBe(false);
    const failed = report.checks.filter((c) => c.status === 'fail');
    expect(failed.map((c) => c.id).sort()).toEqual([
      'graph.permission.AuditLog.Read.All',
      'graph.permission.Domain.Read.All',
    ]);
    for (const check of failed) {
      expect(check.fix).toContain('API permissions');
      expect(check.fix).toContain(check.id.replace('graph.permission.', ''));
      expect(check.fix).toContain('Grant admin consent');
    }
  });

  it('reports the missing Entra ID P1 licence for sign-in logs', async () => {
    const report = await preflight({
      render: (endpoints, certificates) => {
        const state = contosoRenderer()(endpoints, certificates);
        return { ...state, entra: { ...state.entra, hasP1: false } };
      },
    });
    const signIns = report.checks.find((c) => c.id === 'graph.signIns');
    expect(signIns).toMatchObject({ status: 'fail', detail: expect.stringMatching(/P1 or P2/) as unknown });
    expect(signIns?.fix).toMatch(/licence/);
    expect(report.ok).toBe(false);
  });

  it('names the Okta scope each probe lacks, for a service app holding only some', async () => {
    const report = await preflight({ grants: { oktaScopes: ['okta.users.read', 'okta.apps.read'] } }, 'private-key');
    expect(report.ok).toBe(false);
    const status = Object.fromEntries(
      report.checks.filter((c) => c.id.startsWith('okta.')).map((c) => [c.id, c.status]),
    );
    expect(status).toEqual({ 'okta.users': 'pass', 'okta.apps': 'pass', 'okta.logs': 'fail', 'okta.policies': 'fail' });
    expect(report.checks.find((c) => c.id === 'okta.logs')?.fix).toMatch(/Okta API Scopes › Grant okta\.logs\.read/);
    expect(report.checks.find((c) => c.id === 'okta.policies')?.fix).toMatch(/Grant okta\.policies\.read/);
  });

  it('says which scopes to check when Okta refuses to issue a token for the scopes asked', async () => {
    const tenant = await startDemoTenant({ grants: { oktaScopes: ['okta.users.read', 'okta.apps.read'] } });
    const c = tenant.credentials;
    // A real profile asks for every scope the collector needs, whatever was granted. Okta answers
    // invalid_scope; the SDK would take that answer for a token, the client's token guard names
    // the scopes Okta refused.
    const all = ['okta.users.read', 'okta.apps.read', 'okta.logs.read', 'okta.policies.read'];
    const connection = connectToDemoTenant(
      { ...tenant, credentials: { ...c, okta: { ...c.okta, scopes: all } } },
      { requestTimeoutMs: 5_000, stepTimeoutMs: 10_000 },
      'private-key',
    );
    try {
      const report = await runPreflight(connection, { profileId: 'test' });
      for (const check of report.checks.filter((x) => x.id.startsWith('okta.'))) {
        expect(check.status, check.id).toBe('fail');
        expect(check.fix, check.id).toMatch(/Okta API Scopes › Grant okta\.logs\.read, okta\.policies\.read\./);
      }
    } finally {
      connection.close();
      await tenant.stop();
    }
  });

  it('reports a wrong client secret with where to make a new one', async () => {
    const tenant = await startDemoTenant();
    const connection = connectToDemoTenant(
      {
        ...tenant,
        credentials: {
          ...tenant.credentials,
          entra: { ...tenant.credentials.entra, clientSecret: 'wrong-secret-value' },
        },
      },
      { requestTimeoutMs: 5_000, stepTimeoutMs: 10_000 },
    );
    try {
      const report = await runPreflight(connection, { profileId: 'test' });
      const token = report.checks.find((c) => c.id === 'entra.token');
      expect(token).toMatchObject({ status: 'fail', detail: expect.stringMatching(/invalid_client/) as unknown });
      expect(token?.fix).toContain('Certificates & secrets');
      expect(JSON.stringify(report)).not.toContain('wrong-secret-value');
    } finally {
      connection.close();
      await tenant.stop();
    }
  });
});
