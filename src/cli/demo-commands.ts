import { writeFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { echoValue, cleanLine } from '../core/report/sanitize-text';
import { contosoRenderer, contosoScenario, scenarioRenderer } from '../main/demo-tenant/contoso';
import { demoSigningCertificates, startDemoTenant } from '../main/demo-tenant/demo-tenant';
import { listDemoUsers } from '../main/demo-tenant/demo-users';
import { scenarioBundle } from '../main/demo-tenant/scenario/scenario-bundle';
import type { Scenario } from '../main/demo-tenant/scenario/scenario-schema';
import { readScenarioOption } from './collect-subject';
import { parseArgs } from './parse-args';
import type { ParsedArgs } from './parse-args';
import type { CliIo } from './run-cli';

/** Exit codes shared with run-cli. */
const EXIT = { ok: 0, problem: 1, usage: 2 } as const;

/** Usage of the `demo` commands. */
export const DEMO_USAGE = `  demo list [--json] [--scenario FILE]
                                     The demo tenant's users and the verdict each is written to produce
  demo serve [--scenario FILE]       Run the demo tenant (Okta, Entra ID, Graph on 127.0.0.1) until Ctrl+C
  demo bundle <upn> [--hours N] [--out FILE] [--scenario FILE]
                                     Write a demo user's evidence bundle (JSON)
                                     --scenario: a scenario file (signin-triage.demo-scenario/v1) instead of
                                     the built-in Contoso one, for training or to reproduce a customer's case`;

/** The flags each demo command takes (with a value, and without). */
const FLAGS: Readonly<Record<'list' | 'serve' | 'bundle', readonly [ReadonlySet<string>, ReadonlySet<string>]>> = {
  list: [new Set(['--scenario']), new Set(['--json'])],
  serve: [new Set(['--scenario']), new Set()],
  bundle: [new Set(['--scenario', '--hours', '--out']), new Set()],
};

/** A demo command's arguments, its scenario read; or the exit code after saying what is wrong. */
async function argsOf(
  command: keyof typeof FLAGS,
  args: readonly string[],
  io: CliIo,
): Promise<{ parsed: ParsedArgs; scenario: Scenario | undefined } | number> {
  const [valueFlags, booleanFlags] = FLAGS[command];
  const parsed = parseArgs(args, valueFlags, booleanFlags);
  if (typeof parsed === 'string') {
    io.err(`${parsed}\n${DEMO_USAGE}\n`);
    return EXIT.usage;
  }
  const file = parsed.flags.get('--scenario');
  const scenario = await readScenarioOption(typeof file === 'string' ? file : undefined);
  if (!scenario.ok) {
    io.err(`${scenario.error.message}\n`);
    return EXIT.usage;
  }
  return { parsed, scenario: scenario.value };
}

async function list(args: readonly string[], io: CliIo): Promise<number> {
  const read = await argsOf('list', args, io);
  if (typeof read === 'number') return read;
  const users = listDemoUsers(read.scenario);
  if (read.parsed.flags.get('--json') === true) {
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
  if (users.length === 0) {
    io.out('The scenario has no users.\n');
    return EXIT.ok;
  }
  const width = Math.max(...users.map((u) => u.upn.length));
  // A title is one line of a table: line breaks in a scenario's title must not start lines of their own.
  io.out(
    `${users.map((u) => `${u.upn.padEnd(width)}  ${u.expectedVerdict.padEnd(34)}  ${cleanLine(u.title)}`).join('\n')}\n`,
  );
  return EXIT.ok;
}

async function bundle(args: readonly string[], io: CliIo): Promise<number> {
  const read = await argsOf('bundle', args, io);
  if (typeof read === 'number') return read;
  const { positional, flags } = read.parsed;
  const [upn, ...extra] = positional;
  if (upn === undefined || extra.length > 0) {
    io.err(`demo bundle needs one user: signin-triage demo bundle <upn>\n`);
    return EXIT.usage;
  }
  if (!listDemoUsers(read.scenario).some((u) => u.upn.toLowerCase() === upn.toLowerCase())) {
    io.err(`${echoValue(upn)} is not a demo user; see: signin-triage demo list\n`);
    return EXIT.usage;
  }
  const hoursFlag = flags.get('--hours');
  const hours = Number(typeof hoursFlag === 'string' ? hoursFlag : '24');
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 90) {
    io.err('--hours must be a number of hours between 0 and 2160 (90 days, the System Log retention)\n');
    return EXIT.usage;
  }
  // The bundle is built from the rendered scenario directly: no servers are needed for it.
  const now = new Date();
  const orgUrl = 'https://demo.okta.invalid';
  const render = read.scenario === undefined ? contosoRenderer(now) : scenarioRenderer(read.scenario, now);
  const state = render({ oktaOrgUrl: orgUrl }, demoSigningCertificates());
  const json = `${JSON.stringify(scenarioBundle(state, upn, { now, windowHours: hours, orgUrl }), null, 2)}\n`;
  const out = flags.get('--out');
  if (typeof out !== 'string') io.out(json);
  else await writeFile(out, json, { encoding: 'utf8', mode: 0o600 });
  return EXIT.ok;
}

async function serve(args: readonly string[], io: CliIo): Promise<number> {
  const read = await argsOf('serve', args, io);
  if (typeof read === 'number') return read;
  if (read.parsed.positional.length > 0) {
    io.err(`demo serve takes no arguments.\n${DEMO_USAGE}\n`);
    return EXIT.usage;
  }
  const tenant = await startDemoTenant({
    render: read.scenario === undefined ? contosoRenderer() : scenarioRenderer(read.scenario),
  });
  const caPath = join(mkdtempSync(join(tmpdir(), 'signin-triage-demo-')), 'demo-ca.pem');
  await writeFile(caPath, tenant.caCertPem, { mode: 0o644 });
  io.out(
    [
      `Sign-in Triage demo tenant (${cleanLine((read.scenario ?? contosoScenario()).tenant.name)}) is running on this machine only:`,
      `  Okta org           ${tenant.oktaUrl}`,
      `  Entra authority    ${tenant.entraAuthority}`,
      `  Microsoft Graph    ${tenant.graphUrl}`,
      `  Certificate (CA)   ${caPath}  — trust it for these three origins only`,
      '',
      `Demo users: signin-triage demo list${read.scenario === undefined ? '' : ' --scenario FILE'} (${String(tenant.state.demoUsers.length)} users, one per verdict).`,
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
      return list(rest, io);
    case 'bundle':
      return bundle(rest, io);
    case 'serve':
      return serve(rest, io);
    default:
      io.err(`Unknown demo command: ${sub === undefined ? '(none)' : echoValue(sub)}\n${DEMO_USAGE}\n`);
      return EXIT.usage;
  }
}
