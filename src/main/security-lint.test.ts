import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

/*
 * The lint rules that hold Electron security checklist items (docs/security.md) really fire:
 * each probe is written where the rule applies, linted with the project's own configuration,
 * and removed. A rule that stopped matching would let the code it forbids in silently.
 */
const ROOT = resolve(__dirname, '../..');
const written: string[] = [];

async function lintProbe(relativeDir: string, extension: 'ts' | 'tsx', code: string): Promise<readonly string[]> {
  const file = resolve(ROOT, relativeDir, `zz-lint-probe-${randomBytes(4).toString('hex')}.${extension}`);
  written.push(file);
  await writeFile(file, code);
  const [result] = await new ESLint({ cwd: ROOT }).lintFiles([file]);
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

afterAll(async () => {
  await Promise.all(written.map((file) => rm(file, { force: true })));
});

describe('security lint rules', () => {
  it('refuses HTML from data and <webview> in the renderer', async () => {
    const messages = await lintProbe(
      'src/renderer/src',
      'tsx',
      `export function Probe({ html }: { readonly html: string }) {\n  return (\n    <div dangerouslySetInnerHTML={{ __html: html }}>\n      <webview />\n    </div>\n  );\n}\n`,
    );
    const all = messages.join('\n');
    expect(all).toContain('no-restricted-syntax: No HTML from data');
    expect(all).toContain('no-restricted-syntax: No <webview>');
  }, 60_000);

  it('refuses a BrowserWindow made outside the window factories, and shell outside bootstrap', async () => {
    const messages = await lintProbe(
      'src/main',
      'ts',
      `import { BrowserWindow, shell } from 'electron';\n\nexport function probe(): void {\n  new BrowserWindow({});\n  void shell.openExternal('https://example.com');\n}\n`,
    );
    const all = messages.join('\n');
    expect(all).toContain('no-restricted-syntax: Windows come only from the audited factories');
    expect(all).toContain('no-restricted-imports');
    expect(all).toContain('Only src/main/bootstrap.ts may import shell');
  }, 60_000);
});
