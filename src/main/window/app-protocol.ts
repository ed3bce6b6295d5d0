import { extname, normalize, resolve, sep } from 'node:path';

/** The privileged scheme the renderer is served from (instead of file://). */
export const APP_SCHEME = 'app';

/** The host of the app's own pages. */
export const APP_HOST = 'triage';

/** The origin the sender check trusts in a release build. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The renderer's entry page. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The MIME type of a served file; unknown types are served as opaque bytes. */
export function mimeTypeOf(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps an `app://triage/…` URL to a file inside the renderer folder, or null.
 *
 * Why not file://: file pages share a "null" origin and can read any local file. A custom
 * scheme confined to one folder gives the renderer a real origin and nothing else.
 */
export function resolveAppAsset(rendererRoot: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const relative = path === '/' || path === '' ? 'index.html' : path.replace(/^\/+/, '');
  const root = resolve(rendererRoot);
  const file = resolve(root, normalize(relative));
  return file.startsWith(root + sep) ? file : null;
}
