import { config } from 'zod';

/*
 * Imported for its side effect, before any module that builds a zod schema.
 *
 * zod compiles object parsers with `new Function` and, to know whether it may, probes for it
 * the moment the first `z.object()` is built. The renderer's CSP has no 'unsafe-eval', so the
 * probe is refused and Chromium reports a CSP violation even though zod catches the error.
 * `jitless` skips both the probe and the compilation; parsing a form is not a hot path.
 */
config({ jitless: true });
