import type { OktaEventView, SignInView } from './context';
import type { EvidenceItem, Finding } from './model';
import { familyOf } from './verdicts';

/** A finding as a rule writes it: the family and recency are derived. */
export type FindingInput = Omit<Finding, 'family' | 'latestAt'>;

/**
 * Completes a rule's finding with its family and the time of its newest evidence.
 */
export function makeFinding(input: FindingInput): Finding {
  const times = input.evidence.flatMap((e) => (e.at === undefined ? [] : [Date.parse(e.at)])).filter(Number.isFinite);
  const latest = times.length > 0 ? new Date(Math.max(...times)).toISOString() : undefined;
  return { ...input, family: familyOf(input.code), ...(latest === undefined ? {} : { latestAt: latest }) };
}

/** Cites an Okta System Log event. */
export function oktaEventEvidence(view: OktaEventView, note: string): EvidenceItem {
  // Quote the vendor's own text, not the normalised form the rules compare.
  const reason = view.event.outcome?.reason;
  const field = reason != null && reason !== '' ? 'outcome.reason' : 'outcome.result';
  const value = field === 'outcome.reason' ? String(reason) : (view.event.outcome?.result ?? '');
  return { source: 'okta.logEvent', id: view.event.uuid, at: view.event.published, field, value, note };
}

/** Cites an Entra sign-in by its error code. */
export function signInEvidence(view: SignInView, note: string): EvidenceItem {
  return {
    source: 'graph.signIn',
    id: view.signIn.id,
    at: view.signIn.createdDateTime,
    field: 'status.errorCode',
    value: String(view.errorCode),
    note,
  };
}

/** Keeps the first `max` items and says how many more there were, so evidence lists stay readable. */
export function cite<T>(items: readonly T[], max: number, toEvidence: (item: T) => EvidenceItem): EvidenceItem[] {
  return items.slice(0, max).map(toEvidence);
}

/** "3 times", "once". */
export function times(n: number): string {
  return n === 1 ? 'once' : `${n} times`;
}

/** Distinct non-null values. */
export function distinct<T>(values: readonly (T | null | undefined)[]): T[] {
  return [...new Set(values.filter((v): v is T => v !== null && v !== undefined))];
}
