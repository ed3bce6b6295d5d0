import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_CSP_META } from '../../src/main/window/csp';
import { ELECTRONEGATIVITY_ALLOWLIST } from './allowlist';
import { describeGate, evaluateGate } from './gate';
import type { AllowedFinding, Finding } from './gate';
import { scanWithElectronegativity } from './run-scan';
import type { ScanResult } from './run-scan';
import { prepareScanCopy } from './scan-copy';

/*
 * The Electronegativity gate, in CI: the built app passes, a seeded violation fails.
 * Runs after `npm run build` (scripts/test-all.sh); it reads out/.
 */

const OUT = join(import.meta.dirname, '../../out');
const FIXTURE = join(import.meta.dirname, 'fixtures/seeded-violation');

let work: string;
beforeAll(async () => {
  if (!existsSync(join(OUT, 'main/index.js'))) throw new Error('out/ is not built: run `npm run build` first.');
  work = await mkdtemp(join(tmpdir(), 'electronegativity-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const checksOf = (findings: readonly Finding[]): readonly string[] => [...new Set(findings.map((f) => f.check))].sort();

describe('the built app', () => {
  let scan: ScanResult;
  let appCopy: string;
  beforeAll(async () => {
    appCopy = join(work, 'app');
    const copied = await prepareScanCopy(OUT, appCopy);
    // The scan must see the app's three bundles, or a pass would mean nothing.
    expect(copied).toEqual(expect.arrayContaining(['main/index.js', 'preload/index.cjs', 'renderer/index.html']));
    expect(copied.some((f) => f.startsWith('bench/'))).toBe(false);
    scan = await scanWithElectronegativity(appCopy);
  });

  it('is parsed in full and passes the gate: every finding is on the reviewed allow-list, and no entry is stale', () => {
    expect(scan.checksRun).toBeGreaterThan(30);
    const result = evaluateGate(scan.findings, scan.unparsed, ELECTRONEGATIVITY_ALLOWLIST);
    expect(result.passed, describeGate(result)).toBe(true);
  });

  it('finds the navigation limits and permission handler in main (without them its global checks would fire)', () => {
    expect(checksOf(scan.findings)).not.toContain('LIMIT_NAVIGATION_GLOBAL_CHECK');
    expect(checksOf(scan.findings)).not.toContain('PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK');
  });

  it('fails when one insecure window is added to the app', async () => {
    const seeded = join(work, 'app-seeded');
    await cp(appCopy, seeded, { recursive: true });
    await writeFile(
      join(seeded, 'main/extra-window.js'),
      "const { BrowserWindow } = require('electron');\n" +
        'new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n',
    );
    const again = await scanWithElectronegativity(seeded);
    const result = evaluateGate(again.findings, again.unparsed, ELECTRONEGATIVITY_ALLOWLIST);
    expect(result.passed).toBe(false);
    expect(result.unallowed.map((f) => `${f.check} ${f.file}`)).toEqual(
      expect.arrayContaining([
        'NODE_INTEGRATION_JS_CHECK main/extra-window.js',
        'CONTEXT_ISOLATION_JS_CHECK main/extra-window.js',
      ]),
    );
    expect(result.stale).toEqual([]);
  });

  it('ships the CSP of src/main/window/csp.ts in the built page (the meta the app:// headers back up)', async () => {
    const html = await readFile(join(OUT, 'renderer/index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    expect(meta?.replaceAll('&#39;', "'")).toBe(RENDERER_CSP_META);
  });
});

describe('the seeded-violation fixture', () => {
  it('fails the gate with the findings a reviewer would expect', async () => {
    const copy = join(work, 'fixture');
    await prepareScanCopy(FIXTURE, copy);
    const scan = await scanWithElectronegativity(copy);
    const result = evaluateGate(scan.findings, scan.unparsed, ELECTRONEGATIVITY_ALLOWLIST);
    expect(result.passed).toBe(false);
    expect(checksOf(result.unallowed)).toEqual(
      expect.arrayContaining([
        'CONTEXT_ISOLATION_JS_CHECK',
        'SANDBOX_JS_CHECK',
        'WEB_SECURITY_JS_CHECK',
        'INSECURE_CONTENT_JS_CHECK',
        'EXPERIMENTAL_FEATURES_JS_CHECK',
        'BLINK_FEATURES_JS_CHECK',
        'OPEN_EXTERNAL_JS_CHECK',
        'HTTP_RESOURCES_JS_CHECK',
        'CSP_GLOBAL_CHECK',
        'LIMIT_NAVIGATION_GLOBAL_CHECK',
        'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
      ]),
    );
    // The app's allow-list does not cover the fixture's openExternal: entries are specific.
    expect(describeGate(result)).toMatch(/not allowed: OPEN_EXTERNAL_JS_CHECK/);
  });
});

describe('the gate decision', () => {
  const finding = (over: Partial<Finding> = {}): Finding => ({
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main/index.js',
    line: 10,
    severity: 'MEDIUM',
    confidence: 'TENTATIVE',
    description: 'Review the use of openExternal',
    code: 'await deps.openExternal(checked.value);',
    ...over,
  });
  const entry: AllowedFinding = {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main/*.js',
    codeIncludes: 'deps.openExternal(checked.value)',
    reason: 'checked',
  };

  it.each([
    ['the same use on another line', finding({ line: 99 }), true],
    ['another check at the same place', finding({ check: 'SANDBOX_JS_CHECK' }), false],
    ['the same check in another file', finding({ file: 'renderer/assets/index.js' }), false],
    ['another use in the same file', finding({ code: 'shell.openExternal(url)' }), false],
  ])('%s → allowed: %s', (_name, f, allowed) => {
    expect(evaluateGate([f], [], [entry]).unallowed.length === 0).toBe(allowed);
  });

  it('fails on a stale entry and on a file it could not parse, even with no finding', () => {
    expect(evaluateGate([], [], [entry])).toMatchObject({ passed: false, stale: [entry] });
    const unparsed = [{ file: 'main/index.js', message: 'Unknown node type ClassPrivateProperty.' }];
    expect(evaluateGate([], unparsed, [])).toMatchObject({ passed: false, unparsed });
    expect(evaluateGate([], [], [])).toMatchObject({ passed: true });
  });
});
