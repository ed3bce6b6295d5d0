import type { TimelineEntry } from '../../../core/diagnosis/model';

/*
 * Test data only (imported by the timeline tests, never by the app): entries shaped like the
 * engine's timeline for the Contoso demo, where legacy Outlook is denied by Okta while the
 * browser and Teams sign in fine.
 */

/** The searched window of {@link CONTOSO_ENTRIES}: two hours on 4 March 2026, UTC. */
export const WINDOW = { since: '2026-03-04T09:00:00.000Z', until: '2026-03-04T11:00:00.000Z' } as const;

/** A timeline entry with defaults; `at` is minutes and seconds after 09:00 UTC when a number. */
export function entry(
  fields: Partial<TimelineEntry> & { readonly id: string; readonly minute?: number },
): TimelineEntry {
  const { minute, ...rest } = fields;
  const at =
    minute === undefined
      ? '2026-03-04T10:00:00.000Z'
      : new Date(Date.parse(WINDOW.since) + minute * 60_000).toISOString();
  return {
    at,
    side: 'okta',
    title: 'User single sign on to app',
    outcome: 'success',
    clientKind: 'browser',
    clientLabel: 'Web browser',
    relatedIds: [],
    counterpart: 'not-expected',
    ...rest,
  };
}

/** A small realistic timeline, oldest first, across four lanes. */
export const CONTOSO_ENTRIES: readonly TimelineEntry[] = [
  entry({
    id: 'okta-sso-1',
    minute: 12.5,
    title: 'User single sign on to app (WS-Fed passive)',
    clientKind: 'browser',
    clientLabel: 'Edge on Windows',
    ipAddress: '198.51.100.10',
    relatedIds: ['entra-1'],
    counterpart: 'joined',
  }),
  entry({
    id: 'entra-1',
    minute: 12.75,
    side: 'entra',
    title: 'Sign-in to Office 365 Exchange Online',
    clientKind: 'browser',
    clientLabel: 'Edge on Windows',
    ipAddress: '198.51.100.10',
    relatedIds: ['okta-sso-1'],
    counterpart: 'joined',
  }),
  entry({
    id: 'okta-mfa-1',
    minute: 30,
    title: 'Authentication of user via MFA',
    outcome: 'challenge',
    clientKind: 'browser',
    clientLabel: 'Edge on Windows',
  }),
  entry({
    id: 'okta-deny-1',
    minute: 42.25,
    title: 'User login to Okta (WS-Trust active)',
    outcome: 'denied',
    code: 'LEGACY_AUTHENTICATION',
    clientKind: 'legacy-outlook',
    clientLabel: 'Outlook (legacy)',
    ipAddress: '203.0.113.24',
  }),
  entry({
    id: 'entra-orphan',
    minute: 55,
    side: 'entra',
    title: 'Sign-in to Microsoft Teams',
    outcome: 'failure',
    code: 'AADSTS51004',
    clientKind: 'teams-phone',
    clientLabel: 'Teams phone',
    ipAddress: '192.0.2.120',
    counterpart: 'missing',
  }),
  entry({
    id: 'okta-info-1',
    minute: 80,
    title: 'Evaluation of sign-on policy',
    outcome: 'info',
    clientKind: 'legacy-outlook',
    clientLabel: 'Outlook (legacy)',
  }),
];
