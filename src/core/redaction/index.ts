/*
 * Redaction of a diagnosis for whoever will see it: the caller on a shared screen, the identity
 * team, a vendor. See options.ts for the levels and what each hides.
 */

export type { RedactionContext, RedactionLevel, RedactionOptions, RedactionReport } from './options';
export { otherUserPlaceholder, REDACTION_LEVELS, REDACTION_PLACEHOLDERS } from './options';
export type { RedactedDiagnosis } from './redact-diagnosis';
export { redactDiagnosis } from './redact-diagnosis';
export type { RedactedText } from './redact-text';
export { redactText } from './redact-text';
