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
import { mapJsonStrings } from './map-json-strings';
import type { Json } from './map-json-strings';

/**
 * Masks every credential in a bundle's vendor records and gaps (see the module comment); the
 * subject and the format are the technician's and the app's own, and stay as they are.
 * Returns the same bundle when there was nothing to mask.
 */
export function maskBundleSecrets(bundle: EvidenceBundle): EvidenceBundle {
  const rest: Record<string, unknown> = { ...bundle };
  delete rest.format;
  delete rest.subject;
  const masked = mapJsonStrings(rest as unknown as Json, (text) => redactSecrets(text));
  if (masked === (rest as unknown as Json)) return bundle;
  // Spread over the original, so the fields keep their order in the file.
  return { ...bundle, ...(masked as unknown as Omit<EvidenceBundle, 'format' | 'subject'>) };
}
