import type { TriageBridge } from '../../shared/ipc/contract';

declare global {
  interface Window {
    /** The preload's bridge to main; absent when the page runs outside the app. */
    readonly triage?: TriageBridge;
  }
}

export {};
