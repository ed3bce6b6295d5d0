import { readFile, stat, writeFile } from 'node:fs/promises';
import { collectEvidence, nothingCollected } from '../core/collection/collect-evidence';
import type { CollectionProgress } from '../core/collection/collect-evidence';
import { validateSubject } from '../core/collection/subject';
import { diagnose } from '../core/diagnosis/diagnose';
import { parseEvidenceBundle, parseEvidenceBundleJson } from '../core/evidence/bundle';
import type { EvidenceBundle } from '../core/evidence/bundle';
import { connectToDemoTenant, DEFAULT_RUN_LIMITS } from '../main/collect/demo-connection';
import type { SourceConnection } from '../main/collect/source-connection';
import { connectProfile, PUBLIC_CLOUD } from '../main/profiles/profile-connection';
import type { ProfileStore } from '../main/profiles/profile-store';
import { startDemoTenant } from '../main/demo-tenant/demo-tenant';
import { listDemoUsers } from '../main/demo-tenant/demo-users';
import { formatDiagnosis } from './format-diagnosis';
import type { CliIo } from './run-cli';

/** Exit codes of `diagnose`: 0 diagnosed, 2 bad input, 3 nothing could be collected. */
export const DIAGNOSE_EXIT = { ok: 0, usage: 2, nothingCollected: 3 } as const;

/** Usage of `diagnose`. */
export const DIAGNOSE_USAGE = `  diagnose <upn> --demo [--since ISO] [--until ISO] [--symptom S] [--json] [--save-bundle FILE]
                                     Collect from the demo tenant and diagnose (window: the last 24 hours;
                                     symptom: the demo user's own unless given)
  diagnose <upn> --profile NAME [same options]
                                     Collect from a tenant profile set up in the app
  diagnose --bundle FILE [--json]    Re-diagnose a saved evidence bundle, offline`;

/** The largest bundle file read (a week of a very busy user is ~60 MB of JSON). */
const MAX_BUNDLE_BYTES = 256 * 1024 * 1024;

interface ParsedArgs {
  readonly positional: string[];
  readonly flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(['--since', '--until', '--symptom', '--save-bundle', '--bundle', '--profile']);
const BOOLEAN_FLAGS = new Set(['--demo', '--json']);

function parseArgs(args: readonly string[]): ParsedArgs | string {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (VALUE_FLAGS.has(arg)) {
      const value = args[i + 1];
      if (value === undefined) return `${arg} needs a value.`;
      flags.set(arg, value);
      i++;
    } else if (BOOLEAN_FLAGS.has(arg)) flags.set(arg, true);
    else if (arg.startsWith('--')) return `Unknown option ${arg}.`;
    else positional.push(arg);
  }
  return { positional, flags };
}

/** Where progress goes: one line per event, only when stderr is a terminal. */
function progressPrinter(io: CliIo, tty: boolean): (e: CollectionProgress) => void {
  if (!tty) return () => undefined;
  return (e) => {
    const detail =
      e.phase === 'page'
        ? `page ${String(e.page ?? 0)} (${String(e.count ?? 0)} so far)`
        : e.phase === 'retrying'
          ? `retrying in ${String(e.retryInSeconds ?? 0)} s`
          : e.phase === 'failed'
            ? `failed: ${e.message ?? ''}`
            : e.phase === 'done'
              ? `done${e.count === undefined ? '' : ` (${String(e.count)})`}`
              : 'started';
    io.err(`[${e.step}] ${detail}\n`);
  };
}

function output(io: CliIo, bundle: EvidenceBundle, json: boolean): number {
  const diagnosis = diagnose(bundle);
  io.out(json ? `${JSON.stringify(diagnosis, null, 2)}\n` : formatDiagnosis(diagnosis));
  return DIAGNOSE_EXIT.ok;
}

async function fromBundle(file: string, io: CliIo, json: boolean): Promise<number> {
  let text: string;
  try {
    const info = await stat(file);
    if (info.size > MAX_BUNDLE_BYTES) {
      io.err(
        `${file} is larger than ${String(MAX_BUNDLE_BYTES / 1024 / 1024)} MB; that is not an evidence bundle this tool wrote.\n`,
      );
      return DIAGNOSE_EXIT.usage;
    }
    text = await readFile(file, 'utf8');
  } catch (error: unknown) {
    io.err(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return DIAGNOSE_EXIT.usage;
  }
  const parsed = parseEvidenceBundleJson(text);
  if (!parsed.ok) {
    io.err(`${file}: ${parsed.error.message}\n`);
    return DIAGNOSE_EXIT.usage;
  }
  return output(io, parsed.value, json);
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
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.err(`${parsed}\n${DIAGNOSE_USAGE}\n`);
    return DIAGNOSE_EXIT.usage;
  }
  const { positional, flags } = parsed;
  const json = flags.get('--json') === true;
  const bundleFile = flags.get('--bundle');
  if (typeof bundleFile === 'string') {
    if (positional.length > 0 || flags.has('--demo')) {
      io.err(`--bundle re-diagnoses a saved bundle; it takes no user and no --demo.\n${DIAGNOSE_USAGE}\n`);
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
  const since = flags.get('--since');
  const until = flags.get('--until');
  // In demo mode the symptom is part of the scenario: a demo user "reports" their own.
  const symptom =
    flags.get('--symptom') ??
    (typeof profileId === 'string'
      ? undefined
      : listDemoUsers().find((u) => u.upn.toLowerCase() === upn.trim().toLowerCase())?.symptom);
  const subject = validateSubject(
    {
      upn,
      ...(typeof since === 'string' ? { since } : {}),
      ...(typeof until === 'string' ? { until } : {}),
      ...(typeof symptom === 'string' ? { symptom } : {}),
    },
    new Date(),
  );
  if (!subject.ok) {
    io.err(`${subject.error}\n`);
    return DIAGNOSE_EXIT.usage;
  }
  let connection: SourceConnection;
  let stopDemo = (): Promise<void> => Promise.resolve();
  if (typeof profileId === 'string') {
    const store = profiles;
    const profile = store === undefined ? null : await store.get(profileId).catch(() => null);
    if (store === undefined || profile === null) {
      io.err(`No tenant profile "${profileId}". Create one in the app under Tenants (or use --demo).\n`);
      return DIAGNOSE_EXIT.usage;
    }
    try {
      connection = await connectProfile(store, profile, PUBLIC_CLOUD);
    } catch (error: unknown) {
      io.err(`${error instanceof Error ? error.message : String(error)}\n`);
      return DIAGNOSE_EXIT.usage;
    }
  } else {
    const tenant = await startDemoTenant();
    connection = connectToDemoTenant(tenant, DEFAULT_RUN_LIMITS);
    stopDemo = () => tenant.stop();
  }
  let bundle: EvidenceBundle;
  try {
    bundle = await collectEvidence(subject.value, connection.ports, progressPrinter(io, stderrIsTty));
  } finally {
    connection.close();
    await stopDemo();
  }
  const save = flags.get('--save-bundle');
  if (typeof save === 'string') {
    // Bundles hold identities and logs: readable by the technician only.
    await writeFile(save, `${JSON.stringify(bundle, null, 2)}\n`, { encoding: 'utf8', mode: 0o600 });
  }
  if (nothingCollected(bundle)) {
    io.err(`Nothing could be collected:\n${bundle.gaps.map((g) => `  - ${g.source}: ${g.reason}`).join('\n')}\n`);
    return DIAGNOSE_EXIT.nothingCollected;
  }
  const valid = parseEvidenceBundle(bundle);
  if (!valid.ok) {
    io.err(`The collected evidence is not a valid bundle: ${valid.error.message}\n`);
    return DIAGNOSE_EXIT.nothingCollected;
  }
  return output(io, valid.value, json);
}
