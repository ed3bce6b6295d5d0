/**
 * The renderer's Content-Security-Policy.
 *
 * The renderer needs no network: every Okta and Graph call happens in main. So nothing may be
 * fetched or connected to, scripts come only from the app's own origin, and there is no eval.
 * `style-src 'unsafe-inline'` is kept because Fluent UI's CSS-in-JS (Griffel) inserts rules
 * at run time; styles cannot run code, and script-src stays strict.
 */
export const RENDERER_CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data:",
  'font-src': "'self' data:",
  'connect-src': "'none'",
  'media-src': "'none'",
  'object-src': "'none'",
  'frame-src': "'none'",
  'worker-src': "'none'",
  'child-src': "'none'",
  'manifest-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
};

/** Directives a `<meta>` CSP ignores (and warns about), so they are left out of the meta tag. */
const HEADER_ONLY = new Set(['frame-ancestors']);

/** The policy as sent in the `Content-Security-Policy` response header. */
export const RENDERER_CSP = Object.entries(RENDERER_CSP_DIRECTIVES)
  .map(([k, v]) => `${k} ${v}`)
  .join('; ');

/** The same policy for the `<meta http-equiv>` tag baked into the built HTML (defence in depth). */
export const RENDERER_CSP_META = Object.entries(RENDERER_CSP_DIRECTIVES)
  .filter(([k]) => !HEADER_ONLY.has(k))
  .map(([k, v]) => `${k} ${v}`)
  .join('; ');

/** Headers every renderer asset is served with. */
export const RENDERER_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * The policy for Vite's dev server only (unpackaged builds): hot reload needs an inline
 * preamble script and a WebSocket to the dev server. Never used for a built renderer.
 */
export const DEV_RENDERER_CSP = Object.entries({
  ...RENDERER_CSP_DIRECTIVES,
  'script-src': "'self' 'unsafe-inline'",
  'connect-src': "'self' ws://localhost:* ws://127.0.0.1:*",
})
  .map(([k, v]) => `${k} ${v}`)
  .join('; ');
