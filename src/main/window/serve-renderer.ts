import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { APP_SCHEME, mimeTypeOf, resolveAppAsset } from './app-protocol';
import { RENDERER_SECURITY_HEADERS } from './csp';

/** The privileges of the app scheme: a standard, secure origin with nothing extra. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true },
} as const;

/**
 * Serves the built renderer on app://triage/, with the CSP and security headers on every
 * response. Requests outside the renderer folder get 404.
 */
export function serveRenderer(protocol: Protocol, rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppAsset(rendererRoot, request.url);
    if (file === null) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        status: 200,
        headers: { 'Content-Type': mimeTypeOf(file), ...RENDERER_SECURITY_HEADERS },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
