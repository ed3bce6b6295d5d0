/**
 * What the caller says fails, as the technician picks it in the wizard or passes `--symptom`.
 */
export const SYMPTOMS = [
  'outlook-desktop',
  'outlook-mobile',
  'mail-app',
  'teams-desktop',
  'teams-phone',
  'desk-phone',
  'teams-room',
  'browser',
  'other',
] as const;

/** One symptom. */
export type Symptom = (typeof SYMPTOMS)[number];

/** Human labels of the symptoms, for menus and reports. */
export const SYMPTOM_LABELS: Readonly<Record<Symptom, string>> = {
  'outlook-desktop': 'Outlook on a computer',
  'outlook-mobile': 'Outlook on a phone or tablet',
  'mail-app': 'A mail app (iPhone Mail, Android mail, IMAP/POP, a scanner sending mail)',
  'teams-desktop': 'Teams on a computer',
  'teams-phone': 'A Teams phone',
  'desk-phone': 'A desk phone (Polycom, Yealink, Cisco … through SIP Gateway)',
  'teams-room': 'A Teams Room or panel',
  browser: 'Office in a web browser',
  other: 'Something else',
};

/** Symptoms of devices that sign in with a pairing code or device code rather than a password. */
export const DEVICE_SYMPTOMS: ReadonlySet<Symptom> = new Set(['teams-phone', 'desk-phone', 'teams-room']);

/** Symptoms whose client may still use a legacy (basic-auth) protocol. */
export const LEGACY_CAPABLE_SYMPTOMS: ReadonlySet<Symptom> = new Set(['outlook-desktop', 'mail-app', 'desk-phone']);
