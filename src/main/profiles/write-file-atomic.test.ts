import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './write-file-atomic';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('replaces the file whole, private to the user, leaving no temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atomic-'));
    dirs.push(dir);
    const file = join(dir, 'nested', 'profiles.json');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, 'two');
    expect(await readFile(file, 'utf8')).toBe('two');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(dir, 'nested'))).toEqual(['profiles.json']);
  });

  it('keeps the old file when the new one cannot be put in place', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atomic-'));
    dirs.push(dir);
    const file = join(dir, 'profiles.json');
    await writeFileAtomic(file, 'good');
    // Renaming over a directory fails: the old content must survive and no temp file may remain.
    await expect(writeFileAtomic(dir, 'bad')).rejects.toThrow();
    expect(await readFile(file, 'utf8')).toBe('good');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes bytes as they are (an exported PDF) and text as UTF-8', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atomic-'));
    dirs.push(dir);
    const bytes = Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0xe2]);
    await writeFileAtomic(join(dir, 'report.pdf'), bytes);
    expect(new Uint8Array(await readFile(join(dir, 'report.pdf')))).toEqual(bytes);
    await writeFileAtomic(join(dir, 'notes.md'), 'Zoë – ✓');
    expect(await readFile(join(dir, 'notes.md'), 'utf8')).toBe('Zoë – ✓');
  });
});
