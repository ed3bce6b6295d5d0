import { join } from 'node:path';
import { app, BrowserWindow, dialog, protocol, session, shell } from 'electron';
import type { SecretStore } from '../core/ports/secret-store';
import { createChooseSavePath, defaultReportFolder } from './export/save-dialog';
import { createIpcDispatcher } from './ipc/dispatcher';
import { IncidentStore, incidentsDirBeside } from './incidents/incident-store';
import { createHandlers } from './ipc/handlers';
import { registerIpc } from './ipc/register-ipc';
import { createSenderPolicy, originOf, TrustedWebContents } from './ipc/sender-policy';
import { PRODUCT_NAME } from './product';
import { DemoTenantHost, PUBLIC_CLOUD } from './profiles/profile-connection';
import { profileHandlerDeps } from './profiles/profile-deps';
import { ProfileStore } from './profiles/profile-store';
import { AppSettingsStore, settingsFileBeside } from './settings/app-settings-store';
import { APP_ENTRY_URL, APP_ORIGIN } from './window/app-protocol';
import { createMainWindow } from './window/create-main-window';
import { DEV_RENDERER_CSP } from './window/csp';
import { hardenSession, hardenWebContents } from './window/harden';
import { printHtmlInWindow } from './window/print-window';
import { APP_SCHEME_PRIVILEGES, serveRenderer } from './window/serve-renderer';

/** What the composition root provides to {@link bootstrapApp}. */
export interface BootstrapOptions {
  /** Folder of the built app: `out/main` (the preload and renderer are its siblings). */
  readonly mainDir: string;
  readonly secrets: SecretStore;
  /** The dev server URL from electron-vite; honoured only in an unpackaged build. */
  readonly devServerUrl: string | undefined;
  readonly log: (message: string) => void;
}

/**
 * Starts the app: single-instance lock, hardening of every WebContents and the session, the
 * app:// protocol, IPC, and the main window.
 *
 * Returns false when another instance already runs (this one then quits): a second copy would
 * fight the first over the keychain and the incident files.
 */
export function bootstrapApp(options: BootstrapOptions): boolean {
  // A release never loads a page named by an environment variable.
  const devServerUrl = app.isPackaged ? null : (options.devServerUrl ?? null);
  const devOrigin = devServerUrl !== null ? originOf(devServerUrl) : null;
  const allowedOrigins = devOrigin !== null ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN];

  // Must happen before `ready`.
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }

  const trusted = new TrustedWebContents();
  // The demo tenant runs in-process on loopback, started when the demo profile is first used.
  const demo = new DemoTenantHost();
  app.on('will-quit', () => {
    void demo.stop();
  });
  let mainWindow: BrowserWindow | null = null;
  const openMainWindow = (): void => {
    const window = createMainWindow({
      preloadPath: join(options.mainDir, '../preload/index.cjs'),
      url: devServerUrl ?? APP_ENTRY_URL,
      trusted,
      devTools: !app.isPackaged,
      title: PRODUCT_NAME,
    });
    window.on('closed', () => {
      mainWindow = null;
    });
    mainWindow = window;
  };

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
    serveRenderer(protocol, join(options.mainDir, '../renderer'));
    if (devServerUrl !== null) {
      // The dev server sends no CSP of its own; give it one, relaxed only for hot reload.
      session.defaultSession.webRequest.onHeadersReceived({ urls: [`${devServerUrl}*`] }, (details, callback) => {
        callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [DEV_RENDERER_CSP] } });
      });
    }
    const profilesFile = join(app.getPath('userData'), 'profiles.json');
    registerIpc(
      createIpcDispatcher({
        handlers: createHandlers({
          secrets: options.secrets,
          profiles: profileHandlerDeps(new ProfileStore(profilesFile, options.secrets), PUBLIC_CLOUD, demo),
          settings: new AppSettingsStore(settingsFileBeside(profilesFile)),
          incidents: new IncidentStore(incidentsDirBeside(profilesFile)),
          // Only ever called with a link the links:open handler has vetted (https, allow-listed host).
          openExternal: (url) => shell.openExternal(url),
          chooseSavePath: createChooseSavePath({
            // Modal to the app's window, so the dialog cannot get lost behind it.
            showSaveDialog: (dialogOptions) =>
              mainWindow === null
                ? dialog.showSaveDialog(dialogOptions)
                : dialog.showSaveDialog(mainWindow, dialogOptions),
            defaultFolder: () => defaultReportFolder((name) => app.getPath(name)),
          }),
          printPdf: (html) => printHtmlInWindow(html),
        }),
        isTrustedSender: createSenderPolicy(trusted, allowedOrigins),
        onError: (channel, message) => {
          options.log(`[ipc] ${channel}: ${message}`);
        },
        // A refusal is a sign of a bug or of something hostile in a window: worth a log line.
        onRefused: ({ channel, code, detail }) => {
          options.log(`[ipc] refused ${channel}: ${code} (${detail})`);
        },
      }),
    );
    openMainWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
    });
  });
  return true;
}
