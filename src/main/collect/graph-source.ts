import { PageIterator } from '@microsoft/microsoft-graph-client';
import type { Client, PageCollection } from '@microsoft/microsoft-graph-client';
import type { GraphSource, StepContext } from '../../core/collection/ports';
import { SourceError } from '../../core/collection/ports';
import { PREFERRED_SIGN_IN_API_VERSION, signInRequestFilter } from '../../core/collection/queries';
import type { SignInApiVersion } from '../../core/collection/queries';
import { redactSecrets } from '../../core/redact-secrets';
import type {
  GraphDomain,
  GraphFederationConfiguration,
  GraphSignIn,
  GraphUser,
} from '../../core/evidence/vendor-types';
import { EntraTokenError } from '../connectors/entra-token';
import { abortable, cancelled } from './abortable';

/** The user properties the engine reads; onPremisesImmutableId is only returned when selected. */
const USER_SELECT = [
  'id',
  'userPrincipalName',
  'displayName',
  'mail',
  'accountEnabled',
  'onPremisesImmutableId',
  'onPremisesSyncEnabled',
];

interface GraphErrorLike {
  readonly statusCode?: number;
  readonly code?: string | null;
  readonly message?: string;
  readonly errorCode?: string;
}

/** Turns a Graph or MSAL error into a reason a technician can act on. */
function explain(error: unknown, what: string, permission: string): SourceError {
  if (error instanceof SourceError) return error;
  if (error instanceof EntraTokenError) return new SourceError(error.message);
  const e = (error ?? {}) as GraphErrorLike;
  // The Graph client wraps what the token provider threw in a GraphError named after it.
  if (e.code === 'EntraTokenError' && e.message !== undefined) return new SourceError(e.message);
  const code = e.code ?? '';
  if (code === 'Authentication_RequestFromNonPremiumTenantOrB2CTenant') {
    return new SourceError(
      'Reading sign-in logs through Graph needs a Microsoft Entra ID P1 or P2 licence in the tenant.',
    );
  }
  if (e.statusCode === 403 || code === 'Authorization_RequestDenied') {
    return new SourceError(
      `The app registration may not read ${what}: grant the application permission ${permission} and admin consent.`,
    );
  }
  // The client has already fetched a fresh token once and sent the request again.
  if (e.statusCode === 401)
    return new SourceError(
      'Microsoft Graph rejected the access token, a freshly issued one too (expired, revoked or for another tenant).',
    );
  if (e.errorCode === 'invalid_client' || (e.message ?? '').includes('invalid_client')) {
    return new SourceError(
      'Microsoft Entra rejected the app credential (wrong or expired client secret or certificate).',
    );
  }
  if (e.statusCode === 429)
    return new SourceError('Microsoft Graph kept throttling after the retries; try again in a minute.');
  if (e.statusCode !== undefined && e.statusCode >= 500)
    return new SourceError(`Microsoft Graph answered ${String(e.statusCode)} (a service error); try again shortly.`);
  const message = e.message ?? String(error);
  // "timed out", "timeout": not any "time" (MSAL's messages carry a "Timestamp").
  if (/timed? ?out/i.test(message)) return new SourceError(`Microsoft Graph did not answer in time (${what}).`);
  if (/json/i.test(message)) return new SourceError('Microsoft Graph sent a response that is not valid JSON.');
  return new SourceError(redactSecrets(`Microsoft Graph: ${code !== '' ? `${code}: ` : ''}${message.slice(0, 200)}`));
}

/** The path to a user: UPNs starting with '$' need the key form users('…') (Graph docs). */
function userPath(upn: string): string {
  return upn.startsWith('$')
    ? `/users('${encodeURIComponent(upn.replaceAll("'", "''"))}')`
    : `/users/${encodeURIComponent(upn)}`;
}

/**
 * The Microsoft side of collection over the Graph client (its RetryHandler honours Retry-After
 * on 429/503/504) with tokens from MSAL.
 */
export class GraphSdkSource implements GraphSource {
  readonly #retryListeners = new Set<(seconds: number) => void>();

  constructor(private readonly client: Client) {}

  /** Feed for the Graph client's `onResponse`: reports throttling waits to the steps in flight. */
  observe(response: Response): void {
    if (response.status !== 429 && response.status !== 503) return;
    this.retrying(Number(response.headers.get('retry-after') ?? '0') || 0);
  }

  /** Reports a wait before a retry (Graph's or Entra's) to the steps in flight. */
  retrying(seconds: number): void {
    for (const listener of this.#retryListeners) listener(seconds);
  }

  async #call<T>(ctx: StepContext, what: string, permission: string, run: () => Promise<T>): Promise<T> {
    const onRetry = (s: number): void => {
      ctx.onRetry(s);
    };
    this.#retryListeners.add(onRetry);
    try {
      // A cancelled run sends nothing more: check before the request goes out, not after.
      if (ctx.signal.aborted) throw cancelled(ctx.signal, 'Microsoft Graph');
      return await abortable(run(), ctx.signal, 'Microsoft Graph');
    } catch (error: unknown) {
      throw explain(error, what, permission);
    } finally {
      this.#retryListeners.delete(onRetry);
    }
  }

  getUser(upn: string, ctx: StepContext): Promise<GraphUser | null> {
    return this.#call(ctx, 'users', 'User.Read.All', async () => {
      try {
        return (await this.client.api(userPath(upn)).select(USER_SELECT).get()) as GraphUser;
      } catch (error: unknown) {
        if ((error as GraphErrorLike).statusCode === 404) return null;
        throw error;
      }
    });
  }

  listSignIns(filter: string, ctx: StepContext): Promise<readonly GraphSignIn[]> {
    return this.#call(ctx, 'sign-in logs', 'AuditLog.Read.All', async () => {
      // /beta carries authenticationProtocol and originalTransferMethod (device code); fall
      // back to /v1.0 where beta is refused for the query, not for permission or licence.
      try {
        return await this.#pages(PREFERRED_SIGN_IN_API_VERSION, filter, ctx);
      } catch (error: unknown) {
        const status = (error as GraphErrorLike).statusCode;
        if (status === 400 || status === 404) return this.#pages('v1.0', filter, ctx);
        throw error;
      }
    });
  }

  async #pages(version: SignInApiVersion, filter: string, ctx: StepContext): Promise<GraphSignIn[]> {
    const first = (await this.client
      .api('/auditLogs/signIns')
      .version(version)
      // The Graph client puts query values into the URL as they are, unencoded: a "%27" in a UPN
      // would reach Graph as a quote and end the literal (OData injection), and "&" or "#" would
      // cut the filter short. Encoded here, the server decodes back exactly the filter built.
      .filter(encodeURIComponent(signInRequestFilter(filter, version)))
      .top(1000)
      .get()) as PageCollection;
    const all: GraphSignIn[] = [];
    // Pages are as long as the first one; report each new page as its first item arrives.
    const pageSize = Math.max(1, first.value.length);
    ctx.onPage(1, first.value.length);
    const iterator = new PageIterator(this.client, first, (item) => {
      all.push(item as GraphSignIn);
      if (all.length > pageSize && all.length % pageSize === 1)
        ctx.onPage(Math.ceil(all.length / pageSize), all.length);
      return !ctx.signal.aborted;
    });
    await iterator.iterate();
    return all;
  }

  getDomain(domain: string, ctx: StepContext): Promise<GraphDomain | null> {
    return this.#call(ctx, 'domains', 'Domain.Read.All', async () => {
      try {
        return (await this.client.api(`/domains/${encodeURIComponent(domain)}`).get()) as GraphDomain;
      } catch (error: unknown) {
        if ((error as GraphErrorLike).statusCode === 404) return null;
        throw error;
      }
    });
  }

  getFederationConfiguration(domain: string, ctx: StepContext): Promise<readonly GraphFederationConfiguration[]> {
    return this.#call(ctx, 'domain federation settings', 'Domain.Read.All', async () => {
      try {
        const result = (await this.client
          .api(`/domains/${encodeURIComponent(domain)}/federationConfiguration`)
          .get()) as { value: GraphFederationConfiguration[] };
        return result.value;
      } catch (error: unknown) {
        if ((error as GraphErrorLike).statusCode === 404) return [];
        throw error;
      }
    });
  }
}
