import type { AllowedFinding } from './gate';

/**
 * Electronegativity findings on the built app that were reviewed and accepted, each with why.
 *
 * Every entry must still match a finding (a stale entry fails the gate), and a new finding fails
 * the gate until someone reviews it and adds it here with a reason. Keep the `codeIncludes`
 * specific: it is what stops one accepted use from covering a new one.
 */
export const ELECTRONEGATIVITY_ALLOWLIST: readonly AllowedFinding[] = [
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main/index.js',
    codeIncludes: 'await deps.openExternal(checked.value)',
    reason:
      'links:open opens only what checkConsoleLink accepted: an https URL on an allow-listed Okta or ' +
      'Microsoft console host, no credentials, no other scheme (src/main/links/console-link-policy.ts; ' +
      'console-link-policy.test.ts and link-handlers.test.ts).',
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main/index.js',
    codeIncludes: 'openExternal: (url) => electron.shell.openExternal(url)',
    reason:
      'The composition root hands shell.openExternal to the links:open handler and nothing else; lint ' +
      'keeps `shell` out of every other module (eslint.config.mjs, security-lint.test.ts).',
  },
  {
    check: 'CSP_GLOBAL_CHECK',
    file: 'renderer/index.html',
    codeIncludes: "style-src 'self' 'unsafe-inline'",
    reason:
      "Fluent UI's CSS-in-JS (Griffel) inserts style rules at run time, which needs style-src " +
      "'unsafe-inline'. Styles cannot run code; script-src is 'self' only, default-src and " +
      "connect-src are 'none' (src/main/window/csp.ts; the built page's meta is checked in gate.test.ts).",
  },
  {
    check: 'CSP_GLOBAL_CHECK',
    file: 'main/index.js',
    codeIncludes: '"Content-Security-Policy": [DEV_RENDERER_CSP]',
    reason:
      'The check cannot read the CSP because it is a constant, not a literal. This header is the ' +
      'development CSP, set only for the electron-vite dev server in an unpackaged build ' +
      '(bootstrap.ts ignores the dev URL when app.isPackaged); csp.test.ts holds how DEV_RENDERER_CSP differs.',
  },
];
