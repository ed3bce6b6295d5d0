import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes a file atomically: a temporary file in the same folder, flushed to disk, then renamed
 * over the old one. A crash at any moment leaves either the old file or the new one, whole.
 *
 * The file and its folder are private to the user (0600, 0700): the app's files hold tenant
 * names and settings. Shared by the profile store, the app settings store, the incident store and
 * report export (whose PDF is bytes; text is written as UTF-8).
 */
export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (error: unknown) {
    await rm(temp, { force: true });
    throw error;
  }
}
