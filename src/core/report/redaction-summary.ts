import type { RedactionReport } from '../redaction';
import { otherUserPlaceholder, REDACTION_LEVELS, REDACTION_PLACEHOLDERS } from '../redaction';
import type { ReportRedaction, ReportRedactedKind } from './incident-report';
import { LEVEL_LABELS, REDACTED_KIND_LABELS } from './labels';
import type { ExportRedactionLevel } from './report-types';

/*
 * The report's Redaction section: what the chosen level hides, with counts. Worded from the
 * level's options rather than per level, so the section stays true if a level ever hides more.
 */

/** The kinds in the order the section lists them; secrets last, as they are removed at every level. */
const KINDS: readonly (keyof RedactionReport)[] = ['otherUsers', 'ipAddresses', 'deviceIds', 'tenantIds', 'tokens'];

const SHORT_NAMES: Readonly<Record<keyof RedactionReport, string>> = {
  otherUsers: 'other users',
  ipAddresses: 'IP addresses',
  deviceIds: 'device ids',
  tenantIds: 'tenant ids',
  tokens: 'secrets',
};

const PLACEHOLDERS: Readonly<Record<keyof RedactionReport, string>> = {
  otherUsers: `${otherUserPlaceholder(1)}, ${otherUserPlaceholder(2)} …`,
  ipAddresses: REDACTION_PLACEHOLDERS.ipAddress,
  deviceIds: REDACTION_PLACEHOLDERS.deviceId,
  tenantIds: REDACTION_PLACEHOLDERS.tenantId,
  tokens: `${REDACTION_PLACEHOLDERS.token} or [redacted]`,
};

const AUDIENCES: Readonly<Record<ExportRedactionLevel, string>> = {
  none: 'for the technician’s own records',
  internal: 'for the company’s own identity team',
  external: 'for readers outside the company',
};

function list(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Describes what `level` hid, given the counts of the report's one redaction pass. */
export function describeRedaction(level: ExportRedactionLevel, counts: RedactionReport): ReportRedaction {
  const options = REDACTION_LEVELS[level];
  const hiddenKinds = KINDS.filter((kind) => options[kind]);
  const shown = hiddenKinds.filter((kind) => kind !== 'tokens');
  const opening = `Redaction level: ${LEVEL_LABELS[level]}, ${AUDIENCES[level]}.`;
  const statement =
    shown.length === 0
      ? `${opening} Nothing about people, addresses, devices or the tenant is hidden: only secrets and tokens are ever removed, at every level.`
      : `${opening} ${capitalise(list(shown.map((kind) => SHORT_NAMES[kind])))} are replaced with placeholders, and secrets and tokens are removed as at every level. The caller’s own identity is kept.`;
  const hidden: ReportRedactedKind[] = hiddenKinds.map((kind) => ({
    kind,
    label: REDACTED_KIND_LABELS[kind],
    count: counts[kind],
    placeholder: PLACEHOLDERS[kind],
  }));
  return { level, levelLabel: LEVEL_LABELS[level], statement, hidden, counts };
}

/** Whether a report shows IP addresses: they are not hidden at its level. */
export function showsAddresses(redaction: ReportRedaction): boolean {
  return !redaction.hidden.some((k) => k.kind === 'ipAddresses');
}
