import { join } from 'node:path';
import { app, BrowserWindow, protocol, session } from 'electron';
import { createIpcDispatcher } from './ipc/dispatcher';
import { createHandlers } from './ipc/handlers';
import { registerIpc } from './ipc/register-ipc';
import { createSenderPolicy, originOf, TrustedWebContents } from './ipc/sender-policy';
import { PRODUCT_NAME } from './product';
import { KeychainSecretStore } from './secrets/keychain-secret-store';
import { APP_ENTRY_URL, APP_ORIGIN } from './window/app-protocol';
import { createMainWindow } from './window/create-main-window';
import { hardenSession, hardenWebContents } from './window/harden';
import { APP_SCHEME_PRIVILEGES, serveRenderer } from './window/serve-renderer';

/*
 * Composition root: the only place that wires adapters to ports and Electron to handlers.
 */

// The dev server URL is honoured only in an unpackaged build: a release never loads a page
// named by an environment variable.
const devServerUrl = !app.isPackaged ? (process.env.ELECTRON_RENDERER_URL ?? null) : null;
const entryUrl = devServerUrl ?? APP_ENTRY_URL;
const allowedOrigins = [APP_ORIGIN, ...(devServerUrl !== null ? [originOf(devServerUrl) ?? APP_ORIGIN] : [])];

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

const trusted = new TrustedWebContents();
let mainWindow: BrowserWindow | null = null;

function openMainWindow(): void {
  mainWindow = createMainWindow({
    preloadPath: join(__dirname, '../preload/index.cjs'),
    url: entryUrl,
    trusted,
    devTools: !app.isPackaged,
    title: PRODUCT_NAME,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

if (!app.requestSingleInstanceLock()) {
  // A second copy would fight the first over the keychain and the incident files.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every WebContents, including ones the app never meant to create, gets the same denials.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    serveRenderer(protocol, join(__dirname, '../renderer'));

    const dispatcher = createIpcDispatcher({
      handlers: createHandlers({ secrets: new KeychainSecretStore({ platform: process.platform }) }),
      isTrustedSender: createSenderPolicy(trusted, allowedOrigins),
      onError: (channel, message) => {
        console.error(`[ipc] ${channel}: ${message}`);
      },
    });
    registerIpc(dispatcher);
    openMainWindow();

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
    });
  });
}
