import { redactSecrets } from '../redact-secrets';
import { maskBundleSecrets } from '../redaction/bundle-secrets';
import type { EvidenceBundle, EvidenceGap, EvidenceSource, EvidenceSubject } from '../evidence/bundle';
import { EVIDENCE_FORMAT } from '../evidence/bundle';
import type {
  GraphDomain,
  GraphFederationConfiguration,
  GraphSignIn,
  GraphUser,
  OktaApplication,
  OktaAppUser,
  OktaLogEvent,
  OktaPolicy,
  OktaPolicyRule,
  OktaSigningKey,
  OktaUser,
} from '../evidence/vendor-types';
import type { CancelSignal, GraphSource, OktaSource, StepContext } from './ports';
import { SourceError } from './ports';
import { logSelectorFor, signInFilter, systemLogQuery, timeSlices } from './queries';

/** One progress event of a collection step, for the wizard's live status and the CLI. */
export interface CollectionProgress {
  readonly step: EvidenceSource;
  readonly phase: 'started' | 'page' | 'retrying' | 'done' | 'failed';
  readonly page?: number;
  readonly count?: number;
  readonly retryInSeconds?: number;
  /** Why it failed, in words a technician can act on. */
  readonly message?: string;
}

/** What the collection needs from its host. */
export interface CollectionPorts {
  /** null when no Okta connection is configured: its sources become gaps. */
  readonly okta: OktaSource | null;
  readonly graph: GraphSource | null;
  /** A fresh signal for one step: aborts when the run is cancelled or the step's time is up. */
  readonly stepSignal: () => CancelSignal;
  readonly now: () => Date;
}

/** Limits of one collection. */
export interface CollectionLimits {
  /** Stop reading the System Log after this many events and say so in the bundle. */
  readonly maxLogEvents: number;
  /** System Log windows longer than this are fetched as parallel slices. */
  readonly logSliceMs: number;
  /** How many slices run at once (Okta's rate limits are per minute, per route). */
  readonly logConcurrency: number;
  /**
   * At most this many source calls in flight across all steps; no limit when absent (as
   * shipped). 1 runs the same plan one call after another: the benchmark's sequential baseline.
   */
  readonly maxConcurrentCalls?: number;
}

/** Defaults sized for one user's week on a busy org. */
export const DEFAULT_LIMITS: CollectionLimits = { maxLogEvents: 50_000, logSliceMs: 86_400_000, logConcurrency: 4 };

/** One step of the collection plan: what it waits for, and how many of its calls run at once. */
export interface PlanStep {
  /** The steps whose results it needs: it starts as soon as they are done, and not before. */
  readonly after: readonly EvidenceSource[];
  /** Its calls (one per app, policy or System Log slice) run all at once, or `logConcurrency` at a time. */
  readonly callsAtOnce: 'all' | 'logConcurrency';
}

/**
 * The dependency graph {@link collectEvidence} runs, stated as data so the benchmarks can find
 * its critical path; the collect-evidence tests hold the code to it.
 */
export const COLLECTION_PLAN: Readonly<Record<EvidenceSource, PlanStep>> = {
  'okta.user': { after: [], callsAtOnce: 'all' },
  'okta.o365Apps': { after: [], callsAtOnce: 'all' },
  'okta.logEvents': { after: ['okta.user'], callsAtOnce: 'logConcurrency' },
  'okta.appUsers': { after: ['okta.user', 'okta.o365Apps'], callsAtOnce: 'all' },
  'okta.signingKeys': { after: ['okta.o365Apps'], callsAtOnce: 'all' },
  'okta.policies': { after: ['okta.o365Apps'], callsAtOnce: 'all' },
  'okta.policyRules': { after: ['okta.policies'], callsAtOnce: 'all' },
  'graph.user': { after: [], callsAtOnce: 'all' },
  'graph.signIns': { after: [], callsAtOnce: 'all' },
  'graph.domain': { after: [], callsAtOnce: 'all' },
  'graph.federationConfiguration': { after: [], callsAtOnce: 'all' },
};

/** Runs async calls with at most `limit` in flight, in the order they were asked for. */
function callLimiter(limit: number): <T>(call: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(call: () => Promise<T>): Promise<T> => {
    if (active < limit) active++;
    // A finished call hands its place straight to the next in line (active stays the same).
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await call();
    } finally {
      const next = waiting.shift();
      if (next === undefined) active--;
      else next();
    }
  };
}

/** The same source with every method call passed through `limit`; other properties as they are. */
function limitedSource<S extends object>(source: S, limit: <T>(call: () => Promise<T>) => Promise<T>): S {
  return new Proxy(source, {
    get: (target, key) => {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      // Called on the source itself, not the proxy: SDK-backed sources keep private fields.
      return (...args: unknown[]) => limit(() => Promise.resolve(Reflect.apply(value, target, args)));
    },
  });
}

/** Runs async tasks with at most `limit` in flight, keeping their order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      const item = items[index] as T;
      results[index] = await fn(item);
    }
  });
  await Promise.all(workers);
  return results;
}

function reasonOf(error: unknown): string {
  if (error instanceof SourceError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return redactSecrets(message.slice(0, 300));
}

/**
 * Collects the evidence bundle for one subject, as a dependency graph with maximum safe
 * concurrency: the Okta user, the Office 365 apps and policies, the Graph user, domain,
 * federation settings and sign-ins start together; the System Log follows the Okta user (it is
 * queried by the user's id), app users and signing keys follow the apps, rules follow policies.
 *
 * A step that fails becomes a named gap, and so does every step that could not run without it
 * (and a read that could only be partial); nothing here throws or hangs (every step has a
 * signal that ends it).
 */
export async function collectEvidence(
  subject: EvidenceSubject,
  ports: CollectionPorts,
  onProgress: (event: CollectionProgress) => void = () => undefined,
  limits: CollectionLimits = DEFAULT_LIMITS,
): Promise<EvidenceBundle> {
  const gaps: EvidenceGap[] = [];
  const domain = subject.upn.slice(subject.upn.lastIndexOf('@') + 1).toLowerCase();
  const limit = limits.maxConcurrentCalls === undefined ? undefined : callLimiter(limits.maxConcurrentCalls);

  /** Runs one step: progress, a signal, and a gap instead of an exception. */
  const step = async <T>(
    source: EvidenceSource,
    run: (ctx: StepContext) => Promise<T>,
    count?: (value: T) => number,
  ): Promise<T | undefined> => {
    onProgress({ step: source, phase: 'started' });
    const ctx: StepContext = {
      signal: ports.stepSignal(),
      onPage: (page, itemsSoFar) => {
        onProgress({ step: source, phase: 'page', page, count: itemsSoFar });
      },
      onRetry: (inSeconds) => {
        onProgress({ step: source, phase: 'retrying', retryInSeconds: inSeconds });
      },
    };
    try {
      const value = await run(ctx);
      onProgress({ step: source, phase: 'done', ...(count === undefined ? {} : { count: count(value) }) });
      return value;
    } catch (error: unknown) {
      const reason = reasonOf(error);
      if (!gaps.some((g) => g.source === source)) gaps.push({ source, reason });
      onProgress({ step: source, phase: 'failed', message: reason });
      return undefined;
    }
  };

  const unconfigured = (sources: readonly EvidenceSource[], reason: string): void => {
    for (const source of sources) gaps.push({ source, reason });
  };

  /**
   * A step that never ran because a step it needs failed is a gap too, naming what it needed:
   * otherwise "not collected" would read as "nothing there" (no assignment, no signing key).
   */
  const notRead = (source: EvidenceSource, needs: readonly string[]): void => {
    const what = needs.join(' and ');
    gaps.push({ source, reason: `Not read: it needs ${what}, which could not be read.` });
  };

  // ---- Microsoft Graph: four independent calls.
  const graph = ports.graph === null || limit === undefined ? ports.graph : limitedSource(ports.graph, limit);
  const graphWork =
    graph === null
      ? (unconfigured(
          ['graph.user', 'graph.signIns', 'graph.domain', 'graph.federationConfiguration'],
          'No Microsoft Entra connection is configured.',
        ),
        Promise.resolve(undefined))
      : Promise.all([
          step(
            'graph.user',
            (c) => graph.getUser(subject.upn, c),
            (u) => (u === null ? 0 : 1),
          ),
          step(
            'graph.signIns',
            (c) => graph.listSignIns(signInFilter(subject.upn, subject.since, subject.until), c),
            (s) => s.length,
          ),
          step(
            'graph.domain',
            (c) => graph.getDomain(domain, c),
            (d) => (d === null ? 0 : 1),
          ),
          step(
            'graph.federationConfiguration',
            (c) => graph.getFederationConfiguration(domain, c),
            (f) => f.length,
          ),
        ]);

  // ---- Okta: the user, apps and policies start at once; the rest follow their inputs.
  const okta = ports.okta === null || limit === undefined ? ports.okta : limitedSource(ports.okta, limit);
  let oktaResult:
    | {
        user: OktaUser | null | undefined;
        apps: readonly OktaApplication[] | undefined;
        appUsers: Record<string, OktaAppUser | null> | undefined;
        keys: Record<string, readonly OktaSigningKey[]> | undefined;
        logs: readonly OktaLogEvent[] | undefined;
        policies: readonly OktaPolicy[] | undefined;
        rules: Record<string, readonly OktaPolicyRule[]> | undefined;
      }
    | undefined;
  if (okta === null) {
    unconfigured(
      [
        'okta.user',
        'okta.o365Apps',
        'okta.appUsers',
        'okta.logEvents',
        'okta.signingKeys',
        'okta.policies',
        'okta.policyRules',
      ],
      'No Okta connection is configured.',
    );
  } else {
    const userP = step(
      'okta.user',
      (c) => okta.getUser(subject.upn, c),
      (u) => (u === null ? 0 : 1),
    );
    const appsP = step(
      'okta.o365Apps',
      (c) => okta.listOffice365Apps(c),
      (a) => a.length,
    );

    const logsP = userP.then((user) => {
      const selector = logSelectorFor(subject.upn, user);
      return step(
        'okta.logEvents',
        async (c) => {
          const query = systemLogQuery(selector);
          const slices = timeSlices(subject.since, subject.until, limits.logSliceMs, limits.logConcurrency);
          let total = 0;
          const parts = await mapLimited(slices, limits.logConcurrency, async (slice) => {
            const part = await okta.listLogEvents(
              { ...slice, ...query, maxEvents: limits.maxLogEvents },
              {
                ...c,
                onPage: (page, n) => {
                  c.onPage(page, total + n);
                },
              },
            );
            total += part.events.length;
            return part;
          });
          const seen = new Set<string>();
          let events = parts
            .flatMap((p) => p.events)
            .filter((e) => (seen.has(e.uuid) ? false : (seen.add(e.uuid), true)))
            .sort((a, b) => Date.parse(a.published) - Date.parse(b.published));
          const truncated = parts.some((p) => p.truncated) || events.length > limits.maxLogEvents;
          if (truncated) {
            events = events.slice(-limits.maxLogEvents);
            gaps.push({
              source: 'okta.logEvents',
              reason: `The window holds more than ${String(limits.maxLogEvents)} events; the newest ${String(events.length)} were kept. Narrow the window to see all.`,
            });
          }
          return events;
        },
        (e) => e.length,
      );
    });

    const appUsersP = Promise.all([userP, appsP]).then(async ([user, apps]) => {
      // A user Okta does not know has no assignment to read; one whose lookup failed might.
      if (user === null) return undefined;
      if (user === undefined || apps === undefined) {
        notRead('okta.appUsers', [
          ...(user === undefined ? ['the Okta user'] : []),
          ...(apps === undefined ? ['the Office 365 apps'] : []),
        ]);
        return undefined;
      }
      return step(
        'okta.appUsers',
        async (c) =>
          Object.fromEntries(
            await Promise.all(apps.map(async (app) => [app.id, await okta.getAppUser(app.id, user.id, c)] as const)),
          ),
        (m) => Object.values(m).filter((v) => v !== null).length,
      );
    });

    const keysP = appsP.then(async (apps) => {
      if (apps === undefined) {
        notRead('okta.signingKeys', ['the Office 365 apps']);
        return undefined;
      }
      return step(
        'okta.signingKeys',
        async (c) =>
          Object.fromEntries(
            await Promise.all(apps.map(async (app) => [app.id, await okta.listSigningKeys(app.id, c)] as const)),
          ),
        (m) => Object.keys(m).length,
      );
    });

    const policiesP = appsP.then(async (apps) => {
      const policies = await step(
        'okta.policies',
        (c) => okta.listPolicies(apps?.[0], c),
        (p) => p.length,
      );
      if (policies === undefined) {
        notRead('okta.policyRules', ['the sign-on policies']);
        return { policies, rules: undefined };
      }
      // Without the apps only the global policies could be read: say so, or "no rule denies
      // this" would be claimed for a policy nobody looked at.
      if (apps === undefined)
        gaps.push({
          source: 'okta.policies',
          reason:
            'Only the global sign-on policies were read: the Office 365 app’s own authentication policy needs the Office 365 apps, which could not be read.',
        });
      const rules = await step(
        'okta.policyRules',
        async (c) =>
          Object.fromEntries(
            await Promise.all(policies.map(async (p) => [p.id, await okta.listPolicyRules(p.id, c)] as const)),
          ),
        (m) => Object.values(m).reduce((n, r) => n + r.length, 0),
      );
      return { policies, rules };
    });

    const [user, apps, appUsers, keys, logs, policyResult] = await Promise.all([
      userP,
      appsP,
      appUsersP,
      keysP,
      logsP,
      policiesP,
    ]);
    oktaResult = { user, apps, appUsers, keys, logs, policies: policyResult.policies, rules: policyResult.rules };
  }

  const graphResult = await graphWork;
  const [graphUser, signIns, graphDomain, federation] = graphResult ?? [];
  const defined = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
    value === undefined ? {} : ({ [key]: value } as Record<K, V>);

  const bundle: EvidenceBundle = {
    format: EVIDENCE_FORMAT,
    collectedAt: ports.now().toISOString(),
    subject,
    ...(okta === null || oktaResult === undefined
      ? {}
      : {
          okta: {
            orgUrl: okta.orgUrl,
            ...defined('user', oktaResult.user),
            ...defined('o365Apps', oktaResult.apps),
            ...defined('appUsers', oktaResult.appUsers),
            ...defined('logEvents', oktaResult.logs),
            ...defined('signingKeys', oktaResult.keys),
            ...defined('policies', oktaResult.policies),
            ...defined('policyRules', oktaResult.rules),
          },
        }),
    ...(graph === null
      ? {}
      : {
          graph: {
            ...defined<'user', GraphUser | null>('user', graphUser),
            ...defined<'signIns', readonly GraphSignIn[]>('signIns', signIns),
            ...defined<'domain', GraphDomain | null>('domain', graphDomain),
            ...defined<'federationConfiguration', readonly GraphFederationConfiguration[]>(
              'federationConfiguration',
              federation,
            ),
          },
        }),
    gaps,
  };
  // Credentials inside the vendor data never reach a bundle (see maskBundleSecrets): the bundle
  // is written to disk and attached to tickets, and every diagnosis is made from this one.
  return maskBundleSecrets(bundle);
}

/** True when not a single source could be read (the CLI exits 3). */
export function nothingCollected(bundle: EvidenceBundle): boolean {
  const okta = bundle.okta;
  const graph = bundle.graph;
  const oktaAny =
    okta !== undefined &&
    [okta.user, okta.o365Apps, okta.logEvents, okta.appUsers, okta.policies].some((v) => v !== undefined);
  const graphAny =
    graph !== undefined &&
    [graph.user, graph.signIns, graph.domain, graph.federationConfiguration].some((v) => v !== undefined);
  return !oktaAny && !graphAny;
}
