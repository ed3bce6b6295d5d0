import { DEMO_PROFILE_ID, secretKindsFor } from '../../../shared/ipc/profiles';
import type { PreflightReport } from '../../../shared/ipc/profiles';
import type { RunLimits, SourceConnection } from '../../collect/source-connection';
import { runPreflight } from '../../profiles/preflight';
import { ProfileError } from '../../profiles/profile-store';
import type { ProfileStore } from '../../profiles/profile-store';
import { KeychainUnavailableError } from '../../secrets/keychain-secret-store';
import type { HandlerMap } from '../dispatcher';
import { IpcFailure } from '../ipc-failure';
import { withKnownSecretsMasked } from './mask-known-secrets';

/** What the profile handlers need from the composition root. */
export interface ProfileHandlerDeps {
  readonly store: ProfileStore;
  /** A live connection for a profile (the demo tenant for the built-in one), within the given limits. */
  readonly connect: (profileId: string, limits?: RunLimits) => Promise<SourceConnection>;
  readonly discoverTenant: (domain: string) => Promise<string>;
}

/** Maps store and keychain errors to results the renderer can show; others stay "internal". */
async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error: unknown) {
    if (error instanceof KeychainUnavailableError) throw new IpcFailure('unavailable', error.message);
    if (error instanceof ProfileError) throw new IpcFailure('invalid-input', error.message);
    throw error;
  }
}

type ProfileChannels =
  | 'profiles:list'
  | 'profiles:save'
  | 'profiles:delete'
  | 'secrets:set'
  | 'profiles:preflight'
  | 'entra:discover-tenant';

/**
 * Handlers of the tenant-connection channels. Secrets go in through `secrets:set` and never
 * come back out: every answer carries statuses only (the output schemas have no field for a
 * value, and the dispatcher strips nothing — it refuses undeclared fields).
 */
export function createProfileHandlers(deps: ProfileHandlerDeps): Pick<HandlerMap, ProfileChannels> {
  // Masked here too, not only in createHandlers: the CLI calls these handlers directly and prints
  // what they throw.
  return withKnownSecretsMasked({
    'profiles:list': () => guard(async () => ({ profiles: [...(await deps.store.list())] })),
    'profiles:save': ({ profile }) => guard(() => deps.store.save(profile)),
    'profiles:delete': ({ id }) => guard(async () => ({ deleted: await deps.store.delete(id) })),
    'secrets:set': ({ profileId, kind, value }) =>
      guard(async () => {
        await deps.store.setSecret(profileId, kind, value);
        return { kind, configured: true as const };
      }),
    'profiles:preflight': ({ id }) =>
      guard(async (): Promise<PreflightReport> => {
        const profile = await deps.store.get(id);
        if (profile === null) throw new ProfileError(`No profile "${id}".`);
        const connection = await deps.connect(id);
        try {
          const tenantDomain =
            profile.entra.tenant.includes('.') && id !== DEMO_PROFILE_ID ? profile.entra.tenant : undefined;
          const report = await runPreflight(connection, {
            profileId: id,
            ...(tenantDomain === undefined ? {} : { domain: tenantDomain }),
          });
          if (report.ok) await deps.store.markVerified(id, secretKindsFor(profile));
          return report;
        } finally {
          connection.close();
        }
      }),
    'entra:discover-tenant': ({ domain }) => guard(async () => ({ tenantId: await deps.discoverTenant(domain) })),
  });
}
