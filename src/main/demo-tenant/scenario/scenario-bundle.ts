import { EVIDENCE_FORMAT } from '../../../core/evidence/bundle';
import type { EvidenceBundle, EvidenceGap } from '../../../core/evidence/bundle';
import type { Symptom } from '../../../core/evidence/symptoms';
import type { GraphSignIn, OktaAppUser, OktaLogEvent } from '../../../core/evidence/vendor-types';
import { faultFor } from './source-faults';
import type { DemoSourceFault, DemoTenantState } from '../tenant-state';

/** Options of {@link scenarioBundle}. */
export interface ScenarioBundleOptions {
  /** When the evidence is collected; the window ends here. */
  readonly now: Date;
  /** How far back the window reaches; 24 hours unless given. */
  readonly windowHours?: number;
  /** The Okta org URL recorded in the bundle (the simulator's). */
  readonly orgUrl: string;
  /** The symptom; defaults to the demo user's own. */
  readonly symptom?: Symptom;
}

/** The window when none is given: a helpdesk call is usually about the last day. */
export const DEFAULT_WINDOW_HOURS = 24;

function faultReason(f: DemoSourceFault): string {
  return `the ${f.source.startsWith('graph') ? 'Graph' : 'Okta'} API answered ${String(f.status)} ${f.code}: ${f.message}`;
}

/** True when an event is about the user: as actor, as target, or as the typed username of an unknown login. */
function concerns(event: OktaLogEvent, oktaId: string | null, upn: string): boolean {
  const actor = event.actor;
  if (oktaId !== null && actor?.id === oktaId) return true;
  if (actor?.alternateId?.toLowerCase() === upn) return true;
  return oktaId !== null && (event.target ?? []).some((t) => t.id === oktaId && t.type === 'User');
}

/** Binary search: the first index whose time is ≥ `since` (lists are sorted by time). */
function firstAtOrAfter<T>(items: readonly T[], since: string, time: (item: T) => string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const item = items[mid];
    if (item !== undefined && time(item) < since) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function inWindow<T>(items: readonly T[], since: string, until: string, time: (item: T) => string): readonly T[] {
  const out: T[] = [];
  for (let i = firstAtOrAfter(items, since, time); i < items.length; i++) {
    const item = items[i];
    if (item === undefined || time(item) > until) break;
    out.push(item);
  }
  return out;
}

/**
 * Builds the evidence bundle one user's diagnosis would start from, straight from a demo tenant
 * state: what a perfect collector would gather through the simulator's APIs.
 *
 * Okta user by login (null when none), the Office 365 apps and this user's app user in each
 * (null when not assigned), the user's System Log events in the window (as actor, as target, or
 * by the typed username), signing keys, policies and rules; the Graph user (null when none), the
 * user's sign-ins in the window, the UPN's domain and its federation settings. A source the
 * simulator would refuse (no Entra ID P1, or a per-user fault) is left out and named in `gaps`,
 * as a real collector would record it.
 *
 * ISO timestamps in the state are all UTC with milliseconds, so they compare as strings.
 */
export function scenarioBundle(state: DemoTenantState, upn: string, options: ScenarioBundleOptions): EvidenceBundle {
  const who = upn.toLowerCase();
  const until = options.now.toISOString();
  const since = new Date(
    options.now.getTime() - (options.windowHours ?? DEFAULT_WINDOW_HOURS) * 3_600_000,
  ).toISOString();
  const symptom = options.symptom ?? state.demoUsers.find((d) => d.upn.toLowerCase() === who)?.symptom;
  const gaps: EvidenceGap[] = [];
  const gap = (source: EvidenceGap['source'], reason: string): void => {
    gaps.push({ source, reason });
  };

  // --- Okta ---
  const oktaUserFault = faultFor(state, who, 'okta.user');
  const oktaUser = state.okta.users.find((u) => u.profile?.login?.toLowerCase() === who) ?? null;
  if (oktaUserFault !== undefined) gap('okta.user', faultReason(oktaUserFault));
  const appUsers: Record<string, OktaAppUser | null> = {};
  if (oktaUser !== null && oktaUserFault === undefined) {
    for (const app of state.okta.apps) {
      appUsers[app.id] = state.okta.appUsers[app.id]?.find((a) => a.id === oktaUser.id) ?? null;
    }
  } else {
    gap('okta.appUsers', 'no Okta user to look up assignments for');
  }
  const logFault = faultFor(state, who, 'okta.logEvents');
  if (logFault !== undefined) gap('okta.logEvents', faultReason(logFault));
  const logEvents =
    logFault === undefined
      ? inWindow(state.okta.logEvents, since, until, (e) => e.published).filter((e) =>
          concerns(e, oktaUser?.id ?? null, who),
        )
      : undefined;

  // --- Graph ---
  const graphUserFault = faultFor(state, who, 'graph.user');
  if (graphUserFault !== undefined) gap('graph.user', faultReason(graphUserFault));
  const graphUser = state.graph.users.find((u) => u.userPrincipalName?.toLowerCase() === who) ?? null;
  const signInFault = faultFor(state, who, 'graph.signIns');
  if (!state.entra.hasP1) {
    gap(
      'graph.signIns',
      'Graph answered 403 Authentication_RequestFromNonPremiumTenantOrB2CTenant: reading sign-in logs needs Microsoft Entra ID P1 or P2',
    );
  } else if (signInFault !== undefined) {
    gap('graph.signIns', faultReason(signInFault));
  }
  const signIns: readonly GraphSignIn[] | undefined =
    state.entra.hasP1 && signInFault === undefined
      ? inWindow(state.graph.signIns, since, until, (s) => s.createdDateTime).filter(
          (s) => s.userPrincipalName?.toLowerCase() === who,
        )
      : undefined;
  const domainName = who.slice(who.lastIndexOf('@') + 1);
  const domain = state.graph.domains.find((d) => d.id.toLowerCase() === domainName) ?? null;

  return {
    format: EVIDENCE_FORMAT,
    collectedAt: until,
    subject: { upn: who, since, until, ...(symptom !== undefined ? { symptom } : {}) },
    okta: {
      orgUrl: options.orgUrl,
      ...(oktaUserFault === undefined ? { user: oktaUser } : {}),
      o365Apps: state.okta.apps,
      ...(Object.keys(appUsers).length > 0 ? { appUsers } : {}),
      ...(logEvents !== undefined ? { logEvents } : {}),
      signingKeys: state.okta.appKeys,
      policies: state.okta.policies,
      policyRules: state.okta.policyRules,
    },
    graph: {
      ...(graphUserFault === undefined ? { user: graphUser } : {}),
      ...(signIns !== undefined ? { signIns } : {}),
      domain,
      ...(domain !== null ? { federationConfiguration: state.graph.federation[domain.id] ?? [] } : {}),
    },
    gaps,
  };
}
