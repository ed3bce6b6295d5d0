import { writeFile } from 'node:fs/promises';
import { diagnose } from '../core/diagnosis/diagnose';
import type { EvidenceBundle } from '../core/evidence/bundle';
import type { ProfileStore } from '../main/profiles/profile-store';
import { checkCollected, collectSubject, progressPrinter, readBundleFile, readScenarioOption } from './collect-subject';
import type { CollectFailure } from './collect-subject';
import { formatDiagnosis } from './format-diagnosis';
import { parseArgs } from './parse-args';
import type { CliIo } from './run-cli';

/** Exit codes of `diagnose`: 0 diagnosed, 2 bad input, 3 nothing could be collected. */
export const DIAGNOSE_EXIT = { ok: 0, usage: 2, nothingCollected: 3 } as const;

/** Usage of `diagnose`. */
export const DIAGNOSE_USAGE = `  diagnose <upn> --demo [--scenario FILE] [--since ISO] [--until ISO] [--symptom S] [--json]
           [--save-bundle FILE]      Collect from the demo tenant and diagnose (window: the last 24 hours;
                                     symptom: the demo user's own unless given; --scenario: the demo
                                     tenant serves that scenario file instead of the built-in one)
  diagnose <upn> --profile NAME [same options]
                                     Collect from a tenant profile set up in the app
  diagnose --bundle FILE [--json]    Re-diagnose a saved evidence bundle, offline`;

const VALUE_FLAGS: ReadonlySet<string> = new Set([
  '--since',
  '--until',
  '--symptom',
  '--save-bundle',
  '--bundle',
  '--profile',
  '--scenario',
]);
const BOOLEAN_FLAGS: ReadonlySet<string> = new Set(['--demo', '--json']);

/** Exit code of a failed collection or bundle read. */
function exitOf(failure: CollectFailure): number {
  return failure.reason === 'usage' ? DIAGNOSE_EXIT.usage : DIAGNOSE_EXIT.nothingCollected;
}

function output(io: CliIo, bundle: EvidenceBundle, json: boolean): number {
  const diagnosis = diagnose(bundle);
  io.out(json ? `${JSON.stringify(diagnosis, null, 2)}\n` : formatDiagnosis(diagnosis));
  return DIAGNOSE_EXIT.ok;
}

async function fromBundle(file: string, io: CliIo, json: boolean): Promise<number> {
  const read = await readBundleFile(file);
  if (!read.ok) {
    io.err(`${read.error.message}\n`);
    return exitOf(read.error);
  }
  return output(io, read.value, json);
}

/**
 * `signin-triage diagnose`: collect from the demo tenant (or read a saved bundle), diagnose,
 * and print the verdict, evidence, fix and gaps (or the diagnosis document with --json).
 */
export async function runDiagnose(
  args: readonly string[],
  io: CliIo,
  stderrIsTty: boolean,
  profiles?: ProfileStore,
): Promise<number> {
  const parsed = parseArgs(args, VALUE_FLAGS, BOOLEAN_FLAGS);
  if (typeof parsed === 'string') {
    io.err(`${parsed}\n${DIAGNOSE_USAGE}\n`);
    return DIAGNOSE_EXIT.usage;
  }
  const { positional, flags } = parsed;
  const json = flags.get('--json') === true;
  const bundleFile = flags.get('--bundle');
  if (typeof bundleFile === 'string') {
    if (positional.length > 0 || flags.has('--demo') || flags.has('--scenario')) {
      io.err(
        `--bundle re-diagnoses a saved bundle; it takes no user, no --demo and no --scenario.\n${DIAGNOSE_USAGE}\n`,
      );
      return DIAGNOSE_EXIT.usage;
    }
    return fromBundle(bundleFile, io, json);
  }
  const profileId = flags.get('--profile');
  if (typeof profileId === 'string' && flags.has('--demo')) {
    io.err(`Choose one: --demo or --profile.\n${DIAGNOSE_USAGE}\n`);
    return DIAGNOSE_EXIT.usage;
  }
  if (typeof profileId !== 'string' && !flags.has('--demo')) {
    io.err(
      `Say where to collect from: --profile NAME, --demo (the built-in demo tenant) or --bundle FILE.\n${DIAGNOSE_USAGE}\n`,
    );
    return DIAGNOSE_EXIT.usage;
  }
  const [upn, ...extra] = positional;
  if (upn === undefined || extra.length > 0) {
    io.err(`diagnose needs exactly one user principal name.\n${DIAGNOSE_USAGE}\n`);
    return DIAGNOSE_EXIT.usage;
  }
  const scenarioFile = flags.get('--scenario');
  if (typeof scenarioFile === 'string' && !flags.has('--demo')) {
    io.err(`--scenario goes with --demo: it is what the demo tenant serves.\n${DIAGNOSE_USAGE}\n`);
    return DIAGNOSE_EXIT.usage;
  }
  const scenario = await readScenarioOption(typeof scenarioFile === 'string' ? scenarioFile : undefined);
  if (!scenario.ok) {
    io.err(`${scenario.error.message}\n`);
    return exitOf(scenario.error);
  }
  const since = flags.get('--since');
  const until = flags.get('--until');
  const symptom = flags.get('--symptom');
  const collected = await collectSubject(
    {
      upn,
      ...(typeof since === 'string' ? { since } : {}),
      ...(typeof until === 'string' ? { until } : {}),
      ...(typeof symptom === 'string' ? { symptom } : {}),
      source:
        typeof profileId === 'string'
          ? { kind: 'profile', id: profileId, store: profiles }
          : { kind: 'demo', ...(scenario.value === undefined ? {} : { scenario: scenario.value }) },
    },
    progressPrinter(io, stderrIsTty),
  );
  if (!collected.ok) {
    io.err(`${collected.error.message}\n`);
    return exitOf(collected.error);
  }
  const bundle = collected.value;
  const save = flags.get('--save-bundle');
  if (typeof save === 'string') {
    // Bundles hold identities and logs: readable by the technician only.
    await writeFile(save, `${JSON.stringify(bundle, null, 2)}\n`, { encoding: 'utf8', mode: 0o600 });
  }
  const valid = checkCollected(bundle);
  if (!valid.ok) {
    io.err(`${valid.error.message}\n`);
    return exitOf(valid.error);
  }
  return output(io, valid.value, json);
}
