import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNELS } from '../../shared/ipc/channels';
import type { IpcDispatcher } from './dispatcher';
import type { SenderInfo } from './sender-policy';

/**
 * Reads the sender facts of an invoke event.
 *
 * `senderFrame` is null when the frame navigated or was destroyed before the message was
 * handled; such a sender has no URL and is refused.
 */
export function senderInfoOf(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    isTopFrame: frame !== null && frame.parent === null,
    url: frame?.url ?? null,
  };
}

/**
 * Registers one `ipcMain.handle` per contract channel, each going through the dispatcher.
 *
 * This is the only module that imports `ipcMain` (enforced by lint). Returns a function that
 * removes the handlers again.
 */
export function registerIpc(dispatcher: IpcDispatcher): () => void {
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) =>
      dispatcher.dispatch(channel, senderInfoOf(event), input, (eventChannel, payload) => {
        // Only to the window that asked, and only while it exists.
        if (!event.sender.isDestroyed()) event.sender.send(eventChannel, payload);
      }),
    );
  }
  return () => {
    for (const channel of IPC_CHANNELS) ipcMain.removeHandler(channel);
  };
}
