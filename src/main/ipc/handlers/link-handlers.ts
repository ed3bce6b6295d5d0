import { checkConsoleLink } from '../../links/console-link-policy';
import type { HandlerMap } from '../dispatcher';
import { IpcFailure } from '../ipc-failure';

/**
 * Opens a URL in the system browser. In the app this is Electron's `shell.openExternal`; it is
 * injected so the handler runs in Node (tests, the e2e fixture's recorder) without Electron.
 */
export type OpenExternal = (url: string) => Promise<void>;

/** What the link handler needs from the composition root. */
export interface LinkHandlerDeps {
  readonly openExternal: OpenExternal;
}

/**
 * Handler of `links:open`. The renderer has no network and cannot open windows; a console link
 * leaves the app only through here, after main's own check of the URL (never the renderer's).
 */
export function createLinkHandlers(deps: LinkHandlerDeps): Pick<HandlerMap, 'links:open'> {
  return {
    'links:open': async ({ url }) => {
      const checked = checkConsoleLink(url);
      if (!checked.ok) throw new IpcFailure('invalid-input', checked.error);
      try {
        await deps.openExternal(checked.value);
        return { opened: true };
      } catch {
        // No browser or handler on this machine: the wizard shows the link to copy instead.
        return { opened: false };
      }
    },
  };
}
