import { describe, expect, it, vi } from 'vitest';
import type { FakeWebContents } from '../test-support/fake-web-contents';
import { TrustedWebContents } from '../ipc/sender-policy';

const created = vi.hoisted(() => [] as unknown[]);

vi.mock('electron', async () => {
  // Imported inside the factory: vi.mock is hoisted above the file's own imports.
  const { EventEmitter } = await import('node:events');
  const { FakeWebContents } = await import('../test-support/fake-web-contents');
  class BrowserWindow extends EventEmitter {
    static nextId = 41;
    readonly webContents: InstanceType<typeof FakeWebContents>;
    loadedUrl: string | undefined;
    shown = false;
    readonly options: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      BrowserWindow.nextId += 1;
      this.webContents = new FakeWebContents(BrowserWindow.nextId);
      created.push(this);
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    show(): void {
      this.shown = true;
    }
  }
  return { BrowserWindow, nativeTheme: { shouldUseDarkColors: true } };
});

const { createMainWindow, secureWebPreferences } = await import('./create-main-window');

interface CreatedWindow {
  options: { webPreferences: Record<string, unknown>; show: boolean; backgroundColor: string };
  webContents: FakeWebContents;
  loadedUrl: string;
  shown: boolean;
  emit(name: string): void;
}

function openWindow(trusted = new TrustedWebContents()) {
  createMainWindow({
    preloadPath: '/app/out/preload/index.cjs',
    url: 'app://triage/index.html',
    trusted,
    devTools: false,
    title: 'T',
  });
  return { window: created.at(-1) as CreatedWindow, trusted };
}

describe('main window factory', () => {
  it('sets every security option of the renderer', () => {
    const { window } = openWindow();
    expect(window.options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
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
      devTools: false,
    });
    expect(secureWebPreferences('/p', true).devTools).toBe(true);
  });

  it('loads the app page, hidden until ready, on the OS theme colour', () => {
    const { window } = openWindow();
    expect(window.loadedUrl).toBe('app://triage/index.html');
    expect(window.options.show).toBe(false);
    expect(window.options.backgroundColor).toBe('#1f1f1f');
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('trusts its WebContents for exactly its lifetime', () => {
    const { window, trusted } = openWindow();
    const id = window.webContents.id;
    expect(trusted.has(id)).toBe(true);
    window.webContents.emit('destroyed');
    expect(trusted.has(id)).toBe(false);
  });

  it('denies navigation, redirects, webviews and new windows', () => {
    const { window } = openWindow();
    const contents = window.webContents;
    expect(contents.emitPreventable('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.emitPreventable('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.emitPreventable('will-attach-webview', {}, {})).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});
