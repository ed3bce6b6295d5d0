import { EventEmitter } from 'node:events';

/**
 * A stand-in for Electron's WebContents for unit tests of the window glue: an EventEmitter
 * that records the window-open handler. Electron itself cannot run on the test machines.
 */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;

  constructor(readonly id: number) {
    super();
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  /** Emits an event the way Electron does and reports whether a listener prevented it. */
  emitPreventable(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}
