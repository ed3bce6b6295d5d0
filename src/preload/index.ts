import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL } from '../shared/ipc/channels';
import { buildBridge } from './build-bridge';

/*
 * The preload runs sandboxed: it may require only `electron`, so it is bundled into one
 * CommonJS file. It exposes the bridge and nothing else.
 */
contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL,
  buildBridge(
    (channel, input) => ipcRenderer.invoke(channel, input),
    (channel, listener) => {
      const handler = (_event: IpcRendererEvent, payload: unknown): void => {
        listener(payload);
      };
      ipcRenderer.on(channel, handler);
      return () => {
        ipcRenderer.removeListener(channel, handler);
      };
    },
  ),
);
