import { KeychainSecretStore } from '../main/secrets/keychain-secret-store';
import { runCli } from './run-cli';

/*
 * Entry point of the `signin-triage` command: wires the real adapters and runs.
 */
void runCli(process.argv.slice(2), {
  io: {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  },
  secrets: new KeychainSecretStore({ platform: process.platform }),
  stderrIsTty: process.stderr.isTTY,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`signin-triage: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
