import { fsErrorCode, readCappedFile } from '../main/fs/read-capped-file';
import { MAX_BUNDLE_FILE_BYTES } from '../core/evidence/bundle';
import { echoValue } from '../core/report/sanitize-text';
import { readScenarioFile } from '../main/demo-tenant/scenario/scenario-file';
import type { Scenario } from '../main/demo-tenant/scenario/scenario-schema';
import { collectEvidence, nothingCollected } from '../core/collection/collect-evidence';
import type { CollectionProgress } from '../core/collection/collect-evidence';
import { validateSubject } from '../core/collection/subject';
import { parseEvidenceBundle, parseEvidenceBundleJson } from '../core/evidence/bundle';
import type { EvidenceBundle } from '../core/evidence/bundle';
import type { Result } from '../shared/result';
import { connectToDemoTenant, DEFAULT_RUN_LIMITS } from '../main/collect/demo-connection';
import type { SourceConnection } from '../main/collect/source-connection';
import { startDemoTenant } from '../main/demo-tenant/demo-tenant';
import { listDemoUsers } from '../main/demo-tenant/demo-users';
import { connectProfile, PUBLIC_CLOUD } from '../main/profiles/profile-connection';
import type { ProfileStore } from '../main/profiles/profile-store';
import type { CliIo } from './run-cli';

/*
 * Getting an evidence bundle for a CLI command: collected live (the demo tenant or a tenant
 * profile) or read from a saved file. Shared by `diagnose` and `report`, so both collect, and
 * refuse, in exactly the same way.
 */

/**
 * Why a bundle could not be had: the command line or its input was wrong (exit 2), or the
 * collection got nothing at all (exit 3). The message is for stderr, without a trailing newline.
 */
export interface CollectFailure {
  readonly reason: 'usage' | 'nothing-collected';
  readonly message: string;
}

/** Where to collect from: the built-in demo tenant, or a tenant profile set up in the app. */
export type CollectSource =
  | { readonly kind: 'demo'; readonly scenario?: Scenario }
  | { readonly kind: 'profile'; readonly id: string; readonly store: ProfileStore | undefined };

/** Who and what to collect, as typed on the command line (validated here). */
export interface CollectRequest {
  readonly upn: string;
  readonly since?: string;
  readonly until?: string;
  readonly symptom?: string;
  readonly source: CollectSource;
}

const usage = (message: string): { ok: false; error: CollectFailure } => ({
  ok: false,
  error: { reason: 'usage', message },
});

/** Where progress goes: one line per event on stderr, only when it is a terminal. */
export function progressPrinter(io: CliIo, tty: boolean): (e: CollectionProgress) => void {
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

/** Reads and validates a saved evidence bundle; the failure names the file and the bad field. */
export async function readBundleFile(file: string): Promise<Result<EvidenceBundle, CollectFailure>> {
  // The name is echoed clipped and with invisible characters shown, as every value from outside is.
  const name = echoValue(file, 200);
  let text: string;
  try {
    const read = await readCappedFile(file, MAX_BUNDLE_FILE_BYTES);
    if (!read.ok)
      return usage(
        read.error === 'not-a-file'
          ? `${name} is not a file; --bundle takes an evidence bundle (JSON).`
          : `${name} is larger than ${String(MAX_BUNDLE_FILE_BYTES / 1024 / 1024)} MB; that is not an evidence bundle this tool wrote.`,
      );
    text = read.value;
  } catch (error: unknown) {
    // The code (ENOENT, EACCES…) says what is wrong; Node's message would repeat the whole path.
    return usage(`Cannot read ${name} (${fsErrorCode(error) ?? 'unreadable'}).`);
  }
  const parsed = parseEvidenceBundleJson(text);
  return parsed.ok ? parsed : usage(`${name}: ${parsed.error.message}`);
}

/** Reads `--scenario FILE` for a demo command: the scenario, or the failure to print (exit 2). */
export async function readScenarioOption(
  file: string | undefined,
): Promise<Result<Scenario | undefined, CollectFailure>> {
  if (file === undefined) return { ok: true, value: undefined };
  const read = await readScenarioFile(file);
  return read.ok ? read : usage(read.error);
}

/**
 * Collects a user's evidence from the demo tenant (started for this run and stopped after) or a
 * tenant profile. The bundle is returned as collected, gaps and all: a caller may save it before
 * {@link checkCollected} decides whether it can be diagnosed.
 */
export async function collectSubject(
  request: CollectRequest,
  onProgress: (e: CollectionProgress) => void,
): Promise<Result<EvidenceBundle, CollectFailure>> {
  const { source } = request;
  // In demo mode the symptom is part of the scenario: a demo user "reports" their own.
  const symptom =
    request.symptom ??
    (source.kind === 'demo'
      ? listDemoUsers(source.scenario).find((u) => u.upn.toLowerCase() === request.upn.trim().toLowerCase())?.symptom
      : undefined);
  const subject = validateSubject(
    {
      upn: request.upn,
      ...(request.since !== undefined ? { since: request.since } : {}),
      ...(request.until !== undefined ? { until: request.until } : {}),
      ...(symptom !== undefined ? { symptom } : {}),
    },
    new Date(),
  );
  if (!subject.ok) return usage(subject.error);
  let connection: SourceConnection;
  let stopDemo = (): Promise<void> => Promise.resolve();
  if (source.kind === 'profile') {
    const store = source.store;
    const profile = store === undefined ? null : await store.get(source.id).catch(() => null);
    if (store === undefined || profile === null)
      return usage(`No tenant profile "${echoValue(source.id)}". Create one in the app under Tenants (or use --demo).`);
    try {
      connection = await connectProfile(store, profile, PUBLIC_CLOUD);
    } catch (error: unknown) {
      return usage(error instanceof Error ? error.message : String(error));
    }
  } else {
    const tenant = await startDemoTenant(source.scenario === undefined ? {} : { scenario: source.scenario });
    connection = connectToDemoTenant(tenant, DEFAULT_RUN_LIMITS);
    stopDemo = () => tenant.stop();
  }
  try {
    return { ok: true, value: await collectEvidence(subject.value, connection.ports, onProgress) };
  } finally {
    connection.close();
    await stopDemo();
  }
}

/**
 * Whether a collected bundle can be diagnosed: something was collected, and what was is a valid
 * bundle (the same validator a saved file passes).
 */
export function checkCollected(bundle: EvidenceBundle): Result<EvidenceBundle, CollectFailure> {
  if (nothingCollected(bundle)) {
    return {
      ok: false,
      error: {
        reason: 'nothing-collected',
        message: `Nothing could be collected:\n${bundle.gaps.map((g) => `  - ${g.source}: ${g.reason}`).join('\n')}`,
      },
    };
  }
  const valid = parseEvidenceBundle(bundle);
  return valid.ok
    ? valid
    : {
        ok: false,
        error: {
          reason: 'nothing-collected',
          message: `The collected evidence is not a valid bundle: ${valid.error.message}`,
        },
      };
}
