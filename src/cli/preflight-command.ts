import { DEMO_PROFILE_ID } from '../shared/ipc/profiles';
import { DemoTenantHost, PUBLIC_CLOUD } from '../main/profiles/profile-connection';
import { profileHandlerDeps } from '../main/profiles/profile-deps';
import type { ProfileStore } from '../main/profiles/profile-store';
import { NO_EVENTS } from '../main/ipc/dispatcher';
import { createProfileHandlers } from '../main/ipc/handlers/profile-handlers';
import type { CliIo } from './run-cli';

/** Usage of `preflight`. */
export const PREFLIGHT_USAGE = `  preflight (--profile NAME | --demo) [--json]
                                     Check that a tenant profile can read everything a diagnosis needs`;

/**
 * `signin-triage preflight`: probes every call the collector makes with the profile's own
 * credentials, and prints each failure with its exact fix. Exit 0 when all pass, 1 otherwise.
 */
export async function runPreflightCommand(args: readonly string[], io: CliIo, store: ProfileStore): Promise<number> {
  const profileIndex = args.indexOf('--profile');
  const id = args.includes('--demo') ? DEMO_PROFILE_ID : profileIndex >= 0 ? args[profileIndex + 1] : undefined;
  if (id === undefined) {
    io.err(`Say which tenant to check.\n${PREFLIGHT_USAGE}\n`);
    return 2;
  }
  const demo = new DemoTenantHost();
  try {
    const handlers = createProfileHandlers(profileHandlerDeps(store, PUBLIC_CLOUD, demo));
    let report;
    try {
      report = await handlers['profiles:preflight']({ id }, NO_EVENTS);
    } catch (error: unknown) {
      io.err(`${error instanceof Error ? error.message : String(error)}\n`);
      return 2;
    }
    if (args.includes('--json')) io.out(`${JSON.stringify(report, null, 2)}\n`);
    else {
      const mark = { pass: 'ok  ', warn: 'warn', fail: 'FAIL' } as const;
      for (const check of report.checks) {
        io.out(`[${mark[check.status]}] ${check.title}: ${check.detail}\n`);
        if (check.fix !== undefined) io.out(`       Fix: ${check.fix}\n`);
      }
      io.out(
        report.ok ? 'All checks passed.\n' : 'Some checks failed; diagnoses will have gaps until they are fixed.\n',
      );
    }
    return report.ok ? 0 : 1;
  } finally {
    await demo.stop();
  }
}
