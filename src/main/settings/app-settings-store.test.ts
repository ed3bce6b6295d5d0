import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_APP_SETTINGS } from '../../shared/ipc/settings';
import { AppSettingsStore, settingsFileBeside, SettingsError } from './app-settings-store';

/* The settings store on real files in a temporary folder. */

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'settings-'));
  dirs.push(dir);
  return dir;
}

describe('AppSettingsStore', () => {
  it('sits beside the profiles file', () => {
    expect(settingsFileBeside(join('/home/tech/.config/Sign-in Triage', 'profiles.json'))).toBe(
      join('/home/tech/.config/Sign-in Triage', 'settings.json'),
    );
  });

  it('gives the defaults when there is no file, and creates none by reading', async () => {
    const dir = await tempDir();
    const store = new AppSettingsStore(join(dir, 'settings.json'));
    expect(await store.get()).toEqual({ startInScreenShare: false });
    expect(await store.get()).toEqual(DEFAULT_APP_SETTINGS);
    expect(await readdir(dir)).toEqual([]);
  });

  it('saves atomically, private to the user, and reads back what it saved', async () => {
    const dir = await tempDir();
    const file = join(dir, 'nested', 'settings.json');
    const store = new AppSettingsStore(file);
    expect(await store.save({ startInScreenShare: true })).toEqual({ startInScreenShare: true });
    expect(await store.get()).toEqual({ startInScreenShare: true });
    // A second store on the same file (the next start of the app) sees it too.
    expect(await new AppSettingsStore(file).get()).toEqual({ startInScreenShare: true });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      format: 'signin-triage.settings/v1',
      settings: { startInScreenShare: true },
    });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(dir, 'nested'))).toEqual(['settings.json']);
  });

  it('lands concurrent saves in call order', async () => {
    const dir = await tempDir();
    const store = new AppSettingsStore(join(dir, 'settings.json'));
    const saves = Array.from({ length: 10 }, (_, i) => store.save({ startInScreenShare: i % 2 === 0 }));
    await Promise.all(saves);
    expect(await store.get()).toEqual({ startInScreenShare: false });
  });

  it.each([
    ['not JSON', '{ "format": '],
    ['another format', JSON.stringify({ format: 'signin-triage.settings/v0', settings: { startInScreenShare: true } })],
    ['a wrong type', JSON.stringify({ format: 'signin-triage.settings/v1', settings: { startInScreenShare: 'yes' } })],
    [
      'an unknown field',
      JSON.stringify({ format: 'signin-triage.settings/v1', settings: { startInScreenShare: true, theme: 'x' } }),
    ],
  ])('reads a damaged file (%s) as the defaults and leaves it alone until the next save', async (_name, text) => {
    const dir = await tempDir();
    const file = join(dir, 'settings.json');
    await writeFile(file, text);
    const store = new AppSettingsStore(file);
    expect(await store.get()).toEqual(DEFAULT_APP_SETTINGS);
    expect(await readFile(file, 'utf8')).toBe(text);
    await store.save({ startInScreenShare: true });
    expect(await store.get()).toEqual({ startInScreenShare: true });
  });

  it('refuses settings that do not fit the schema', async () => {
    const dir = await tempDir();
    const store = new AppSettingsStore(join(dir, 'settings.json'));
    await expect(
      store.save({ startInScreenShare: 'yes' } as unknown as { startInScreenShare: boolean }),
    ).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });

  it('says which file it cannot read or write', async () => {
    // A folder where the file should be: neither reading nor renaming over it works (even as root).
    const file = join(await tempDir(), 'settings.json');
    await mkdir(file);
    const store = new AppSettingsStore(file);
    await expect(store.get()).rejects.toThrow(
      new SettingsError(`The settings file ${file} could not be read (EISDIR).`),
    );
    await expect(store.save({ startInScreenShare: false })).rejects.toThrow(
      /^The settings file .*settings\.json could not be written \(E[A-Z]+\)\.$/,
    );
    await expect(store.save({ startInScreenShare: false })).rejects.toBeInstanceOf(SettingsError);
  });
});
