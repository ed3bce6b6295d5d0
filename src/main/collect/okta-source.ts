import type { Client } from '@okta/okta-sdk-nodejs';
import type { LogQuery, OktaSource, StepContext } from '../../core/collection/ports';
import { SourceError } from '../../core/collection/ports';
import { redactSecrets } from '../../core/redact-secrets';
import type {
  OktaApplication,
  OktaAppUser,
  OktaLogEvent,
  OktaPolicy,
  OktaPolicyRule,
  OktaSigningKey,
  OktaUser,
} from '../../core/evidence/vendor-types';
import { OktaTokenError } from '../connectors/okta-client';
import { abortable, cancelled } from './abortable';

/** Scopes (or admin rights) each call needs, for the error that names what is missing. */
const NEEDS: Readonly<Record<string, string>> = {
  users: 'okta.users.read',
  apps: 'okta.apps.read',
  logs: 'okta.logs.read',
  policies: 'okta.policies.read',
};

interface OktaErrorLike {
  readonly status?: number;
  readonly errorCode?: string;
  readonly errorSummary?: string;
  readonly message?: string;
  readonly name?: string;
}

/** Turns an Okta SDK error into a reason a technician can act on; null means "not found". */
function explain(error: unknown, area: keyof typeof NEEDS): SourceError {
  const e = (error ?? {}) as OktaErrorLike;
  const status = e.status;
  if (error instanceof SourceError) return error;
  // The token request of a service app asking for scopes it was not granted (invalid_scope).
  const notAllowed = /scopes are not allowed: ([\w. ]+)/.exec(e.message ?? '')?.[1]?.trim();
  if (notAllowed !== undefined && notAllowed !== '') {
    return new SourceError(
      `The Okta service app may not read this: grant the scopes ${notAllowed.split(/\s+/).join(', ')}.`,
    );
  }
  if (error instanceof OktaTokenError) return new SourceError(redactSecrets(error.message));
  if (status === 401)
    return new SourceError(
      'Okta rejected the credential (an invalid, expired or revoked API token, or a service app’s access token refused again after a fresh one was fetched).',
    );
  if (status === 403)
    return new SourceError(
      `The Okta credential may not read this: grant the scope ${NEEDS[area] ?? ''} (service app) or a read-only admin role (API token).`,
    );
  if (status === 429)
    return new SourceError(
      'Okta’s rate limit was still exceeded after waiting for X-Rate-Limit-Reset; try again in a minute.',
    );
  if (status !== undefined && status >= 500)
    return new SourceError(`Okta answered ${String(status)} (a service error); try again shortly.`);
  if (status !== undefined)
    return new SourceError(
      redactSecrets(
        `Okta answered ${String(status)} ${e.errorCode ?? ''}: ${e.errorSummary ?? e.message ?? ''}`.trim(),
      ),
    );
  const message = e.message ?? String(error);
  // The SDK's own words for it; a bare "429" would also match a port or an id in a timeout's URL.
  if (message.includes('HTTP 429 retry delay'))
    return new SourceError('Okta’s rate limit would outlast the request timeout; try again in a minute.');
  // "network timeout", "timed out": not any "time".
  if (/timed? ?out/i.test(message)) return new SourceError('Okta did not answer in time.');
  if (/json/i.test(message)) return new SourceError('Okta sent a response that is not valid JSON.');
  return new SourceError(redactSecrets(`Okta could not be reached: ${message.slice(0, 200)}`));
}

/**
 * The SDK turns JSON into model objects (dates become Date). Bundles hold vendor JSON as the API
 * sent it, so models go back through JSON: a Date serialises to the same ISO-8601 text.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T is the vendor shape the caller knows the JSON to have
function plain<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error: unknown) {
    if ((error as OktaErrorLike | null)?.status === 404) return null;
    throw error;
  }
}

async function drain<T>(
  collection: AsyncIterable<T | null>,
  max = Infinity,
  onItem?: (n: number) => void,
): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  for await (const item of collection) {
    if (item === null) break; // a polling query yields null once its next page is empty
    items.push(item);
    onItem?.(items.length);
    if (items.length >= max) return { items, truncated: true };
  }
  return { items, truncated: false };
}

/**
 * The SDK's HTTP client as the System Log reader uses it: node-fetch's request options and
 * response, which the SDK's own types leave unresolved.
 */
interface SdkHttp {
  http(
    url: string,
    request: { readonly method: string; readonly headers: Readonly<Record<string, string>> },
  ): Promise<{ readonly headers: { get(name: string): string | null }; json(): Promise<unknown> }>;
}

/** Events per System Log page the collector asks for: the most Okta serves, so fewest requests count against its per-minute rate limit. */
export const LOG_PAGE_SIZE = 1000;

/**
 * The `rel="next"` URL of a Link header, or null at the end. Only a link to the org itself is
 * followed: the request carries the org's credential.
 */
function nextLink(header: string | null, origin: string): string | null {
  const href = /<([^>]+)>\s*;\s*rel="?next"?/.exec(header ?? '')?.[1];
  if (href === undefined) return null;
  const next = new URL(href, origin);
  if (next.origin !== origin) throw new SourceError('Okta sent a next-page link to another host; it was not followed.');
  return next.toString();
}

/** Reads the policy id from an app's `_links.accessPolicy.href` (OIE). */
function accessPolicyId(app: OktaApplication | undefined): string | null {
  const link = (app?._links as { accessPolicy?: { href?: unknown } } | null | undefined)?.accessPolicy?.href;
  return typeof link === 'string' ? (/\/policies\/([^/?#]+)/.exec(link)?.[1] ?? null) : null;
}

/**
 * The Okta side of collection over the official SDK. Calls are bounded by the SDK's request
 * timeout and by the step's signal; 429s are retried by the SDK's executor after
 * X-Rate-Limit-Reset, and each wait is reported as "retrying".
 */
export class OktaSdkSource implements OktaSource {
  readonly #retryListeners = new Set<(seconds: number) => void>();

  constructor(
    private readonly client: Client,
    readonly orgUrl: string,
    /** The Office 365 app instance a profile chose, when the org has several. */
    private readonly preferredAppId?: string,
  ) {
    // The executor emits `backoff` before it waits for a rate-limit reset.
    (client.requestExecutor as unknown as { on?: (event: string, fn: (...args: unknown[]) => void) => void }).on?.(
      'backoff',
      (...args: unknown[]) => {
        const delayMs = args.find((a): a is number => typeof a === 'number') ?? 0;
        for (const listener of this.#retryListeners) listener(Math.ceil(delayMs / 1000));
      },
    );
  }

  async #call<T>(area: keyof typeof NEEDS, ctx: StepContext, run: () => Promise<T>): Promise<T> {
    const onRetry = (s: number): void => {
      ctx.onRetry(s);
    };
    this.#retryListeners.add(onRetry);
    try {
      // A cancelled run sends nothing more: check before the request goes out, not after.
      if (ctx.signal.aborted) throw cancelled(ctx.signal, 'Okta');
      return await abortable(run(), ctx.signal, 'Okta');
    } catch (error: unknown) {
      throw explain(error, area);
    } finally {
      this.#retryListeners.delete(onRetry);
    }
  }

  getUser(login: string, ctx: StepContext): Promise<OktaUser | null> {
    return this.#call('users', ctx, async () =>
      plain<OktaUser | null>(await orNull(this.client.userApi.getUser({ userId: login }))),
    );
  }

  listOffice365Apps(ctx: StepContext): Promise<readonly OktaApplication[]> {
    return this.#call('apps', ctx, async () => {
      const apps = plain<OktaApplication[]>(
        (await drain(await this.client.applicationApi.listApplications({ filter: 'name eq "office365"' }))).items,
      );
      // A profile may name the instance to use when the org has several (one per Microsoft tenant).
      const preferred = this.preferredAppId === undefined ? [] : apps.filter((a) => a.id === this.preferredAppId);
      return preferred.length > 0 ? preferred : apps;
    });
  }

  getAppUser(appId: string, userId: string, ctx: StepContext): Promise<OktaAppUser | null> {
    return this.#call('apps', ctx, async () =>
      plain<OktaAppUser | null>(await orNull(this.client.applicationApi.getApplicationUser({ appId, userId }))),
    );
  }

  listSigningKeys(appId: string, ctx: StepContext): Promise<readonly OktaSigningKey[]> {
    return this.#call('apps', ctx, async () =>
      plain<OktaSigningKey[]>((await drain(await this.client.applicationApi.listApplicationKeys({ appId }))).items),
    );
  }

  listPolicies(app: OktaApplication | undefined, ctx: StepContext): Promise<readonly OktaPolicy[]> {
    return this.#call('policies', ctx, async () => {
      // The Office 365 app's own authentication policy (OIE), and the global session / Okta
      // sign-on policies that apply before it.
      const id = accessPolicyId(app);
      const appPolicy = id === null ? [] : [plain<OktaPolicy>(await this.client.policyApi.getPolicy({ policyId: id }))];
      const global = plain<OktaPolicy[]>(
        (await drain(await this.client.policyApi.listPolicies({ type: 'OKTA_SIGN_ON' }))).items,
      );
      return [...appPolicy, ...global];
    });
  }

  listPolicyRules(policyId: string, ctx: StepContext): Promise<readonly OktaPolicyRule[]> {
    return this.#call('policies', ctx, async () =>
      plain<OktaPolicyRule[]>((await drain(await this.client.policyApi.listPolicyRules({ policyId }))).items),
    );
  }

  listLogEvents(
    query: LogQuery,
    ctx: StepContext,
  ): Promise<{ readonly events: readonly OktaLogEvent[]; readonly truncated: boolean }> {
    return this.#call('logs', ctx, async () => {
      // System Log pages are read as the JSON Okta sent, through the SDK's own HTTP client (its
      // authentication, its retries after X-Rate-Limit-Reset, its errors), not through its
      // LogEvent models: on a heavy week (50,000 events) building the models and turning them
      // back into JSON cost more time than the network, and the models rename fields
      // (`authenticationContext.interface` came back as `_interface`).
      const params: [string, string][] = [
        ['since', query.since],
        ['until', query.until],
        ['limit', String(LOG_PAGE_SIZE)],
        ...(query.filter === undefined ? [] : [['filter', query.filter] as [string, string]]),
        ...(query.q === undefined ? [] : [['q', query.q] as [string, string]]),
      ];
      const first = new URL('/api/v1/logs', this.orgUrl);
      first.search = params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
      let url: string | null = first.toString();
      const events: OktaLogEvent[] = [];
      let page = 0;
      while (url !== null) {
        // A cancelled run sends nothing more, not even the next page.
        if (ctx.signal.aborted) throw cancelled(ctx.signal, 'Okta');
        // A new request object each time: the SDK writes into it.
        const response = await (this.client.http as unknown as SdkHttp).http(url, {
          method: 'GET',
          headers: { Accept: 'application/json' },
        });
        const body = await response.json();
        if (!Array.isArray(body)) throw new SourceError('Okta sent a System Log page that is not a list of events.');
        if (body.length === 0) break;
        ctx.onPage(++page, events.length + 1);
        for (const event of body as OktaLogEvent[]) {
          events.push(event);
          if (events.length >= query.maxEvents) return { events, truncated: true };
        }
        url = nextLink(response.headers.get('link'), first.origin);
      }
      return { events, truncated: false };
    });
  }
}
