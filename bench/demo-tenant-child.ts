import { startDemoTenant } from '../src/main/demo-tenant/demo-tenant';
import type { DemoCredentials } from '../src/main/demo-tenant/demo-tenant';
import { generateScaleTenant } from '../src/main/demo-tenant/scenario/scale';
import type { DemoUser } from '../src/main/demo-tenant/tenant-state';

/*
 * The demo tenant of P2 (bench/p2-heavy-log.ts) in a process of its own, as a real Okta runs on
 * servers of its own: its CPU (serialising every page) and its memory (the 50,000 events, query
 * caches, pages in flight) stay out of the collector's thread and resident memory.
 *
 * Bundled by vite.bench.config.mts next to the runner (out/bench/demo-tenant-child.mjs) and
 * started with child_process.fork. It takes a ChildOptions as JSON in argv[2], starts the scale
 * tenant, and talks over the IPC channel only: one `ready` message with the connection facts
 * (the URLs, tenant id, credentials and CA certificate the collector's clients need), then an
 * answer to each `count` request with the System Log pages served so far and its CPU time. It stops when the
 * parent disconnects (also when the parent dies) or on SIGTERM.
 */

/** What the child serves: the scale tenant with one heavy user, every request late. */
export interface ChildOptions {
  readonly latencyMs: number;
  readonly heavyUpn: string;
  readonly events: number;
  readonly users: number;
  readonly eventsPerUser: number;
  readonly seed: number;
  /** ISO time the tenant's events are rendered relative to. */
  readonly now: string;
}

/** How to reach the child's tenant: DemoTenant without its state (which stays in the child). */
export interface TenantFacts {
  readonly oktaUrl: string;
  readonly entraHost: string;
  readonly entraAuthority: string;
  readonly graphUrl: string;
  readonly tenantId: string;
  readonly caCertPem: string;
  readonly credentials: DemoCredentials;
  readonly user: DemoUser | null;
}

export type ChildMessage =
  | { readonly type: 'ready'; readonly facts: TenantFacts }
  | {
      readonly type: 'count';
      readonly id: number;
      readonly logRequests: number;
      /** The child's CPU time (user + system) so far, ms: the tenant's work, off the collector's thread. */
      readonly cpuMs: number;
    }
  | { readonly type: 'error'; readonly message: string };

export interface ParentMessage {
  readonly type: 'count';
  readonly id: number;
}

function send(message: ChildMessage): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  if (process.send === undefined) throw new Error('demo-tenant-child wants an IPC channel (child_process.fork).');
  const options = JSON.parse(process.argv[2] ?? '') as ChildOptions;
  let logRequests = 0;
  const tenant = await startDemoTenant({
    faults: { latencyMs: { '*': options.latencyMs } },
    render: (endpoints, certificates) =>
      generateScaleTenant({
        users: options.users,
        eventsPerUser: options.eventsPerUser,
        heavyUser: { upn: options.heavyUpn, events: options.events },
        seed: options.seed,
        now: new Date(options.now),
        endpoints,
        certificates,
      }),
    onRequest: (_service, key) => {
      if (key === 'okta.logs') logRequests++;
    },
  });
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void tenant.stop().finally(() => process.exit(0));
  };
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  process.on('message', (message: ParentMessage) => {
    // The only request there is (ParentMessage): the counters so far.
    const cpu = process.cpuUsage();
    send({ type: 'count', id: message.id, logRequests, cpuMs: (cpu.user + cpu.system) / 1000 });
  });
  send({
    type: 'ready',
    facts: {
      oktaUrl: tenant.oktaUrl,
      entraHost: tenant.entraHost,
      entraAuthority: tenant.entraAuthority,
      graphUrl: tenant.graphUrl,
      tenantId: tenant.tenantId,
      caCertPem: tenant.caCertPem,
      credentials: tenant.credentials,
      user: tenant.state.demoUsers.find((u) => u.upn === options.heavyUpn) ?? null,
    },
  });
}

main().catch((error: unknown) => {
  send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
  // Without the channel nothing holds the child: it exits.
  if (process.send !== undefined) process.disconnect();
});
