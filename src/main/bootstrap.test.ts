import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SecretStore } from '../core/ports/secret-store';
import { IPC_CHANNELS } from '../shared/ipc/channels';
import { IncidentStore, incidentsDirBeside } from './incidents/incident-store';
import type { FakeWebContents } from './test-support/fake-web-contents';
import { demoIncident } from './test-support/incident-fixtures';

type Listener = (...args: unknown[]) => unknown;

/** The state of the mocked Electron, rebuilt before each test. */
interface ElectronState {
  isPackaged: boolean;
  lock: boolean;
  quit: number;
  appListeners: Map<string, Listener>;
  schemes: unknown[];
  protocolHandlers: Map<string, Listener>;
  ipcHandlers: Map<string, Listener>;
  windows: {
    options: Record<string, unknown>;
    url: string;
    webContents: FakeWebContents;
    focused: number;
    isDestroyed: () => boolean;
  }[];
  permissionRequest: Listener | undefined;
  headerFilters: unknown[];
  openedExternally: string[];
  /** The app's user-data folder (a temp folder per test); other named folders are inside it. */
  userData: string;
  /** What each save dialog was shown with, and on which window. */
  saveDialogs: { parent: unknown; options: { defaultPath?: string; filters?: unknown } }[];
  /** What the save dialog answers: a path, or null for Cancel. */
  saveAs: string | null;
  ready: () => void;
}

const state = vi.hoisted(() => ({ current: undefined as unknown as ElectronState }));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const { FakeWebContents } = await import('./test-support/fake-web-contents');
  let nextId = 100;
  class PrintableContents extends FakeWebContents {
    printToPDF(): Promise<Buffer> {
      return Promise.resolve(Buffer.from('%PDF-1.7 printed by the print window'));
    }
  }
  class BrowserWindow extends EventEmitter {
    readonly webContents = new PrintableContents((nextId += 1));
    destroyed = false;
    readonly record;
    constructor(options: Record<string, unknown>) {
      super();
      this.record = { options, url: '', webContents: this.webContents, focused: 0, isDestroyed: () => this.destroyed };
      state.current.windows.push(this.record);
    }
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
    show() {
      return undefined;
    }
    isMinimized() {
      return false;
    }
    restore() {
      return undefined;
    }
    focus() {
      this.record.focused += 1;
    }
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
    }
    static getAllWindows() {
      return state.current.windows;
    }
  }
  return {
    app: {
      get isPackaged() {
        return state.current.isPackaged;
      },
      requestSingleInstanceLock: () => state.current.lock,
      getPath: (name: string) => (name === 'userData' ? state.current.userData : `${state.current.userData}/${name}`),
      quit: () => (state.current.quit += 1),
      on: (name: string, listener: Listener) => state.current.appListeners.set(name, listener),
      whenReady: () => new Promise<void>((resolve) => (state.current.ready = resolve)),
    },
    BrowserWindow,
    nativeTheme: { shouldUseDarkColors: false },
    dialog: {
      showSaveDialog: (parent: unknown, options: { defaultPath?: string }) => {
        state.current.saveDialogs.push({ parent, options });
        const filePath = state.current.saveAs;
        return Promise.resolve({ canceled: filePath === null, filePath: filePath ?? '' });
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.current.schemes.push(...schemes),
      handle: (scheme: string, handler: Listener) => state.current.protocolHandlers.set(scheme, handler),
    },
    session: {
      fromPartition: () => ({
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
        setDevicePermissionHandler: () => undefined,
        webRequest: { onBeforeRequest: () => undefined },
      }),
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => (state.current.permissionRequest = h),
        setPermissionCheckHandler: () => undefined,
        setDevicePermissionHandler: () => undefined,
        webRequest: { onHeadersReceived: (filter: unknown) => state.current.headerFilters.push(filter) },
      },
    },
    shell: {
      openExternal: (url: string) => {
        state.current.openedExternally.push(url);
        return Promise.resolve();
      },
    },
    ipcMain: {
      handle: (channel: string, listener: Listener) => state.current.ipcHandlers.set(channel, listener),
      removeHandler: (channel: string) => state.current.ipcHandlers.delete(channel),
    },
  };
});

const { bootstrapApp } = await import('./bootstrap');

const folders: string[] = [];

const secrets: SecretStore = {
  set: () => Promise.resolve(),
  read: () => Promise.resolve(null),
  delete: () => Promise.resolve(false),
  probe: () => Promise.resolve({ state: 'available', backend: 'Secret Service (libsecret)', detail: 'ok' }),
};

beforeEach(async () => {
  const userData = await mkdtemp(join(tmpdir(), 'signin-triage-bootstrap-'));
  folders.push(userData);
  state.current = {
    isPackaged: true,
    lock: true,
    quit: 0,
    appListeners: new Map(),
    schemes: [],
    protocolHandlers: new Map(),
    ipcHandlers: new Map(),
    windows: [],
    permissionRequest: undefined,
    headerFilters: [],
    openedExternally: [],
    userData,
    saveDialogs: [],
    saveAs: null,
    ready: () => undefined,
  };
});

afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function start(devServerUrl?: string, log: (message: string) => void = () => undefined) {
  const started = bootstrapApp({ mainDir: '/opt/app/out/main', secrets, devServerUrl, log });
  state.current.ready();
  await new Promise((resolve) => setTimeout(resolve, 0));
  return started;
}

describe('bootstrapApp', () => {
  it('quits without a window or handlers when another instance holds the lock', async () => {
    state.current.lock = false;
    await expect(start()).resolves.toBe(false);
    expect(state.current.quit).toBe(1);
    expect(state.current.windows).toHaveLength(0);
    expect(state.current.ipcHandlers.size).toBe(0);
  });

  it('hardens, serves app://, registers IPC and opens the window on ready', async () => {
    await expect(start()).resolves.toBe(true);
    expect(state.current.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    expect([...state.current.protocolHandlers.keys()]).toEqual(['app']);
    expect(state.current.permissionRequest).toBeDefined();
    expect([...state.current.ipcHandlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    expect(state.current.windows).toHaveLength(1);
    const [window] = state.current.windows;
    expect(window?.url).toBe('app://triage/index.html');
    expect((window?.options.webPreferences as { preload: string }).preload).toBe('/opt/app/out/preload/index.cjs');
  });

  it('answers IPC from its own window, refuses any other WebContents, an iframe and bad input, and logs each refusal', async () => {
    const logged: string[] = [];
    await start(undefined, (message) => logged.push(message));
    const call = state.current.ipcHandlers.get('app:get-status');
    const own = state.current.windows[0]?.webContents.id;
    const frame = { url: 'app://triage/index.html', parent: null };
    await expect(call?.({ sender: { id: own }, senderFrame: frame }, {})).resolves.toMatchObject({ ok: true });
    expect(logged).toEqual([]);
    const refused = { ok: false, error: { code: 'untrusted-sender' } };
    await expect(call?.({ sender: { id: 9999 }, senderFrame: frame }, {})).resolves.toMatchObject(refused);
    const iframe = { url: 'app://triage/index.html', parent: frame };
    await expect(call?.({ sender: { id: own }, senderFrame: iframe }, {})).resolves.toMatchObject(refused);
    await expect(call?.({ sender: { id: own }, senderFrame: frame }, { x: 1 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(logged).toEqual([
      '[ipc] refused app:get-status: untrusted-sender (WebContents 9999, top frame, app://triage)',
      `[ipc] refused app:get-status: untrusted-sender (WebContents ${String(own)}, subframe, app://triage)`,
      '[ipc] refused app:get-status: invalid-input ((input): Unrecognized key: "x")',
    ]);
  });

  it('opens vetted console links in the system browser with shell.openExternal, and nothing else', async () => {
    await start();
    const call = state.current.ipcHandlers.get('links:open');
    const event = {
      sender: { id: state.current.windows[0]?.webContents.id },
      senderFrame: { url: 'app://triage/index.html', parent: null },
    };
    await expect(call?.(event, { url: 'https://entra.microsoft.com/' })).resolves.toEqual({
      ok: true,
      value: { opened: true },
    });
    await expect(call?.(event, { url: 'file:///etc/passwd' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(state.current.openedExternally).toEqual(['https://entra.microsoft.com/']);
  });

  it('exports reports through the save dialog on the app window, and prints PDF in a hidden window without JavaScript', async () => {
    await start();
    const { id } = await new IncidentStore(incidentsDirBeside(join(state.current.userData, 'profiles.json'))).create(
      demoIncident(),
    );
    const call = state.current.ipcHandlers.get('incidents:export');
    const [appWindow] = state.current.windows;
    const event = {
      sender: { id: appWindow?.webContents.id },
      senderFrame: { url: 'app://triage/index.html', parent: null },
    };

    // Cancelled: nothing written.
    await expect(call?.(event, { id, format: 'md', redaction: 'external' })).resolves.toMatchObject({
      ok: true,
      value: { path: null, bytes: 0 },
    });
    const [dialog] = state.current.saveDialogs;
    expect((dialog?.parent as { record?: unknown } | undefined)?.record).toBe(appWindow);
    expect(dialog?.options.defaultPath?.startsWith(`${state.current.userData}/documents/`)).toBe(true);
    expect(dialog?.options.filters).toEqual([{ name: 'Markdown', extensions: ['md'] }]);

    // Saved as PDF: printed in a second, hidden window that runs no script and has no preload.
    state.current.saveAs = join(state.current.userData, 'report.pdf');
    await expect(call?.(event, { id, format: 'pdf', redaction: 'none' })).resolves.toMatchObject({
      ok: true,
      value: { path: state.current.saveAs },
    });
    expect(await readFile(state.current.saveAs, 'latin1')).toMatch(/^%PDF-/);
    expect(state.current.windows).toHaveLength(2);
    const printWindow = state.current.windows[1];
    expect(printWindow?.options.show).toBe(false);
    expect(printWindow?.options.webPreferences).toMatchObject({ javascript: false, offscreen: true, sandbox: true });
    expect(printWindow?.options.webPreferences).not.toHaveProperty('preload');
    expect(printWindow?.url).toMatch(/^data:text\/html;charset=utf-8;base64,/);
    expect(printWindow?.isDestroyed()).toBe(true);
    expect(appWindow?.isDestroyed()).toBe(false);
  });

  it('focuses the existing window when a second instance starts', async () => {
    await start();
    state.current.appListeners.get('second-instance')?.();
    expect(state.current.windows[0]?.focused).toBe(1);
  });

  it('hardens every WebContents created later', async () => {
    await start();
    const { FakeWebContents } = await import('./test-support/fake-web-contents');
    const stray = new FakeWebContents(555);
    state.current.appListeners.get('web-contents-created')?.({}, stray);
    expect(stray.emitPreventable('will-navigate', 'https://evil.example/')).toBe(true);
  });

  it('ignores a dev server URL in a packaged build', async () => {
    await start('http://localhost:5173/');
    expect(state.current.windows[0]?.url).toBe('app://triage/index.html');
    expect(state.current.headerFilters).toHaveLength(0);
  });

  it('loads the dev server, with a dev CSP, only when unpackaged', async () => {
    state.current.isPackaged = false;
    await start('http://localhost:5173/');
    expect(state.current.windows[0]?.url).toBe('http://localhost:5173/');
    expect(state.current.headerFilters).toEqual([{ urls: ['http://localhost:5173/*'] }]);
  });
});
