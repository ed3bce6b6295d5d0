import { z } from 'zod';

/**
 * The app's own settings (not a tenant's). Every field is required on the wire; a field added
 * later takes a `.default()` so that files written before it still read.
 */
export const appSettingsSchema = z
  .object({
    /** Open the wizard in screen-share mode, for technicians who are always on a shared screen. */
    startInScreenShare: z.boolean(),
  })
  .strict();

/** The app's settings. */
export type AppSettings = Readonly<z.infer<typeof appSettingsSchema>>;

/** The settings of a fresh install, and of one whose settings file is missing or damaged. */
export const DEFAULT_APP_SETTINGS: AppSettings = Object.freeze({ startInScreenShare: false });
