/**
 * Types for the part of @doyensec/electronegativity's programmatic API the gate uses (the package
 * ships none). Shapes read from its dist/runner.js, version 1.10.3.
 */
declare module '@doyensec/electronegativity' {
  interface Level {
    readonly value: number;
    readonly name: string;
  }
  /** One finding, as the runner returns it. */
  export interface RawIssue {
    readonly id: string;
    readonly file: string;
    readonly location: { readonly line: number; readonly column: number };
    readonly description: string;
    readonly sample?: string;
    readonly severity: Level;
    readonly confidence: Level;
    readonly manualReview: boolean;
    readonly shortenedURL?: string;
  }
  /** A file the runner could not parse (`tolerable: false`) or parsed with warnings. */
  export interface RawError {
    readonly file: string;
    readonly message: string;
    readonly tolerable: boolean;
  }
  export interface RunOptions {
    readonly input: string;
    readonly isRelative?: boolean;
    readonly electronVersionOverride?: string;
    readonly excludeFromScan?: readonly string[];
  }
  export interface RunResult {
    readonly globalChecks: number;
    readonly atomicChecks: number;
    readonly errors: readonly RawError[];
    readonly issues: readonly RawIssue[];
  }
  /** Runs every check over a folder, a file or an .asar; without its CLI flag it returns, not prints. */
  export default function run(options: RunOptions, forCli?: boolean): Promise<RunResult>;
}
