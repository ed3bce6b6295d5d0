import type { IncidentReport } from './incident-report';
import { isUnsafeCodePoint } from './sanitize-text';

/** The format tag of the JSON report. */
export const REPORT_JSON_FORMAT = 'signin-triage.report/v1';

/**
 * Writes as `\uXXXX` every character a report never shows raw: JSON.stringify already escapes
 * C0 controls but leaves DEL, C1, bidi and invisible characters and U+2028/U+2029 as they are.
 * They can only occur inside strings, so the escape is lossless and the JSON stays valid; a
 * report from `buildReport` holds none, this is for one built by hand.
 */
function escapeInvisible(json: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < json.length; i++) {
    const unit = json.charCodeAt(i);
    if (unit < 0x7f) continue;
    const cp = json.codePointAt(i) ?? unit;
    const width = cp > 0xffff ? 2 : 1;
    if (cp === 0x2028 || cp === 0x2029 || isUnsafeCodePoint(cp)) {
      out += json.slice(last, i);
      for (let k = 0; k < width; k++)
        out += `\\u${json
          .charCodeAt(i + k)
          .toString(16)
          .padStart(4, '0')}`;
      last = i + width;
    }
    i += width - 1;
  }
  return last === 0 ? json : out + json.slice(last);
}

/**
 * Renders a report as pretty-printed JSON: `{ format: "signin-triage.report/v1", …the report's
 * fields, diagnosis, bundle }`, the diagnosis and the bundle redacted at the report's level
 * (the bundle null when it was not at hand). For scripts, and for an engineer who wants the
 * records; `diagnose --bundle` can re-read the bundle.
 */
export function renderJson(report: IncidentReport): string {
  const { diagnosis, bundle, ...fields } = report;
  const document = { format: REPORT_JSON_FORMAT, ...fields, diagnosis, bundle };
  return `${escapeInvisible(JSON.stringify(document, null, 2))}\n`;
}
