import { bootstrapApp } from './bootstrap';
import { KeychainSecretStore } from './secrets/keychain-secret-store';

/*
 * Composition root: the real adapters, handed to the bootstrap.
 */
bootstrapApp({
  mainDir: __dirname,
  secrets: new KeychainSecretStore({ platform: process.platform }),
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  log: (message) => {
    console.error(message);
  },
});
