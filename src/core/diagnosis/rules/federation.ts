import { parseOffice365Endpoint } from '../../classify/office365-endpoint';
import { normaliseCertificate, readCertificateValidity } from '../../codecs/x509-validity';
import type { OktaSigningKey } from '../../evidence/vendor-types';
import type { DiagnosisContext } from '../context';
import { cite, makeFinding, signInEvidence, times } from '../finding';
import type { EvidenceItem } from '../model';
import type { Rule } from './shared';

const FED_WHERE =
  'Microsoft Graph: PATCH /domains/{domain}/federationConfiguration/{id} (or the Okta Office 365 app’s "Sign On" tab › WS-Federation automatic configuration)';

/** The host[:port] of an absolute URL, without user info; null when it is not one. (No URL class in the pure core.) */
function hostOf(url: string | null | undefined): string | null {
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)/i.exec(url ?? '')?.[1];
  if (authority === undefined) return null;
  return authority.slice(authority.lastIndexOf('@') + 1).toLowerCase();
}

function domainEvidence(ctx: DiagnosisContext, field: string, value: string, note: string): EvidenceItem {
  return { source: 'graph.domain', id: ctx.bundle.graph?.domain?.id ?? 'unknown', field, value, note };
}

function fedEvidence(ctx: DiagnosisContext, field: string, value: string, note: string): EvidenceItem {
  return {
    source: 'graph.federationConfiguration',
    id: ctx.federation?.id ?? ctx.bundle.graph?.domain?.id ?? 'unknown',
    field,
    value,
    note,
  };
}

/** DOMAIN_NOT_FEDERATED: the user's domain is managed, so Okta is not in the sign-in path at all. */
const domainNotFederated: Rule = (ctx) => {
  const domain = ctx.bundle.graph?.domain;
  if (domain === undefined || domain === null || domain.authenticationType?.toLowerCase() !== 'managed') return [];
  const failures = ctx.signIns.filter((s) => s.failed);
  return [
    makeFinding({
      code: 'DOMAIN_NOT_FEDERATED',
      severity: 'medium',
      confidence: 'high',
      summary: `${domain.id} is a managed domain: Microsoft signs this user in with their Entra password, and Okta is not involved.`,
      explanation: `Entra reports authenticationType "Managed" for ${domain.id}, so sign-ins never reach Okta and Okta settings cannot be the cause.${failures.length > 0 ? ` Entra logged ${times(failures.length)} a failed sign-in; look at those errors (${[...new Set(failures.map((s) => `AADSTS${s.errorCode}`))].slice(0, 3).join(', ')}).` : ''} If the organisation meant to federate this domain to Okta, the federation was never set up or was removed.`,
      evidence: [
        domainEvidence(
          ctx,
          'authenticationType',
          domain.authenticationType ?? '',
          'Managed: Entra checks the password itself.',
        ),
        ...cite(failures.slice(-2), 2, (s) => signInEvidence(s, s.entry.name)),
      ],
      remediation: [
        {
          title: 'Troubleshoot as an Entra password sign-in',
          detail: 'Reset or verify the Entra password; Okta password changes do not apply to a managed domain.',
        },
        {
          title: 'If the domain should be federated to Okta, federate it',
          detail:
            'Use the Okta Office 365 app’s WS-Federation automatic configuration, in a change window: it moves every user of the domain.',
          where: 'Okta Admin Console › Applications › Microsoft Office 365 › Sign On',
        },
      ],
      wouldChangeMyMind: ['The domain reading "Federated" (a change made after collection).'],
    }),
  ];
};

/** FEDERATION_POINTS_ELSEWHERE: the domain is federated, but not to this Okta org's Office 365 app. */
const pointsElsewhere: Rule = (ctx) => {
  const fed = ctx.federation;
  const domain = ctx.bundle.graph?.domain;
  if (fed === undefined || domain?.authenticationType?.toLowerCase() !== 'federated') return [];
  const orgHost = hostOf(ctx.bundle.okta?.orgUrl);
  const passive = fed.passiveSignInUri ?? null;
  const passiveHost = hostOf(passive);
  const endpoint = parseOffice365Endpoint(passive);
  const keysSeen = new Set<string>();
  for (const v of ctx.oktaEvents) if (v.endpoint !== null) keysSeen.add(v.endpoint.appKey);
  const otherIdp = endpoint === null;
  const otherOrg = !otherIdp && orgHost !== null && passiveHost !== orgHost;
  const otherApp = !otherIdp && !otherOrg && keysSeen.size > 0 && !keysSeen.has(endpoint.appKey);
  if (!otherIdp && !otherOrg && !otherApp) return [];
  const where = otherIdp
    ? `another identity provider (${passiveHost ?? passive ?? 'unknown'})`
    : otherOrg
      ? `another Okta org or URL (${passiveHost ?? ''})`
      : `another Office 365 app instance (${endpoint.appKey})`;
  return [
    makeFinding({
      code: 'FEDERATION_POINTS_ELSEWHERE',
      severity: 'critical',
      // A custom Okta domain (login.contoso.com) legitimately differs from the org URL.
      confidence: otherIdp ? 'high' : 'medium',
      summary: `Microsoft sends ${domain.id} users to ${where}, not to this Okta org’s Office 365 app.`,
      explanation: `The domain’s federation settings name the sign-in page "${passive ?? ''}". This Okta org is ${ctx.bundle.okta?.orgUrl ?? 'unknown'}${keysSeen.size > 0 ? ` and its Office 365 traffic uses app key ${[...keysSeen].join(', ')}` : ''}. Sign-ins for the domain are handled elsewhere, so nothing configured in this Okta org applies.`,
      evidence: [
        fedEvidence(ctx, 'passiveSignInUri', passive ?? '', 'Where Microsoft sends the user.'),
        fedEvidence(ctx, 'issuerUri', fed.issuerUri ?? '', 'The issuer Entra trusts.'),
      ],
      remediation: [
        {
          title: 'Check which Okta org and app should serve this domain',
          detail:
            'If this org is a custom-domain URL of the same org (e.g. login.contoso.com), this is expected and can be ignored.',
        },
        {
          title: 'Re-run WS-Federation configuration from the right Office 365 app instance',
          detail: 'It rewrites the domain’s sign-in URIs, issuer and certificate together.',
          where: FED_WHERE,
        },
      ],
      wouldChangeMyMind: ['The passive sign-in host being a custom domain of this Okta org.'],
    }),
  ];
};

function activeKey(ctx: DiagnosisContext): OktaSigningKey | undefined {
  const app = ctx.o365App;
  if (app === undefined) return undefined;
  const keys = ctx.bundle.okta?.signingKeys?.[app.id] ?? [];
  const kid = app.credentials?.signing?.kid;
  return keys.find((k) => k.kid === kid) ?? (keys.length === 1 ? keys[0] : undefined);
}

const CERT_ERRORS = new Set([50008, 50006, 50012]);

/** FEDERATION_SIGNING_CERT_MISMATCH: Entra trusts a different (or expired) certificate than the one Okta signs with. */
const signingCert: Rule = (ctx) => {
  const fed = ctx.federation;
  const key = activeKey(ctx);
  const oktaCert = key?.x5c?.[0];
  const entraCert = fed?.signingCertificate ?? null;
  if (fed === undefined || key === undefined || oktaCert === undefined || entraCert === null) return [];
  // Only meaningful when the domain is federated to this org: a domain that sends users to
  // another IdP trusts that IdP's certificate, and FEDERATION_POINTS_ELSEWHERE says so.
  if (
    parseOffice365Endpoint(fed.passiveSignInUri) === null ||
    hostOf(fed.passiveSignInUri) !== hostOf(ctx.bundle.okta?.orgUrl)
  )
    return [];
  const now = Date.parse(ctx.bundle.collectedAt);
  const mismatch =
    normaliseCertificate(oktaCert) !== normaliseCertificate(entraCert) &&
    (fed.nextSigningCertificate == null ||
      normaliseCertificate(oktaCert) !== normaliseCertificate(fed.nextSigningCertificate));
  const entraValidity = readCertificateValidity(entraCert);
  const oktaExpiry = key.expiresAt ?? readCertificateValidity(oktaCert)?.notAfter ?? null;
  const entraExpired = entraValidity !== null && Date.parse(entraValidity.notAfter) < now;
  const oktaExpired = oktaExpiry !== null && Date.parse(oktaExpiry) < now;
  if (!mismatch && !entraExpired && !oktaExpired) return [];
  const errors = ctx.signIns.filter((s) => CERT_ERRORS.has(s.errorCode));
  const problem = mismatch
    ? 'Entra trusts a different token-signing certificate than the one Okta signs with'
    : entraExpired
      ? `the certificate Entra trusts expired on ${entraValidity.notAfter}`
      : `Okta’s signing key expired on ${String(oktaExpiry)}`;
  return [
    makeFinding({
      code: 'FEDERATION_SIGNING_CERT_MISMATCH',
      severity: 'critical',
      confidence: 'high',
      summary: `Federated sign-ins fail for everyone on this domain: ${problem}.`,
      explanation: `Okta’s Office 365 app signs with key ${key.kid}${oktaExpiry !== null ? ` (expires ${oktaExpiry})` : ''}; the domain’s signingCertificate${entraValidity !== null ? ` is valid until ${entraValidity.notAfter}` : ''}${mismatch ? ' and is a different certificate' : ''}. Entra rejects assertions whose signature it cannot verify with its configured certificate${errors.length > 0 ? `, and did so ${times(errors.length)} in the window` : ''}. Entra rolls the certificate from Okta’s metadata only if the metadata URL is set and reachable.`,
      evidence: [
        {
          source: 'okta.signingKey',
          id: key.kid,
          field: 'x5c[0]',
          value: `${normaliseCertificate(oktaCert).slice(0, 24)}…`,
          note: 'The certificate Okta signs with.',
        },
        fedEvidence(
          ctx,
          'signingCertificate',
          `${normaliseCertificate(entraCert).slice(0, 24)}…`,
          'The certificate Entra trusts.',
        ),
        ...cite(errors.slice(-2), 2, (s) => signInEvidence(s, s.entry.name)),
      ],
      remediation: [
        {
          title: 'Update the domain’s federation certificate from Okta',
          detail:
            'Re-run the Office 365 app’s WS-Federation automatic configuration, or PATCH signingCertificate with the app’s current x5c.',
          where: FED_WHERE,
        },
        ...(oktaExpired
          ? [
              {
                title: 'Rotate the Office 365 app’s signing key in Okta first',
                where: 'Okta Admin Console › Applications › Microsoft Office 365 › Sign On › SAML signing certificates',
              },
            ]
          : []),
      ],
      wouldChangeMyMind: ['nextSigningCertificate matching Okta’s key with a rollover already scheduled.'],
    }),
  ];
};

/** FEDERATION_ISSUER_MISMATCH: Entra rejects the issuer Okta uses (AADSTS50107), or the domain's issuer names another app. */
const issuerMismatch: Rule = (ctx) => {
  const errors = ctx.signIns.filter((s) => s.errorCode === 50107);
  const fed = ctx.federation;
  const passiveKey = parseOffice365Endpoint(fed?.passiveSignInUri)?.appKey ?? null;
  const issuerKey = /\/(exk[A-Za-z0-9]+)\/?$/.exec(fed?.issuerUri ?? '')?.[1] ?? null;
  const inconsistent = passiveKey !== null && issuerKey !== null && passiveKey !== issuerKey;
  if (errors.length === 0 && !inconsistent) return [];
  return [
    makeFinding({
      code: 'FEDERATION_ISSUER_MISMATCH',
      severity: 'critical',
      confidence: errors.length > 0 ? 'high' : 'medium',
      summary:
        'Entra does not recognise the issuer in Okta’s assertion (AADSTS50107): the domain’s issuer URI and the Okta app do not match.',
      explanation: `${errors.length > 0 ? `Entra rejected ${times(errors.length)} an assertion because the federation realm it names does not exist. ` : ''}${inconsistent ? `The domain trusts issuer ${fed?.issuerUri ?? ''} but sends users to app key ${passiveKey}. ` : ''}With several domains or several Office 365 app instances, each domain must name the issuer of the app instance that serves it.`,
      evidence: [
        ...cite(errors.slice(-3), 3, (s) => signInEvidence(s, s.entry.name)),
        ...(fed !== undefined ? [fedEvidence(ctx, 'issuerUri', fed.issuerUri ?? '', 'The issuer Entra expects.')] : []),
      ],
      remediation: [
        {
          title: 'Make the domain’s issuerUri match the Okta app instance that serves it',
          detail:
            'Re-run WS-Federation configuration from that app instance (it writes issuer, URIs and certificate together).',
          where: FED_WHERE,
        },
      ],
      wouldChangeMyMind: ['The 50107 errors coming from a different domain’s users.'],
    }),
  ];
};

/** The federation family's rules. */
export const FEDERATION_RULES: readonly Rule[] = [domainNotFederated, pointsElsewhere, signingCert, issuerMismatch];
