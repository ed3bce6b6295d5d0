/**
 * The Electronegativity gate's decision, kept free of I/O so it can be tested on its own.
 */

/** One Electronegativity finding, with the code it points at. */
export interface Finding {
  /** The check's id, e.g. `NODE_INTEGRATION_JS_CHECK`. */
  readonly check: string;
  /** Path relative to the scanned folder, with `/` separators. */
  readonly file: string;
  readonly line: number;
  readonly severity: string;
  readonly confidence: string;
  readonly description: string;
  /**
   * The finding's sample, or the source lines around where it points when the check gave none. Allow-list
   * entries match on this rather than on line numbers, which move with every build.
   */
  readonly code: string;
}

/** A file Electronegativity could not parse: nothing in it was checked. */
export interface ParseFailure {
  readonly file: string;
  readonly message: string;
}

/** One reviewed finding the gate accepts, and why it is safe. */
export interface AllowedFinding {
  readonly check: string;
  /** The file, relative to the scanned folder; `*` stands for any run of characters but `/` (hashed asset names). */
  readonly file: string;
  /** A piece of the finding's code that identifies this use and no other. */
  readonly codeIncludes: string;
  /** Why this is safe, and where it is enforced and tested. */
  readonly reason: string;
}

/** The gate's verdict. */
export interface GateResult {
  readonly passed: boolean;
  /** Findings no allow-list entry covers: each fails the gate. */
  readonly unallowed: readonly Finding[];
  /** Allow-list entries that matched nothing: stale reviews fail the gate too, so the list stays true. */
  readonly stale: readonly AllowedFinding[];
  /** Unparsable files fail the gate: an unscanned file would pass silently. */
  readonly unparsed: readonly ParseFailure[];
}

function filePattern(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[^/]*');
  return new RegExp(`^${escaped}$`);
}

/** Whether an allow-list entry covers a finding. */
export function covers(entry: AllowedFinding, finding: Finding): boolean {
  return (
    entry.check === finding.check &&
    filePattern(entry.file).test(finding.file) &&
    finding.code.includes(entry.codeIncludes)
  );
}

/**
 * Decides the gate: it passes only when every finding is covered by a reviewed entry, every
 * entry still covers something, and every file was parsed.
 */
export function evaluateGate(
  findings: readonly Finding[],
  unparsed: readonly ParseFailure[],
  allowlist: readonly AllowedFinding[],
): GateResult {
  const unallowed = findings.filter((f) => !allowlist.some((entry) => covers(entry, f)));
  const stale = allowlist.filter((entry) => !findings.some((f) => covers(entry, f)));
  return { passed: unallowed.length === 0 && stale.length === 0 && unparsed.length === 0, unallowed, stale, unparsed };
}

/** The gate's result as lines a person can act on. */
export function describeGate(result: GateResult): string {
  const lines: string[] = [];
  for (const f of result.unallowed)
    lines.push(
      `not allowed: ${f.check} (${f.severity}, ${f.confidence}) ${f.file}:${String(f.line)} — ${f.description}: ${f.code.slice(0, 160)}`,
    );
  for (const e of result.stale) lines.push(`stale allow-list entry: ${e.check} ${e.file} "${e.codeIncludes}"`);
  for (const u of result.unparsed) lines.push(`not parsed (so not checked): ${u.file}: ${u.message}`);
  return lines.length === 0 ? 'Electronegativity: no finding outside the reviewed allow-list.' : lines.join('\n');
}
