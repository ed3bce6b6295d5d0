import type { SecretStore } from '../../../core/ports/secret-store';
import { PRODUCT_NAME, PRODUCT_VERSION } from '../../product';
import type { HandlerMap } from '../dispatcher';
import { createAppStatusHandler, currentRuntime } from './app-status';
import { createDiagnosisHandlers } from './diagnosis-handlers';
import { createProfileHandlers } from './profile-handlers';
import type { ProfileHandlerDeps } from './profile-handlers';

/** What the handlers need from the composition root. */
export interface HandlerDeps {
  readonly secrets: SecretStore;
  readonly profiles: ProfileHandlerDeps;
}

/**
 * Builds every IPC handler from its dependencies.
 *
 * Used by the Electron composition root, by the CLI and by the e2e tests (which bind the
 * renderer's bridge to these same functions), so all three exercise one implementation.
 */
export function createHandlers(deps: HandlerDeps): HandlerMap {
  return {
    'app:get-status': createAppStatusHandler({
      productName: PRODUCT_NAME,
      version: PRODUCT_VERSION,
      runtime: currentRuntime(),
      secrets: deps.secrets,
    }),
    ...createProfileHandlers(deps.profiles),
    ...createDiagnosisHandlers({ connect: deps.profiles.connect }),
  };
}
