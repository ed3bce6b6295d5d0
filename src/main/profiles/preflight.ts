import type { PreflightReport } from '../../shared/ipc/profiles';
import type { StepContext } from '../../core/collection/ports';
import { acquireGraphToken } from '../connectors/entra-token';
import type { SourceConnection } from '../collect/source-connection';

/** One check's outcome. */
type Check = PreflightReport['checks'][number];

/** The Graph application permissions the collector needs, and what each is for. */
const GRAPH_PERMISSIONS: readonly { readonly role: string; readonly for: string }[] = [
  { role: 'User.Read.All', for: 'the user and their ImmutableID' },
  { role: 'AuditLog.Read.All', for: 'the sign-in logs' },
  { role: 'Domain.Read.All', for: 'the domain and its federation settings' },
];

const OKTA_SCOPE_FIX = (scope: string): string =>
  `Okta Admin Console › Applications › (the Sign-in Triage service app) › Okta API Scopes › Grant ${scope}. For an API token: the token acts with its creator’s admin role; use a Read-only Administrator.`;

const GRAPH_FIX = (role: string): string =>
  `Microsoft Entra admin center › App registrations › (the Sign-in Triage app) › API permissions › Add a permission › Microsoft Graph › Application permissions › ${role}, then “Grant admin consent”.`;

interface ProbeError {
  readonly message?: string;
}

function ctx(timeoutMs: number): StepContext {
  return { signal: AbortSignal.timeout(timeoutMs), onPage: () => undefined, onRetry: () => undefined };
}

function message(error: unknown): string {
  return (error as ProbeError | null)?.message ?? String(error);
}

/** The `roles` claim of an app-only Graph token (Entra puts granted application permissions there). */
function rolesOf(token: string): readonly string[] {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      roles?: unknown;
    };
    return Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
  } catch {
    return [];
  }
}

/** Options of {@link runPreflight}. */
export interface PreflightOptions {
  readonly profileId: string;
  /** A domain of the tenant to probe Domain.Read.All with (the profile's, or the Office 365 app's). */
  readonly domain?: string;
  readonly probeTimeoutMs?: number;
  readonly now?: () => Date;
}

/**
 * Probes every call the collector makes, with the profile's own credentials, and says for each
 * failure exactly what to grant and where. Nothing is changed in either tenant.
 */
export async function runPreflight(connection: SourceConnection, options: PreflightOptions): Promise<PreflightReport> {
  const timeout = options.probeTimeoutMs ?? 15_000;
  const okta = connection.clients.oktaSource;
  const graphSource = connection.clients.graphSource;
  const graph = connection.clients.graph;
  const now = options.now ?? (() => new Date());

  const oktaProbe = async (id: string, title: string, scope: string, probe: () => Promise<string>): Promise<Check> => {
    try {
      return { id, title, status: 'pass', detail: await probe() };
    } catch (error: unknown) {
      const text = message(error);
      if (text.includes('rejected the credential')) {
        return {
          id,
          title,
          status: 'fail',
          detail: text,
          fix: 'Create a new API token (Okta Admin Console › Security › API › Tokens), or check the service app’s client id, key id and public key, and that it was granted every scope the collector asks for: okta.users.read, okta.apps.read, okta.logs.read, okta.policies.read (Okta API Scopes tab).',
        };
      }
      const named = /grant the scopes ([\w., ]+)\./.exec(text)?.[1];
      if (named !== undefined)
        return {
          id,
          title,
          status: 'fail',
          detail: `The service app was not granted ${named}.`,
          fix: OKTA_SCOPE_FIX(named),
        };
      if (text.includes('may not read'))
        return { id, title, status: 'fail', detail: `Missing ${scope}.`, fix: OKTA_SCOPE_FIX(scope) };
      return { id, title, status: 'fail', detail: text };
    }
  };

  const sinceHour = new Date(now().getTime() - 3_600_000).toISOString();
  const oktaChecks = Promise.all([
    oktaProbe('okta.users', 'Okta: read users', 'okta.users.read', async () => {
      await okta.getUser('signin-triage-preflight-probe@example.invalid', ctx(timeout));
      return 'The credential works and may read users.';
    }),
    oktaProbe('okta.apps', 'Okta: find the Office 365 app', 'okta.apps.read', async () => {
      const apps = await okta.listOffice365Apps(ctx(timeout));
      if (apps.length === 0)
        throw new Error('No Office 365 app instance in this Okta org: Microsoft 365 is not federated to it.');
      return `Office 365 app instance${apps.length > 1 ? 's' : ''}: ${apps
        .map((a) => {
          const settings = a.settings?.app ?? {};
          const domains = [settings.domain, ...(Array.isArray(settings.domains) ? (settings.domains as unknown[]) : [])]
            .filter((d): d is string => typeof d === 'string')
            .filter((d, i, all) => all.indexOf(d) === i);
          return `${a.label ?? a.id} (${domains.length > 0 ? domains.join(', ') : 'no domain set'})`;
        })
        .join('; ')}.`;
    }),
    oktaProbe('okta.logs', 'Okta: read the System Log', 'okta.logs.read', async () => {
      await okta.listLogEvents(
        { since: sinceHour, until: now().toISOString(), filter: 'eventType eq "user.session.start"', maxEvents: 1 },
        ctx(timeout),
      );
      return 'The System Log is readable (kept for 90 days).';
    }),
    oktaProbe('okta.policies', 'Okta: read sign-on policies', 'okta.policies.read', async () => {
      const policies = await okta.listPolicies(undefined, ctx(timeout));
      return `${String(policies.length)} global sign-on polic${policies.length === 1 ? 'y' : 'ies'} readable.`;
    }),
  ]);

  const graphChecks = (async (): Promise<Check[]> => {
    let token: string;
    try {
      token = await acquireGraphToken(connection.clients.entra);
    } catch (error: unknown) {
      return [
        {
          id: 'entra.token',
          title: 'Microsoft Entra: get a token',
          status: 'fail',
          detail: message(error).includes('invalid_client')
            ? 'Entra rejected the app’s credential (invalid_client).'
            : message(error).slice(0, 300),
          fix: 'Microsoft Entra admin center › App registrations › (the Sign-in Triage app) › Certificates & secrets: create a new client secret (or upload the certificate) and enter it here. Check the tenant and application (client) id.',
        },
      ];
    }
    const checks: Check[] = [
      {
        id: 'entra.token',
        title: 'Microsoft Entra: get a token',
        status: 'pass',
        detail: 'The app registration signed in with its credential.',
      },
    ];
    const roles = rolesOf(token);
    for (const p of GRAPH_PERMISSIONS) {
      const granted = roles.includes(p.role) || roles.includes('Directory.Read.All');
      checks.push(
        granted
          ? {
              id: `graph.permission.${p.role}`,
              title: `Graph permission ${p.role}`,
              status: 'pass',
              detail: `Granted: ${p.for} can be read.`,
            }
          : {
              id: `graph.permission.${p.role}`,
              title: `Graph permission ${p.role}`,
              status: 'fail',
              detail: `Not granted: ${p.for} cannot be read.`,
              fix: GRAPH_FIX(p.role),
            },
      );
    }
    if (roles.includes('AuditLog.Read.All') || roles.includes('Directory.Read.All')) {
      try {
        await graph.api('/auditLogs/signIns').top(1).get();
        checks.push({
          id: 'graph.signIns',
          title: 'Sign-in logs readable',
          status: 'pass',
          detail: 'Sign-in logs are readable (kept 30 days with Entra ID P1/P2).',
        });
      } catch (error: unknown) {
        const code = (error as { code?: string }).code;
        checks.push(
          code === 'Authentication_RequestFromNonPremiumTenantOrB2CTenant'
            ? {
                id: 'graph.signIns',
                title: 'Sign-in logs readable',
                status: 'fail',
                detail: 'The tenant has no Microsoft Entra ID P1 or P2 licence, which Graph requires for sign-in logs.',
                fix: 'Assign at least one Microsoft Entra ID P1 (or P2, or Microsoft 365 E3/E5/Business Premium) licence in the tenant. Until then diagnoses lack the Entra side.',
              }
            : {
                id: 'graph.signIns',
                title: 'Sign-in logs readable',
                status: 'fail',
                detail: message(error).slice(0, 300),
              },
        );
      }
    }
    if (options.domain !== undefined && (roles.includes('Domain.Read.All') || roles.includes('Directory.Read.All'))) {
      const domain = options.domain;
      try {
        const d = await graphSource.getDomain(domain, ctx(timeout));
        checks.push({
          id: 'graph.domain',
          title: `Domain ${domain}`,
          status: d === null ? 'warn' : 'pass',
          detail:
            d === null
              ? `${domain} is not a domain of this tenant.`
              : `${domain} is ${d.authenticationType ?? 'of unknown type'}${d.authenticationType === 'Managed' ? ': Okta is not in its sign-in path' : ''}.`,
        });
      } catch (error: unknown) {
        checks.push({ id: 'graph.domain', title: `Domain ${domain}`, status: 'fail', detail: message(error) });
      }
    }
    return checks;
  })();

  const [oktaResults, graphResults] = await Promise.all([oktaChecks, graphChecks]);
  const checks = [
    ...oktaResults,
    ...graphResults,
    {
      id: 'retention',
      title: 'Log retention',
      status: 'pass' as const,
      detail: 'Okta keeps the System Log for 90 days; Entra keeps sign-in logs for 30 days (P1/P2) or 7 days (free).',
    },
  ];
  return {
    profileId: options.profileId,
    at: now().toISOString(),
    ok: checks.every((c) => c.status !== 'fail'),
    checks,
  };
}
