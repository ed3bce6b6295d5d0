import type { SecretStore } from '../core/ports/secret-store';
import { createAppStatusHandler, currentRuntime } from '../main/ipc/handlers/app-status';
import { PRODUCT_NAME, PRODUCT_VERSION } from '../main/product';
import { DEMO_USAGE, runDemo } from './demo-commands';
import { PREFLIGHT_USAGE, runPreflightCommand } from './preflight-command';
import { ProfileStore } from '../main/profiles/profile-store';
import { userDataDir } from '../main/profiles/user-data-dir';
import { join } from 'node:path';
import { DIAGNOSE_USAGE, runDiagnose } from './diagnose-command';
import { REPORT_USAGE, runReport } from './report-command';
import { terminalSafe } from './terminal-output';
import { echoValue } from '../core/report/sanitize-text';

/** Where the CLI writes; injected so tests capture output without spawning a process. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** What the CLI needs from its host. */
export interface CliDeps {
  readonly io: CliIo;
  readonly secrets: SecretStore;
  /** Tenant profiles (the app's user-data folder); made on first use. */
  readonly profiles?: () => ProfileStore;
  /** Progress lines go to stderr only on a terminal, so piped output stays clean. */
  readonly stderrIsTty?: boolean;
}

/**
 * Exit codes: 0 done, 1 the check found a problem (or a report could not be written), 2 the
 * command line was wrong; `diagnose` and `report` add 3, nothing could be collected.
 */
export const EXIT = { ok: 0, problem: 1, usage: 2 } as const;

const USAGE = `Usage: signin-triage <command> [options]

Commands:
${DIAGNOSE_USAGE}
${REPORT_USAGE}
${PREFLIGHT_USAGE}
  status [--json]                    Show the version, runtime and whether the OS keychain is usable
${DEMO_USAGE}
  help                               Show this help
  --version                          Print the version

Exit codes: 0 ok, 1 a check found a problem or a report could not be written, 2 wrong usage,
3 nothing could be collected.`;

async function status(args: readonly string[], deps: CliDeps): Promise<number> {
  const unknown = args.filter((a) => a !== '--json');
  if (unknown.length > 0) {
    deps.io.err(`Unknown option for status: ${echoValue(unknown.join(' '))}\n${USAGE}\n`);
    return EXIT.usage;
  }
  // The same handler the app's start page calls through IPC.
  const result = await createAppStatusHandler({
    productName: PRODUCT_NAME,
    version: PRODUCT_VERSION,
    runtime: currentRuntime(),
    secrets: deps.secrets,
  })();
  if (args.includes('--json')) {
    deps.io.out(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    const runtime =
      result.runtime.electron !== null ? `Electron ${result.runtime.electron}` : `Node ${result.runtime.node}`;
    deps.io.out(
      [
        `${result.productName} ${result.version}`,
        `Runtime:          ${runtime} on ${result.runtime.platform}`,
        `Credential store: ${result.keychain.backend}: ${result.keychain.state}`,
        ...(result.keychain.state === 'unavailable' ? [`                  ${result.keychain.detail}`] : []),
        '',
      ].join('\n'),
    );
  }
  return result.keychain.state === 'available' ? EXIT.ok : EXIT.problem;
}

/** The profile store: the app's own file in its user-data folder, unless the host gives one. */
function profilesOf(deps: CliDeps): ProfileStore {
  return deps.profiles?.() ?? new ProfileStore(join(userDataDir(PRODUCT_NAME), 'profiles.json'), deps.secrets);
}

/**
 * Runs the CLI for an argument list (without the node and script paths) and returns the exit
 * code. Plain Node: no Electron is loaded.
 */
export async function runCli(argv: readonly string[], given: CliDeps): Promise<number> {
  // Everything written goes through the terminal filter: data from logs and arguments is text.
  const deps: CliDeps = { ...given, io: terminalSafe(given.io) };
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      deps.io.out(`${USAGE}\n`);
      return command === undefined ? EXIT.usage : EXIT.ok;
    case '--version':
    case '-v':
      deps.io.out(`${PRODUCT_NAME} ${PRODUCT_VERSION}\n`);
      return EXIT.ok;
    case 'status':
      return status(rest, deps);
    case 'demo':
      return runDemo(rest, deps.io);
    case 'diagnose':
      return runDiagnose(rest, deps.io, deps.stderrIsTty ?? false, profilesOf(deps));
    case 'report':
      return runReport(rest, deps.io, deps.stderrIsTty ?? false);
    case 'preflight':
      return runPreflightCommand(rest, deps.io, profilesOf(deps));
    default:
      deps.io.err(`Unknown command: ${echoValue(command)}\n${USAGE}\n`);
      return EXIT.usage;
  }
}
