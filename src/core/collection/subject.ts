import type { Result } from '../../shared/result';
import type { EvidenceSubject } from '../evidence/bundle';
import { SYMPTOMS } from '../evidence/symptoms';
import type { Symptom } from '../evidence/symptoms';
import { echoValue } from '../report/sanitize-text';

/** The longest window the sources can answer: the System Log keeps 90 days. */
export const MAX_WINDOW_MS = 90 * 86_400_000;

/** The window when none is given: a helpdesk call is usually about the last day. */
export const DEFAULT_WINDOW_MS = 86_400_000;

/** What the technician typed, before validation. */
export interface SubjectInput {
  readonly upn: string;
  readonly since?: string;
  readonly until?: string;
  readonly symptom?: string;
}

/** The longest UPN accepted (the IPC contract's bound too): far above any real one, far below abuse. */
export const MAX_UPN_LENGTH = 256;

// A UPN is name@domain. Spaces, control characters (Cc), invisible and bidi format characters
// (Cf: a right-to-left override would show one user's name while naming another), lone
// surrogates (Cs) and private-use characters (Co) have no place in one.
const UPN = /^[^\s@\p{Cc}\p{Cf}\p{Cs}\p{Co}]{1,113}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.)+[A-Za-z]{2,63}$/u;

/**
 * Validates who and when to collect for, with one clear message per problem. Quotes,
 * backslashes and filter keywords in the local part are allowed (they are legal in a UPN) and
 * are escaped wherever they are used.
 */
export function validateSubject(input: SubjectInput, now: Date): Result<EvidenceSubject, string> {
  const upn = input.upn.trim();
  // Values are echoed through echoValue: clipped, with invisible characters shown, so a 1 MB or
  // terminal-rewriting input gives a short, honest message.
  if (upn.length > MAX_UPN_LENGTH)
    return {
      ok: false,
      error: `The user principal name is ${String(upn.length)} characters long; at most ${String(MAX_UPN_LENGTH)}.`,
    };
  if (!UPN.test(upn))
    return {
      ok: false,
      error: `"${echoValue(upn)}" is not a user principal name (expected something like jane@contoso.com).`,
    };
  const until = input.until === undefined ? now.getTime() : Date.parse(input.until);
  if (Number.isNaN(until))
    return {
      ok: false,
      error: `--until "${echoValue(input.until ?? '')}" is not a date and time (use ISO 8601, e.g. 2026-03-02T14:00:00Z).`,
    };
  const since = input.since === undefined ? until - DEFAULT_WINDOW_MS : Date.parse(input.since);
  if (Number.isNaN(since))
    return { ok: false, error: `--since "${echoValue(input.since ?? '')}" is not a date and time (use ISO 8601).` };
  if (since >= until) return { ok: false, error: 'The window is empty: --since must be before --until.' };
  if (until > now.getTime() + 5 * 60_000) return { ok: false, error: '--until is in the future.' };
  if (since < now.getTime() - MAX_WINDOW_MS)
    return { ok: false, error: 'The window starts more than 90 days ago; the Okta System Log keeps 90 days.' };
  let symptom: Symptom | undefined;
  if (input.symptom !== undefined) {
    const found = SYMPTOMS.find((s) => s === input.symptom);
    if (found === undefined)
      return { ok: false, error: `Unknown symptom "${echoValue(input.symptom)}"; one of: ${SYMPTOMS.join(', ')}.` };
    symptom = found;
  }
  return {
    ok: true,
    value: {
      upn,
      since: new Date(since).toISOString(),
      until: new Date(until).toISOString(),
      ...(symptom === undefined ? {} : { symptom }),
    },
  };
}
