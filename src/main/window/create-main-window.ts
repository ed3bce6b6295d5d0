import { BrowserWindow, nativeTheme } from 'electron';
import type { WebPreferences } from 'electron';
import type { TrustedWebContents } from '../ipc/sender-policy';
import { hardenWebContents } from './harden';

/**
 * The web preferences every window of the app starts from, without a preload.
 *
 * Each line is a decision of Electron's security checklist: the renderer is sandboxed, has no
 * Node, runs any preload in an isolated world, and cannot open webviews or run insecure content.
 */
export function hardenedWebPreferences(devTools: boolean): WebPreferences {
  return {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools,
  };
}

/** The web preferences of the main window: the hardened ones, and the preload that exposes the bridge. */
export function secureWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return { preload: preloadPath, ...hardenedWebPreferences(devTools) };
}

/** Options of {@link createMainWindow}. */
export interface MainWindowOptions {
  readonly preloadPath: string;
  /** The page to load: app://triage/index.html, or the dev server in development. */
  readonly url: string;
  readonly trusted: TrustedWebContents;
  readonly devTools: boolean;
  readonly title: string;
}

/**
 * Creates the app's main window: the one audited window factory.
 *
 * The window's WebContents joins the trusted set for exactly its lifetime, so the IPC sender
 * check accepts it and nothing else.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: options.title,
    width: 1200,
    height: 800,
    minWidth: 760,
    minHeight: 560,
    show: false,
    // Match the OS theme before the first paint, so a dark desktop sees no white flash.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1f1f1f' : '#fafafa',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(options.preloadPath, options.devTools),
  });
  const contents = window.webContents;
  const id = contents.id;
  options.trusted.add(id);
  contents.once('destroyed', () => {
    options.trusted.remove(id);
  });
  hardenWebContents(contents);
  window.once('ready-to-show', () => {
    window.show();
  });
  void window.loadURL(options.url);
  return window;
}
