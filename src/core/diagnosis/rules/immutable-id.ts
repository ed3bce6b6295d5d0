import { compareImmutableIds, extractImmutableIdFromAadstsMessage, guidToImmutableId } from '../../codecs/immutable-id';
import type { ImmutableIdEncoding } from '../../codecs/immutable-id';
import type { DiagnosisContext, SignInView } from '../context';
import { cite, makeFinding, signInEvidence, times } from '../finding';
import type { EvidenceItem, Finding, RemediationStep } from '../model';
import type { Rule } from './shared';

const ENCODING_TEXT: Readonly<Record<ImmutableIdEncoding, string>> = {
  'guid-base64': 'base64 of the GUID bytes (what Entra Connect writes)',
  'guid-base64-big-endian': 'base64 of the GUID bytes in the wrong (big-endian) order',
  'guid-text-base64': 'base64 of the GUID written as text',
  'guid-text': 'the GUID written as text',
  'guid-hex': 'the GUID bytes in hex',
  'okta-id': 'an Okta object id',
  string: 'a plain string',
};

const MAPPING_WHERE =
  'Okta Admin Console › Directory › Profile Editor › Microsoft Office 365 › Mappings (Okta User to Office 365)';
const RECOMMENDED_MAPPING = 'hasDirectoryUser()?findDirectoryUser().externalId:user.getInternalProperty("id")';

/** The step that changes Entra's value: only possible while the UPN is on a managed domain. */
function setEntraValueSteps(upn: string, value: string): RemediationStep[] {
  const tenantDomain = 'the tenant’s .onmicrosoft.com domain';
  return [
    {
      title: 'Move the user’s UPN to a managed domain for a moment',
      detail: `Entra refuses to change onPremisesImmutableId while the UPN is on a federated domain. Change ${upn} to an address on ${tenantDomain}.`,
      where: 'Microsoft Entra admin center › Users › the user › Edit properties',
    },
    {
      title: 'Set onPremisesImmutableId to the value Okta sends',
      detail: `Update-MgUser -UserId <the user's object id> -OnPremisesImmutableId '${value}'`,
    },
    {
      title: 'Move the UPN back',
      detail: `Change the UPN back to ${upn}; sign-in works once it is on the federated domain again.`,
    },
  ];
}

function appUserEvidence(ctx: DiagnosisContext, value: string, note: string): EvidenceItem {
  return { source: 'okta.appUser', id: ctx.appUser?.id ?? 'unknown', field: 'profile.immutableId', value, note };
}

function graphUserEvidence(ctx: DiagnosisContext, value: string, note: string): EvidenceItem {
  return { source: 'graph.user', id: ctx.graphUser?.id ?? 'unknown', field: 'onPremisesImmutableId', value, note };
}

const CORROBORATING = new Set([51004, 90072]);

/**
 * The ImmutableID rules. Okta's O365 app-user `profile.immutableId` is what Okta puts in the
 * WS-Fed assertion; Entra's `onPremisesImmutableId` is what it matches the assertion against.
 * The comparison decides the verdict; AADSTS51004/90072/90020 sign-ins corroborate it.
 */
const immutableIdRule: Rule = (ctx) => {
  const findings: Finding[] = [];
  const upn = ctx.bundle.subject.upn;
  const notFound = ctx.signIns.filter((s) => CORROBORATING.has(s.errorCode));
  const notSent = ctx.signIns.filter((s) => s.errorCode === 90020);
  const corroboration = (label: string): EvidenceItem[] =>
    cite(notFound.slice(-3).reverse(), 3, (s: SignInView) => signInEvidence(s, `${label} ${s.entry.name}`));

  if (notSent.length > 0) {
    findings.push(
      makeFinding({
        code: 'IMMUTABLEID_NOT_SENT',
        severity: 'high',
        confidence: 'high',
        summary:
          'Okta’s assertion to Microsoft carries no ImmutableID, so Entra cannot tell who is signing in (AADSTS90020).',
        explanation: `Entra rejected ${times(notSent.length)} a SAML 1.1 assertion that is missing the user’s ImmutableID. Okta fills that claim from the Office 365 app user’s immutableId attribute; when the attribute mapping is removed or the app user’s value is not pushed, the claim is missing.`,
        evidence: [
          ...cite(notSent.slice(-3).reverse(), 3, (s) =>
            signInEvidence(s, 'AADSTS90020: assertion without ImmutableID'),
          ),
          ...(ctx.appUser?.profile?.immutableId != null
            ? [appUserEvidence(ctx, ctx.appUser.profile.immutableId, 'The value Okta holds for the app user.')]
            : []),
        ],
        remediation: [
          {
            title: 'Check that the Office 365 app maps immutableId',
            detail: `The mapping should be ${RECOMMENDED_MAPPING}.`,
            where: MAPPING_WHERE,
          },
          {
            title: 'Re-apply the mapping to this user',
            detail: 'Open the user’s Office 365 assignment and save it, so Okta recomputes and pushes the profile.',
            where: 'Okta Admin Console › Applications › Microsoft Office 365 › Assignments',
          },
        ],
        wouldChangeMyMind: ['A successful federated sign-in after these errors (the mapping was already fixed).'],
      }),
    );
  }

  if (ctx.appUser === undefined || ctx.appUser === null || ctx.graphUser === undefined || ctx.graphUser === null) {
    // Without both sides the comparison cannot be made; the error codes alone still point at it.
    if (notFound.length > 0) {
      findings.push(
        makeFinding({
          code: 'IMMUTABLEID_MISMATCH',
          severity: 'high',
          confidence: 'medium',
          summary:
            'Entra cannot find the account Okta vouches for (AADSTS51004): the ImmutableID Okta sends matches no Entra user.',
          explanation: `Entra answered ${times(notFound.length)} that the user in Okta’s assertion does not exist in the directory. This is the signature of an ImmutableID mismatch; the app user or the Entra user was not collected, so the two values could not be compared.`,
          evidence: corroboration('Entra:'),
          remediation: [
            {
              title: 'Compare the two ImmutableIDs',
              detail:
                'Collect the Okta Office 365 app user and the Entra user (with onPremisesImmutableId) and run the diagnosis again.',
            },
          ],
          wouldChangeMyMind: ['Both values collected and identical.'],
        }),
      );
    }
    return findings;
  }

  const oktaValue = ctx.appUser.profile?.immutableId ?? null;
  if (!('onPremisesImmutableId' in ctx.graphUser)) return findings; // not $select-ed: unknown, not missing
  const entraValue = ctx.graphUser.onPremisesImmutableId ?? null;
  const comparison = compareImmutableIds(oktaValue, entraValue);
  const synced = ctx.graphUser.onPremisesSyncEnabled === true;

  switch (comparison.kind) {
    case 'identical': {
      // Values agree now; a 51004 quoting another value means Okta sent something else earlier.
      const quoted = notFound
        .map((s) => extractImmutableIdFromAadstsMessage(s.text))
        .find((v) => v !== null && v !== entraValue);
      if (quoted !== undefined) {
        findings.push(
          makeFinding({
            code: 'IMMUTABLEID_MISMATCH',
            severity: 'high',
            confidence: 'medium',
            summary: 'Okta sent an ImmutableID that Entra does not know, though the two values agree now.',
            explanation: `Entra rejected the value "${quoted}", but today both Okta and Entra hold "${entraValue ?? ''}". The value was probably corrected after the failures; ask the user to try again.`,
            evidence: [
              ...corroboration('Entra rejected:'),
              graphUserEvidence(ctx, entraValue ?? '', 'Entra’s value now.'),
            ],
            remediation: [
              {
                title: 'Ask the user to sign in again',
                detail: 'If it still fails, push the Okta app user again (save the assignment).',
              },
            ],
            wouldChangeMyMind: ['A new failure after the values agreed.'],
          }),
        );
      }
      return findings;
    }
    case 'okta-missing':
    case 'both-missing':
      findings.push(
        makeFinding({
          code: 'IMMUTABLEID_MISSING_IN_OKTA',
          severity: 'high',
          confidence: 'high',
          summary:
            'Okta has no ImmutableID for this user’s Office 365 assignment, so Okta refuses the sign-in ("Your account has not been configured for this application").',
          explanation: `The Office 365 app user in Okta has an empty immutableId${comparison.kind === 'both-missing' ? ', and Entra has none either' : `, while Entra expects "${entraValue ?? ''}"`}. The default mapping reads it from the linked Active Directory user’s externalId (its objectGUID); it is empty when the user is not AD-sourced, when the AD link was lost, or when the user is in two AD instances.`,
          evidence: [
            appUserEvidence(ctx, oktaValue ?? '', 'Empty: Okta has nothing to send.'),
            graphUserEvidence(
              ctx,
              entraValue ?? '',
              comparison.kind === 'both-missing' ? 'Empty as well.' : 'What Entra expects.',
            ),
          ],
          remediation: [
            {
              title: 'Fix the immutableId mapping so it falls back to the Okta user id',
              detail: `Set it to ${RECOMMENDED_MAPPING}; for a user that should come from AD, check the user is linked to exactly one AD instance.`,
              where: MAPPING_WHERE,
            },
            ...(comparison.kind === 'okta-missing'
              ? [
                  {
                    title: 'Make Okta send the value Entra already has',
                    detail: `If the user is synced to Entra, Okta must send "${entraValue ?? ''}": link the AD user or map the attribute that holds it (for example mS-DS-ConsistencyGuid).`,
                  },
                ]
              : setEntraValueSteps(upn, 'the value Okta now shows for the app user')),
          ],
          wouldChangeMyMind: ['An immutableId appearing on the Okta app user (a push that had not finished).'],
        }),
      );
      return findings;
    case 'entra-missing':
      findings.push(
        makeFinding({
          code: 'IMMUTABLEID_MISSING_IN_ENTRA',
          severity: 'high',
          confidence: 'high',
          summary: 'The Entra user has no ImmutableID, so Entra cannot match the user Okta signs in.',
          explanation: `Okta sends "${oktaValue ?? ''}", but the Entra user’s onPremisesImmutableId is empty (a cloud-only user that was never linked). Entra answers with AADSTS51004.${notFound.length > 0 ? ` It did so ${times(notFound.length)} in the window.` : ''}`,
          evidence: [
            graphUserEvidence(ctx, '', 'Empty: Entra cannot match anyone.'),
            appUserEvidence(ctx, oktaValue ?? '', 'What Okta sends.'),
            ...corroboration('Entra:'),
          ],
          remediation: setEntraValueSteps(upn, oktaValue ?? ''),
          wouldChangeMyMind: ['onPremisesImmutableId set on the Entra user (check you read it with $select).'],
        }),
      );
      return findings;
    case 'same-object-different-encoding': {
      const correct = guidToImmutableId(comparison.guid);
      findings.push(
        makeFinding({
          code: 'IMMUTABLEID_ENCODING_MISMATCH',
          severity: 'high',
          confidence: 'high',
          summary:
            'Okta and Entra name the same AD object, but Okta writes its ImmutableID in a different format, so Entra does not recognise it.',
          explanation: `Both values decode to object GUID ${comparison.guid}. Okta holds ${ENCODING_TEXT[comparison.okta]} ("${oktaValue ?? ''}"); Entra holds ${ENCODING_TEXT[comparison.entra]} ("${entraValue ?? ''}"). Entra compares the text exactly, so the sign-in fails with AADSTS51004. The form Entra Connect writes is "${correct}".`,
          evidence: [
            appUserEvidence(ctx, oktaValue ?? '', ENCODING_TEXT[comparison.okta]),
            graphUserEvidence(ctx, entraValue ?? '', ENCODING_TEXT[comparison.entra]),
            ...corroboration('Entra:'),
          ],
          remediation:
            comparison.entra === 'guid-base64'
              ? [
                  {
                    title: 'Make Okta send the base64 form',
                    detail: `Map immutableId from the AD user’s externalId (objectGUID, already base64) instead of a text attribute; for this user Okta must send "${correct}".`,
                    where: MAPPING_WHERE,
                  },
                ]
              : setEntraValueSteps(upn, correct),
          wouldChangeMyMind: ['The two values decoding to different GUIDs.'],
        }),
      );
      return findings;
    }
    case 'different-object':
      findings.push(
        makeFinding({
          code: 'IMMUTABLEID_MISMATCH',
          severity: 'high',
          confidence: 'high',
          summary:
            'Okta signs the user in as a different object than the one Entra holds: their ImmutableIDs differ, so Entra answers AADSTS51004.',
          explanation: `Okta sends "${oktaValue ?? ''}" (${ENCODING_TEXT[comparison.okta.encoding]}${comparison.okta.guid !== null ? `, object ${comparison.okta.guid}` : ''}); Entra holds "${entraValue ?? ''}" (${ENCODING_TEXT[comparison.entra.encoding]}${comparison.entra.guid !== null ? `, object ${comparison.entra.guid}` : ''}). These are different objects: typically a re-created AD or Okta user, a different source anchor (objectGUID vs mS-DS-ConsistencyGuid), or Okta’s fallback id used for a synced user.${notFound.length > 0 ? ` Entra rejected the sign-in ${times(notFound.length)} in the window.` : ''}`,
          evidence: [
            appUserEvidence(ctx, oktaValue ?? '', 'What Okta sends.'),
            graphUserEvidence(ctx, entraValue ?? '', 'What Entra expects.'),
            ...corroboration('Entra:'),
          ],
          remediation: synced
            ? [
                {
                  title: 'Make Okta send the synced source anchor',
                  detail: `The user is synced by Entra Connect, so Entra’s value is the source of truth: map immutableId from the AD attribute Entra Connect uses (objectGUID, or mS-DS-ConsistencyGuid) so Okta sends "${entraValue ?? ''}".`,
                  where: MAPPING_WHERE,
                },
              ]
            : setEntraValueSteps(upn, oktaValue ?? ''),
          wouldChangeMyMind: [`A sign-in succeeding with the current values (then a stale session caused the errors).`],
        }),
      );
      return findings;
  }
};

/** The immutable-id family's rules. */
export const IMMUTABLE_ID_RULES: readonly Rule[] = [immutableIdRule];
