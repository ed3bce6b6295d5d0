import { describeCrash, installCrashHandlers } from '../main/crash/crash-handlers';
import { KeychainSecretStore } from '../main/secrets/keychain-secret-store';
import { runCli } from './run-cli';
import type { CliIo } from './run-cli';
import { terminalSafe } from './terminal-output';

/*
 * Entry point of the `signin-triage` command: wires the real adapters and runs.
 */
const io: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};
// runCli filters its own output; crash lines go through the same filter here.
const crashLog = (line: string): void => {
  terminalSafe(io).err(`signin-triage: ${line}\n`);
};

// Node's own crash report prints the message and stack as they are; this one masks secrets.
installCrashHandlers(process, { log: crashLog, onFatal: () => process.exit(1) });

void runCli(process.argv.slice(2), {
  io,
  secrets: new KeychainSecretStore({ platform: process.platform }),
  stderrIsTty: process.stderr.isTTY,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    crashLog(describeCrash('uncaught exception', error));
    process.exitCode = 1;
  },
);
