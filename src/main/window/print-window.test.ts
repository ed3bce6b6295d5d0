import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PdfPrintError } from '../export/export-ports';
import type { FakeWebContents } from '../test-support/fake-web-contents';

/** How the mocked Electron behaves in a test, and what it saw. */
interface PrintState {
  windows: FakePrintWindow[];
  sessions: Map<string, FakeSession>;
  /** What loadURL does: resolve, reject, or never settle (a page that hangs). */
  load: 'ok' | 'fail' | 'hang';
  print: 'ok' | 'fail';
}

interface FakeSession {
  permissionRequest:
    ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
  permissionCheck: (() => boolean) | undefined;
  beforeRequest: ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) | undefined;
  hardenings: number;
}

interface FakePrintWindow {
  options: { show: boolean; webPreferences: Record<string, unknown> };
  webContents: FakeWebContents & { printOptions?: unknown };
  loadedUrl?: string;
  destroyed: boolean;
}

const state = vi.hoisted(() => ({ current: undefined as unknown as PrintState }));

vi.mock('electron', async () => {
  const { FakeWebContents } = await import('../test-support/fake-web-contents');
  let nextId = 500;
  class PrintContents extends FakeWebContents {
    printOptions: unknown;
    printToPDF(options: unknown): Promise<Buffer> {
      this.printOptions = options;
      return state.current.print === 'ok'
        ? Promise.resolve(Buffer.from('%PDF-1.7 fake'))
        : Promise.reject(new Error('Failed to generate PDF: printing failed (-2)'));
    }
  }
  class BrowserWindow {
    readonly webContents = new PrintContents((nextId += 1));
    loadedUrl: string | undefined;
    destroyed = false;
    constructor(readonly options: Record<string, unknown>) {
      state.current.windows.push(this as unknown as FakePrintWindow);
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      if (state.current.load === 'ok') return Promise.resolve();
      if (state.current.load === 'fail') return Promise.reject(new Error("ERR_FAILED (-2) loading 'data:…'"));
      return new Promise<void>(() => undefined);
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    destroy(): void {
      this.destroyed = true;
    }
  }
  const fromPartition = (partition: string) => {
    let ses = state.current.sessions.get(partition);
    if (ses === undefined) {
      const created: FakeSession = {
        permissionRequest: undefined,
        permissionCheck: undefined,
        beforeRequest: undefined,
        hardenings: 0,
      };
      Object.assign(created, {
        setPermissionRequestHandler: (h: FakeSession['permissionRequest']) => {
          created.permissionRequest = h;
          created.hardenings += 1;
        },
        setPermissionCheckHandler: (h: FakeSession['permissionCheck']) => (created.permissionCheck = h),
        setDevicePermissionHandler: () => undefined,
        webRequest: {
          onBeforeRequest: (h: FakeSession['beforeRequest']) => (created.beforeRequest = h),
        },
      });
      ses = created;
      state.current.sessions.set(partition, ses);
    }
    return ses;
  };
  return { BrowserWindow, session: { fromPartition } };
});

const {
  createPrintWindow,
  htmlDataUrl,
  MAX_PRINT_HTML_BYTES,
  PRINT_PARTITION,
  printHtmlInWindow,
  printWebPreferences,
} = await import('./print-window');

beforeEach(() => {
  state.current = { windows: [], sessions: new Map(), load: 'ok', print: 'ok' };
});

const HTML =
  '<!doctype html><html><head><meta charset="utf-8"><title>Report</title></head><body>Zoë · LEGACY_AUTH</body></html>';

describe('the print window', () => {
  it('is hidden, offscreen, sandboxed, without JavaScript or a preload, in its own in-memory session', () => {
    createPrintWindow();
    const [window] = state.current.windows;
    expect(window?.options.show).toBe(false);
    const { session, ...preferences } = window?.options.webPreferences ?? {};
    expect(preferences).toEqual(printWebPreferences());
    expect(preferences).toMatchObject({
      javascript: false,
      offscreen: true,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
    });
    expect(preferences).not.toHaveProperty('preload');
    expect(session).toBe(state.current.sessions.get(PRINT_PARTITION));
    // In memory: a partition without `persist:` writes nothing to disk.
    expect(PRINT_PARTITION).not.toMatch(/^persist:/);
  });

  it('denies navigation and new windows', () => {
    createPrintWindow();
    const contents = state.current.windows[0]?.webContents;
    expect(contents?.emitPreventable('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents?.emitPreventable('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents?.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('hardens its session once: no permission, no request but the data: URL of the report', () => {
    createPrintWindow();
    createPrintWindow();
    const ses = state.current.sessions.get(PRINT_PARTITION);
    expect(ses?.hardenings).toBe(1);
    const granted: boolean[] = [];
    ses?.permissionRequest?.({}, 'media', (g) => granted.push(g));
    expect(granted).toEqual([false]);
    expect(ses?.permissionCheck?.()).toBe(false);
    const answers: boolean[] = [];
    for (const url of [htmlDataUrl(HTML), 'https://collector.example/?leak=1', 'file:///etc/passwd', 'app://triage/']) {
      ses?.beforeRequest?.({ url }, (response) => answers.push(response.cancel));
    }
    expect(answers).toEqual([false, true, true, true]);
  });
});

describe('printHtmlInWindow', () => {
  it('loads the HTML as a data: URL, prints A4 with backgrounds, and destroys the window', async () => {
    const pdf = await printHtmlInWindow(HTML);
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/^%PDF-/);
    const [window] = state.current.windows;
    expect(window?.loadedUrl).toMatch(/^data:text\/html;charset=utf-8;base64,/);
    const encoded = window?.loadedUrl?.slice(window.loadedUrl.indexOf(',') + 1) ?? '';
    expect(Buffer.from(encoded, 'base64').toString('utf8')).toBe(HTML);
    expect(window?.webContents.printOptions).toEqual({ pageSize: 'A4', printBackground: true });
    expect(window?.destroyed).toBe(true);
  });

  it('destroys the window and says so in plain words when the page or the print fails', async () => {
    for (const failure of [{ load: 'fail' }, { print: 'fail' }] as const) {
      state.current = { ...state.current, load: 'ok', print: 'ok', ...failure };
      const error = await printHtmlInWindow(HTML).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PdfPrintError);
      expect((error as Error).message).toBe('The report could not be printed to PDF. Try again, or export it as HTML.');
      expect(state.current.windows.at(-1)?.destroyed).toBe(true);
    }
  });

  it('gives up after the timeout and destroys the window of a page that never loads', async () => {
    state.current.load = 'hang';
    const error = await printHtmlInWindow(HTML, { timeoutMs: 20 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfPrintError);
    expect((error as Error).message).toMatch(/^The report could not be printed to PDF: it took longer than 1 s\./);
    expect(state.current.windows[0]?.destroyed).toBe(true);
  });

  it('refuses HTML beyond the size it prints, without making a window', async () => {
    const huge = 'x'.repeat(MAX_PRINT_HTML_BYTES + 1);
    await expect(printHtmlInWindow(huge)).rejects.toThrow(/too large to print to PDF \(65 MB\); export it as HTML/);
    expect(state.current.windows).toHaveLength(0);
  });
});
