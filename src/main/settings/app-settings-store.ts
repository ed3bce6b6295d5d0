import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { appSettingsSchema, DEFAULT_APP_SETTINGS } from '../../shared/ipc/settings';
import type { AppSettings } from '../../shared/ipc/settings';
import { writeFileAtomic } from '../profiles/write-file-atomic';

/** The format tag of the settings file. */
const FORMAT = 'signin-triage.settings/v1';

const fileSchema = z.object({ format: z.literal(FORMAT), settings: appSettingsSchema }).strict();

/** The settings file that sits beside a profiles file (both in the app's user-data folder). */
export function settingsFileBeside(profilesFile: string): string {
  return join(dirname(profilesFile), 'settings.json');
}

/** The settings file could not be read or written; the message names the file. */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

/** A file-system error's code (EACCES, ENOSPC…) in parentheses: it says what to fix, and is never a secret. */
function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? ` (${code})` : '';
}

/**
 * The app's settings in a JSON file (`settings.json` beside `profiles.json`), written atomically
 * like the profiles file.
 *
 * Reading never fails the app over a setting: a missing file gives the defaults, and so does a
 * damaged one (not JSON, or not this schema). A damaged file is deliberately not rewritten with
 * the defaults when it is read; it stays as it is, for someone to look at, until the next save
 * replaces it whole. Only a file that exists but cannot be read at all is an error.
 */
export class AppSettingsStore {
  /** Serialises access, so a read never sees a half-finished save and saves land in call order. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly file: string) {}

  #exclusive<T>(run: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(run, run);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** The stored settings, or the defaults when there are none or they are damaged. */
  get(): Promise<AppSettings> {
    return this.#exclusive(async () => {
      let text: string;
      try {
        text = await readFile(this.file, 'utf8');
      } catch (error: unknown) {
        if ((error as { code?: string }).code === 'ENOENT') return DEFAULT_APP_SETTINGS;
        throw new SettingsError(`The settings file ${this.file} could not be read${codeOf(error)}.`);
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return DEFAULT_APP_SETTINGS;
      }
      const parsed = fileSchema.safeParse(json);
      return parsed.success ? parsed.data.settings : DEFAULT_APP_SETTINGS;
    });
  }

  /** Validates and stores the settings (replacing a damaged file), answering with what was stored. */
  save(input: AppSettings): Promise<AppSettings> {
    return this.#exclusive(async () => {
      const settings = appSettingsSchema.parse(input);
      try {
        await writeFileAtomic(this.file, `${JSON.stringify({ format: FORMAT, settings }, null, 2)}\n`);
      } catch (error: unknown) {
        throw new SettingsError(`The settings file ${this.file} could not be written${codeOf(error)}.`);
      }
      return settings;
    });
  }
}
