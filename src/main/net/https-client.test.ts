import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoTenant } from '../demo-tenant/demo-tenant';
import type { DemoTenant } from '../demo-tenant/demo-tenant';
import { HttpsClient } from './https-client';

/*
 * The one way out of main to the network: HTTPS only, TLS always verified, an extra CA trusted
 * for the origins it was pinned to and nowhere else, and every call bounded.
 */

let tenant: DemoTenant;
beforeAll(async () => {
  tenant = await startDemoTenant({ faults: { hang: ['okta.users'] } });
});
afterAll(async () => {
  await tenant.stop();
});

const pinnedToOkta = (): HttpsClient => new HttpsClient([{ origins: [tenant.oktaUrl], caPem: tenant.caCertPem }]);

describe('HttpsClient', () => {
  it('refuses a non-HTTPS URL before any connection is made', async () => {
    let connections = 0;
    const plain = createServer((_req, res) => res.end('{}'));
    plain.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    const { port } = plain.address() as AddressInfo;
    try {
      await expect(pinnedToOkta().send({ url: `http://127.0.0.1:${String(port)}/`, timeoutMs: 2_000 })).rejects.toThrow(
        `Refusing a non-HTTPS request to http://127.0.0.1:${String(port)}`,
      );
      expect(connections).toBe(0);
    } finally {
      plain.close();
    }
  });

  it('trusts the pinned CA for its origin', async () => {
    const res = await pinnedToOkta().send({ url: `${tenant.oktaUrl}/.well-known/okta-organization`, timeoutMs: 5_000 });
    expect(res.status).toBeLessThan(500);
  });

  it('does not let the pinned CA vouch for another origin, even on the same host', async () => {
    // Graph presents a certificate from the same CA on another port: not pinned there, so the
    // system trust store decides, and it does not know the demo CA.
    await expect(pinnedToOkta().send({ url: `${tenant.graphUrl}/v1.0/users`, timeoutMs: 5_000 })).rejects.toThrow(
      /self[- ]signed|unable to verify|certificate/i,
    );
    await expect(new HttpsClient().send({ url: `${tenant.oktaUrl}/`, timeoutMs: 5_000 })).rejects.toThrow(
      /self[- ]signed|unable to verify|certificate/i,
    );
  });

  it('ends a request that gets no answer at its timeout', async () => {
    const started = performance.now();
    await expect(
      pinnedToOkta().send({ url: `${tenant.oktaUrl}/api/v1/users/someone`, timeoutMs: 300 }),
    ).rejects.toThrow(/timed out after 300 ms/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('ends a request when its signal is aborted, and refuses one already aborted', async () => {
    const controller = new AbortController();
    const pending = pinnedToOkta().send({
      url: `${tenant.oktaUrl}/api/v1/users/someone`,
      timeoutMs: 30_000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toThrow();
    await expect(
      pinnedToOkta().send({ url: `${tenant.oktaUrl}/`, timeoutMs: 5_000, signal: AbortSignal.abort() }),
    ).rejects.toThrow();
  });
});
