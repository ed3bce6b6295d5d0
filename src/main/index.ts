import { bootstrapApp } from './bootstrap';
import { installCrashHandlers } from './crash/crash-handlers';
import { KeychainSecretStore } from './secrets/keychain-secret-store';

/*
 * Composition root: the real adapters, handed to the bootstrap.
 */
const log = (message: string): void => {
  console.error(message);
};

// Instead of Electron's crash dialog, which shows the message and stack as they are: a masked
// log line, then the app ends.
installCrashHandlers(process, { log, onFatal: () => process.exit(1) });

bootstrapApp({
  mainDir: __dirname,
  secrets: new KeychainSecretStore({ platform: process.platform }),
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  log,
});
