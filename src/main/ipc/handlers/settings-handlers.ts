import { SettingsError } from '../../settings/app-settings-store';
import type { AppSettingsStore } from '../../settings/app-settings-store';
import type { HandlerMap } from '../dispatcher';
import { IpcFailure } from '../ipc-failure';

/** Maps a settings file that cannot be read or written to a result the renderer can show. */
async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error: unknown) {
    if (error instanceof SettingsError) throw new IpcFailure('unavailable', error.message);
    throw error;
  }
}

/** Handlers of `settings:get` and `settings:set`: the app's own settings, in a file beside the profiles. */
export function createSettingsHandlers(store: AppSettingsStore): Pick<HandlerMap, 'settings:get' | 'settings:set'> {
  return {
    'settings:get': () => guard(() => store.get()),
    'settings:set': (settings) => guard(() => store.save(settings)),
  };
}
