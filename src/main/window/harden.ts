import type { Session, WebContents } from 'electron';

/**
 * Denies navigation, redirects, new windows and webviews for a WebContents.
 *
 * The app is a single page: any navigation is either a bug or an attack (a link in a log
 * record, a dropped file), and a new window would escape the preload and the sender check.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * Denies every permission request and check (camera, notifications, geolocation, HID …).
 *
 * The renderer needs none; Electron grants them all by default.
 */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}
