import { writeFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contosoRenderer } from '../main/demo-tenant/contoso';
import { demoSigningCertificates, startDemoTenant } from '../main/demo-tenant/demo-tenant';
import { listDemoUsers } from '../main/demo-tenant/demo-users';
import { scenarioBundle } from '../main/demo-tenant/scenario/scenario-bundle';
import type { CliIo } from './run-cli';

/** Exit codes shared with run-cli. */
const EXIT = { ok: 0, problem: 1, usage: 2 } as const;

/** Usage of the `demo` commands. */
export const DEMO_USAGE = `  demo list [--json]                 The demo tenant's users and the verdict each is written to produce
  demo serve                         Run the demo tenant (Okta, Entra ID, Graph on 127.0.0.1) until Ctrl+C
  demo bundle <upn> [--hours N] [--out FILE]
                                     Write a demo user's evidence bundle (JSON)`;

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
}

function list(args: readonly string[], io: CliIo): number {
  const users = listDemoUsers();
  if (args.includes('--json')) {
    io.out(
      `${JSON.stringify(
        users.map((u) => ({
          upn: u.upn,
          displayName: u.displayName,
          symptom: u.symptom,
          code: u.expectedVerdict,
          title: u.title,
        })),
        null,
        2,
      )}\n`,
    );
    return EXIT.ok;
  }
  const width = Math.max(...users.map((u) => u.upn.length));
  io.out(`${users.map((u) => `${u.upn.padEnd(width)}  ${u.expectedVerdict.padEnd(34)}  ${u.title}`).join('\n')}\n`);
  return EXIT.ok;
}

async function bundle(args: readonly string[], io: CliIo): Promise<number> {
  const upn = args.find((a) => !a.startsWith('--') && a !== option(args, '--hours') && a !== option(args, '--out'));
  if (upn === undefined) {
    io.err(`demo bundle needs a user: signin-triage demo bundle <upn>\n`);
    return EXIT.usage;
  }
  if (!listDemoUsers().some((u) => u.upn.toLowerCase() === upn.toLowerCase())) {
    io.err(`${upn} is not a demo user; see: signin-triage demo list\n`);
    return EXIT.usage;
  }
  const hours = Number(option(args, '--hours') ?? '24');
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 90) {
    io.err('--hours must be a number of hours between 0 and 2160 (90 days, the System Log retention)\n');
    return EXIT.usage;
  }
  // The bundle is built from the rendered scenario directly: no servers are needed for it.
  const now = new Date();
  const orgUrl = 'https://demo.okta.invalid';
  const state = contosoRenderer(now)({ oktaOrgUrl: orgUrl }, demoSigningCertificates());
  const json = `${JSON.stringify(scenarioBundle(state, upn, { now, windowHours: hours, orgUrl }), null, 2)}\n`;
  const out = option(args, '--out');
  if (out === undefined) io.out(json);
  else await writeFile(out, json, { encoding: 'utf8', mode: 0o600 });
  return EXIT.ok;
}

async function serve(io: CliIo): Promise<number> {
  const tenant = await startDemoTenant({ render: contosoRenderer() });
  const caPath = join(mkdtempSync(join(tmpdir(), 'signin-triage-demo-')), 'demo-ca.pem');
  await writeFile(caPath, tenant.caCertPem, { mode: 0o644 });
  io.out(
    [
      'Sign-in Triage demo tenant (Contoso) is running on this machine only:',
      `  Okta org           ${tenant.oktaUrl}`,
      `  Entra authority    ${tenant.entraAuthority}`,
      `  Microsoft Graph    ${tenant.graphUrl}`,
      `  Certificate (CA)   ${caPath}  — trust it for these three origins only`,
      '',
      `Demo users: signin-triage demo list (${String(tenant.state.demoUsers.length)} users, one per verdict).`,
      'Credentials are made fresh for this run and are handed to clients in-process; the app and',
      '"signin-triage diagnose <upn> --demo" start their own tenant.',
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await tenant.stop();
  io.out('Demo tenant stopped.\n');
  return EXIT.ok;
}

/** Runs `signin-triage demo …`. */
export async function runDemo(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'list':
      return Promise.resolve(list(rest, io));
    case 'bundle':
      return bundle(rest, io);
    case 'serve':
      return serve(io);
    default:
      io.err(`Unknown demo command: ${sub ?? '(none)'}\n${DEMO_USAGE}\n`);
      return EXIT.usage;
  }
}
