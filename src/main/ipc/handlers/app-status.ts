import type { SecretStore } from '../../../core/ports/secret-store';
import type { AppStatus } from '../../../shared/ipc/app-status';

/** The runtime facts the status handler reports; filled from `process.versions` by the caller. */
export interface RuntimeInfo {
  readonly platform: string;
  readonly node: string;
  readonly electron: string | null;
  readonly chrome: string | null;
}

/** Dependencies of {@link createAppStatusHandler}. */
export interface AppStatusDeps {
  readonly productName: string;
  readonly version: string;
  readonly runtime: RuntimeInfo;
  readonly secrets: SecretStore;
}

/**
 * Handler of `app:get-status`: product name, version, runtime, and whether the OS keychain
 * can hold credentials right now (probed, not assumed).
 */
export function createAppStatusHandler(deps: AppStatusDeps): () => Promise<AppStatus> {
  return async () => {
    const keychain = await deps.secrets.probe();
    return {
      productName: deps.productName,
      version: deps.version,
      runtime: { ...deps.runtime },
      keychain: { ...keychain },
    };
  };
}

/** Reads the runtime facts of the current process. */
export function currentRuntime(): RuntimeInfo {
  // Electron's typings declare `electron` and `chrome` always present; in the CLI (plain Node)
  // they are not, so read the versions as the loose record they really are.
  const versions: Readonly<Record<string, string | undefined>> = process.versions;
  return {
    platform: process.platform,
    node: process.versions.node,
    electron: versions.electron ?? null,
    chrome: versions.chrome ?? null,
  };
}
