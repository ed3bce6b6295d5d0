import type { VerdictFamily } from '../diagnosis/verdicts';
import type { IncidentReport } from './incident-report';

/*
 * The ticket's resolution code, from the verdict's family and the checklist.
 *
 * ServiceNow's out-of-the-box incident close codes are used (Jira admins usually mirror them):
 *
 * | verdict                                   | first step done       | only later steps     | none done       |
 * | ----------------------------------------- | --------------------- | -------------------- | --------------- |
 * | legacy-auth, immutable-id, okta-account,  | Solved (Permanently)  | Solved (Work Around) | (not resolved)  |
 * | federation                                |                       |                      |                 |
 * | device-code, access                       | Solved (Work Around)  | Solved (Work Around) | (not resolved)  |
 * | none, informational, no verdict           | Not Solved (Not Reproducible), whatever is ticked             |
 *
 * Why: the first group's fixes remove the cause (the client moves off legacy authentication or its
 * stale password is cleared, the anchor or the account or the trust is corrected where it is
 * mastered). Device-code and access verdicts are policies working as designed: the fix gets this
 * user or device past them (a retry, MFA, a scoped exception) while the policy stays, so the same
 * user can meet it again. The checklist is least-permissive fix first, and later steps are often
 * checks or fallbacks ("only if this client cannot move off legacy authentication: add a narrow
 * exception"), so the first step is the fix: with it done the cause is gone; with only later
 * steps done it was worked around. With no cause found there is nothing to have solved. A
 * verdict with no steps counts as solved.
 */

/** The resolution codes a report can propose. */
export const RESOLUTION_CODES = {
  permanent: 'Solved (Permanently)',
  workAround: 'Solved (Work Around)',
  notReproducible: 'Not Solved (Not Reproducible)',
} as const;

/** How a fully worked checklist resolves each family (see the file comment). */
export const FAMILY_RESOLUTIONS: Readonly<Record<VerdictFamily, keyof typeof RESOLUTION_CODES>> = {
  'legacy-auth': 'permanent',
  'immutable-id': 'permanent',
  'okta-account': 'permanent',
  federation: 'permanent',
  'device-code': 'workAround',
  access: 'workAround',
  informational: 'notReproducible',
  none: 'notReproducible',
};

/** A proposed resolution: the code, or null while nothing is done, and why. */
export interface TicketResolution {
  readonly code: string | null;
  /** One line for the ticket, e.g. "2 of 3 remediation steps done". */
  readonly reason: string;
}

/** The resolution code the ticket proposes for a report (see the file comment for the mapping). */
export function ticketResolution(report: IncidentReport): TicketResolution {
  const family = report.verdict?.family ?? 'none';
  const resolution = FAMILY_RESOLUTIONS[family];
  if (resolution === 'notReproducible') {
    return { code: RESOLUTION_CODES.notReproducible, reason: 'No cause of a sign-in failure was found.' };
  }
  const total = report.checklist.length;
  const done = report.checklist.filter((s) => s.done).length;
  const progress = `${done} of ${total} remediation steps done.`;
  if (total > 0 && done === 0) return { code: null, reason: `Not resolved yet: ${progress}` };
  if (total > 0 && report.checklist[0]?.done !== true) {
    return { code: RESOLUTION_CODES.workAround, reason: `${progress} The first (the fix itself) remains open.` };
  }
  return { code: RESOLUTION_CODES[resolution], reason: total === 0 ? 'No remediation steps.' : progress };
}
