import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import run from '@doyensec/electronegativity';
import type { RawIssue } from '@doyensec/electronegativity';
import type { Finding, ParseFailure } from './gate';

/**
 * Checks left out of every scan, with why.
 *
 * AvailableSecurityFixesGlobalCheck downloads Electron's release list from GitHub at scan time;
 * these machines have no such network, and a gate that depends on the internet is not
 * repeatable. Electron's currency is a release-process check (docs/security.md, "Gaps").
 */
export const EXCLUDED_CHECKS: readonly string[] = ['AvailableSecurityFixesGlobalCheck'];

/** What one scan found. */
export interface ScanResult {
  readonly findings: readonly Finding[];
  readonly unparsed: readonly ParseFailure[];
  /** How many checks ran, so a scan that silently ran none can be told apart. */
  readonly checksRun: number;
}

/** The Electron version the app is built against (the installed `electron` package). */
export function installedElectronVersion(): string {
  const require = createRequire(import.meta.url);
  const pkg = require('electron/package.json') as { version: string };
  return pkg.version;
}

/** Lines of source around a location: checks may point at a callback rather than the call it sits in. */
const CONTEXT_LINES = 3;

async function codeAt(root: string, issue: RawIssue): Promise<string> {
  if (issue.sample !== undefined && issue.sample !== '') return issue.sample;
  try {
    const lines = (await readFile(join(root, issue.file), 'utf8')).split('\n');
    const at = issue.location.line - 1;
    return lines
      .slice(Math.max(0, at - CONTEXT_LINES), at + CONTEXT_LINES + 1)
      .map((line) => line.trim())
      .join('\n');
  } catch {
    return '';
  }
}

/**
 * Runs Electronegativity's API over a folder and returns its findings and the files it could not
 * parse (its CLI prints these and exits 0, which is why CI calls the API).
 */
export async function scanWithElectronegativity(folder: string): Promise<ScanResult> {
  const result = await run({
    input: folder,
    isRelative: true,
    electronVersionOverride: installedElectronVersion(),
    excludeFromScan: EXCLUDED_CHECKS,
  });
  const toPosix = (file: string): string => file.split(sep).join('/');
  const findings = await Promise.all(
    result.issues.map(async (issue): Promise<Finding> => ({
      check: issue.id,
      file: toPosix(issue.file),
      line: issue.location.line,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      description: issue.description,
      code: await codeAt(folder, issue),
    })),
  );
  const unparsed = result.errors
    .filter((e) => !e.tolerable)
    .map((e) => ({ file: toPosix(e.file), message: e.message }));
  return { findings, unparsed, checksRun: result.globalChecks + result.atomicChecks };
}
