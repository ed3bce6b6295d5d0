import type { RedactionContext, RedactionOptions, RedactionReport } from './options';
import { createRedactor } from './redactor';

/** A redacted string and what was masked in it. */
export interface RedactedText {
  readonly text: string;
  readonly report: RedactionReport;
}

/**
 * Redacts one string for the subject `subjectUpn`, whose own identity stays visible.
 *
 * The string-level primitive: for many strings that must share placeholders ("[other user 1]"
 * meaning the same person throughout) redact them together, as {@link redactDiagnosis} does.
 * Pure, and linear in the length of the text.
 */
export function redactText(
  text: string,
  subjectUpn: string,
  options: RedactionOptions,
  context: RedactionContext = {},
): RedactedText {
  const redactor = createRedactor(subjectUpn, options, context);
  const out = redactor.text(text);
  return { text: out, report: redactor.report() };
}
