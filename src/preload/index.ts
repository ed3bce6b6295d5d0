import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL } from '../shared/ipc/channels';
import { buildBridge } from './build-bridge';

/*
 * The preload runs sandboxed: it may require only `electron`, so it is bundled into one
 * CommonJS file. It exposes the bridge and nothing else.
 */
contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL,
  buildBridge((channel, input) => ipcRenderer.invoke(channel, input)),
);
