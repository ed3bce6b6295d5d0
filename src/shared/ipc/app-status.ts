import { z } from 'zod';

/**
 * What the app can tell about itself and its surroundings at start-up, for the start page.
 *
 * `keychain` is probed for real: without an OS keychain the app cannot hold tenant
 * credentials, and the technician must learn that before a call, not during one.
 */
export const appStatusSchema = z
  .object({
    productName: z.string().min(1),
    version: z.string().min(1),
    runtime: z
      .object({
        platform: z.string(),
        node: z.string(),
        electron: z.string().nullable(),
        chrome: z.string().nullable(),
      })
      .strict(),
    keychain: z
      .object({
        state: z.enum(['available', 'unavailable']),
        backend: z.string(),
        detail: z.string(),
      })
      .strict(),
  })
  .strict();

/** The start page's view of the app, as returned by `app:get-status`. */
export type AppStatus = z.infer<typeof appStatusSchema>;
