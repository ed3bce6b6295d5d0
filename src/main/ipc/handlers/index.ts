import type { SecretStore } from '../../../core/ports/secret-store';
import type { ChooseSavePath, PrintPdf } from '../../export/export-ports';
import type { IncidentStore } from '../../incidents/incident-store';
import { PRODUCT_NAME, PRODUCT_VERSION } from '../../product';
import type { AppSettingsStore } from '../../settings/app-settings-store';
import type { HandlerMap } from '../dispatcher';
import { createAppStatusHandler, currentRuntime } from './app-status';
import { createDiagnosisHandlers } from './diagnosis-handlers';
import { createExportHandlers } from './export-handlers';
import { createIncidentHandlers } from './incident-handlers';
import { createLinkHandlers } from './link-handlers';
import { withKnownSecretsMasked } from './mask-known-secrets';
import type { OpenExternal } from './link-handlers';
import { createProfileHandlers } from './profile-handlers';
import type { ProfileHandlerDeps } from './profile-handlers';
import { createSettingsHandlers } from './settings-handlers';

/** What the handlers need from the composition root. */
export interface HandlerDeps {
  readonly secrets: SecretStore;
  readonly profiles: ProfileHandlerDeps;
  readonly settings: AppSettingsStore;
  /** Where every diagnosis is kept as an incident (`incidents/` beside the profiles file). */
  readonly incidents: IncidentStore;
  /** Opens a vetted console link in the system browser (Electron: `shell.openExternal`). */
  readonly openExternal: OpenExternal;
  /** Asks the technician where to save an exported report (Electron: the save dialog). */
  readonly chooseSavePath: ChooseSavePath;
  /** Prints a report's HTML to PDF (Electron: a hidden print window with JavaScript off). */
  readonly printPdf: PrintPdf;
}

/**
 * Builds every IPC handler from its dependencies.
 *
 * Used by the Electron composition root, by the CLI and by the e2e tests (which bind the
 * renderer's bridge to these same functions), so all three exercise one implementation.
 * Every handler is wrapped by {@link withKnownSecretsMasked}.
 */
export function createHandlers(deps: HandlerDeps): HandlerMap {
  return {
    // Already masked where they are made (the CLI calls them directly): wrapped once, not twice.
    ...createProfileHandlers(deps.profiles),
    // Nothing any other handler throws, answers or emits carries a secret value main holds.
    ...withKnownSecretsMasked({
      'app:get-status': createAppStatusHandler({
        productName: PRODUCT_NAME,
        version: PRODUCT_VERSION,
        runtime: currentRuntime(),
        secrets: deps.secrets,
      }),
      ...createDiagnosisHandlers({ connect: deps.profiles.connect, incidents: deps.incidents }),
      ...createIncidentHandlers(deps.incidents),
      ...createExportHandlers({
        incidents: deps.incidents,
        profileName: async (id) => (await deps.profiles.store.get(id))?.name ?? null,
        chooseSavePath: deps.chooseSavePath,
        printPdf: deps.printPdf,
        appVersion: PRODUCT_VERSION,
      }),
      ...createLinkHandlers({ openExternal: deps.openExternal }),
      ...createSettingsHandlers(deps.settings),
    }),
  };
}
