import { IPC_CHANNELS } from '../../shared/ipc/channels';
import type { HandlerMap } from '../ipc/dispatcher';

/**
 * A full handler map for dispatcher tests: the given handlers, and for every other channel one
 * that fails loudly if a test reaches it by mistake.
 */
export function handlersWith(given: Partial<HandlerMap>): HandlerMap {
  const unused = (): Promise<never> => Promise.reject(new Error('handler not part of this test'));
  return Object.fromEntries(IPC_CHANNELS.map((c) => [c, given[c] ?? unused])) as unknown as HandlerMap;
}
