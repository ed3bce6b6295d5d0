/*
 * Secrets inside vendor data, masked when the evidence is collected.
 *
 * An evidence bundle keeps the records as the API sent them, so a diagnosis can be made again
 * from it later. But Okta's debugData and Entra's details are free-form: a System Log event can
 * carry a client secret in a URL, a bearer token in a header dump, a SAML response in a form body
 * or a password from a legacy login. A bundle is a file that gets attached to tickets and kept
 * with incidents, so those secrets are masked in it before it exists: at collection, once, for
 * the app and the CLI alike.
 *
 * Only credentials are masked (redactSecrets' shapes, plus SAML responses, which it also knows):
 * never identities, addresses, ids, certificates or codes, which the rules read and the report
 * levels decide about. What the rules read is therefore unchanged, and the diagnosis made from the
 * masked bundle at collection is the one every later re-diagnosis makes.
 */

import type { EvidenceBundle } from '../evidence/bundle';
import { redactSecrets } from '../redact-secrets';

/** A JSON value of a bundle. */
type Json = null | boolean | number | string | readonly Json[] | JsonObject;

/** A JSON object of a bundle (an interface, so the type can refer to itself). */
interface JsonObject {
  readonly [key: string]: Json;
}

/**
 * The same value with every string masked; unchanged parts are the same objects (a 50,000-event
 * bundle is mostly free of secrets, and is not copied for nothing).
 */
function maskValue(value: Json): Json {
  if (typeof value === 'string') return redactSecrets(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = value as readonly Json[];
    let copy: Json[] | null = null;
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as Json;
      const masked = maskValue(item);
      if (masked !== item) {
        copy ??= items.slice();
        copy[i] = masked;
      }
    }
    return copy ?? items;
  }
  const record = value as JsonObject;
  let copy: Record<string, Json> | null = null;
  for (const key of Object.keys(record)) {
    const field = record[key] as Json;
    const masked = maskValue(field);
    if (masked !== field) {
      copy ??= { ...record };
      copy[key] = masked;
    }
  }
  return copy ?? record;
}

/**
 * Masks every credential in a bundle's vendor records and gaps (see the module comment); the
 * subject and the format are the technician's and the app's own, and stay as they are.
 * Returns the same bundle when there was nothing to mask.
 */
export function maskBundleSecrets(bundle: EvidenceBundle): EvidenceBundle {
  const rest: Record<string, unknown> = { ...bundle };
  delete rest.format;
  delete rest.subject;
  const masked = maskValue(rest as unknown as Json);
  if (masked === (rest as unknown as Json)) return bundle;
  // Spread over the original, so the fields keep their order in the file.
  return { ...bundle, ...(masked as unknown as Omit<EvidenceBundle, 'format' | 'subject'>) };
}
