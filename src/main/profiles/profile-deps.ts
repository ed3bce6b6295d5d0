import { DEMO_PROFILE_ID } from '../../shared/ipc/profiles';
import type { DemoTenant } from '../demo-tenant/demo-tenant';
import type { ProfileHandlerDeps } from '../ipc/handlers/profile-handlers';
import { HttpsClient } from '../net/https-client';
import { connectProfile, discoverTenantId } from './profile-connection';
import type { DemoTenantHost, MicrosoftCloud } from './profile-connection';
import { ProfileError } from './profile-store';
import type { ProfileStore } from './profile-store';

/** Wires the profile handlers: the demo profile to the demo tenant, others to their own tenants. */
export function profileHandlerDeps(
  store: ProfileStore,
  cloud: MicrosoftCloud,
  demo: DemoTenantHost,
): ProfileHandlerDeps {
  return {
    store,
    connect: async (id, limits) => {
      if (id === DEMO_PROFILE_ID) return demo.connect(limits);
      const profile = await store.get(id);
      if (profile === null) throw new ProfileError(`No profile "${id}".`);
      return connectProfile(store, profile, cloud, limits);
    },
    discoverTenant: (domain) => discoverTenantId(domain, cloud),
  };
}

/**
 * A "cloud" that is a running demo tenant: for tests and trainers only, never the default. Its
 * certificate is trusted for its own origins only; an Okta org URL in the profile must also be
 * the demo tenant's to be trusted.
 */
export function demoTenantCloud(tenant: DemoTenant): MicrosoftCloud {
  return {
    loginHost: tenant.entraHost,
    graphUrl: tenant.graphUrl,
    https: () =>
      new HttpsClient([{ origins: [tenant.oktaUrl, tenant.entraHost, tenant.graphUrl], caPem: tenant.caCertPem }]),
    knownAuthority: new URL(tenant.entraHost).host,
  };
}
