import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pdfText } from './poppler';

/*
 * Sentinel secrets for the secret-hygiene suite: distinctive values planted as credentials (or
 * inside vendor data), and a scanner that looks for every one of them, in every form a leak could
 * take, in every text a flow left behind.
 *
 * The sentinels are deliberately NOT shaped like real credentials ("SENTINEL-okta-api-token-…",
 * not "00…" or "…Q~…"): redactSecrets masks secret *shapes*, so a shaped sentinel would hide a
 * leak behind the last line of defence. A plain one is only kept out by the code never putting it
 * anywhere.
 */

/** A secret the scanner looks for, by name. */
export interface Sentinel {
  readonly name: string;
  readonly value: string;
}

/** A text some flow left behind, and where it came from ("log", "ipc diagnosis:run", a file). */
export interface Place {
  readonly where: string;
  readonly text: string;
}

/** One sentinel found in one place, in one form. */
export interface Leak {
  readonly where: string;
  readonly sentinel: string;
  readonly form: string;
}

/** A distinctive value: "SENTINEL-<kind>-" and 16 random hex digits, unique to this run. */
export function sentinelValue(kind: string): string {
  return `SENTINEL-${kind}-${randomBytes(8).toString('hex')}`;
}

/** A fresh RSA private key in PKCS#8 PEM: a sentinel that must also work as a key. */
export function sentinelPrivateKeyPem(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
}

/**
 * The base64 text of `value` wherever it sits in a longer encoded string: a value inside a
 * longer text is encoded differently for each of its three possible offsets from a 3-byte group
 * boundary, so each offset gives the stable middle of its encoding. Trimmed to whole characters
 * that only the value's own bytes decide.
 */
function base64Forms(value: string, encoding: 'base64' | 'base64url'): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const forms: string[] = [];
  for (let pad = 0; pad < 3; pad++) {
    const encoded = Buffer.concat([Buffer.alloc(pad), bytes]).toString(encoding);
    // Leading characters mix pad bytes with the value's; trailing ones mix it with what follows.
    const start = pad === 0 ? 0 : pad === 1 ? 2 : 3;
    const wholeGroups = Math.floor((pad + bytes.length) / 3) * 4;
    forms.push(encoded.slice(start, wholeGroups));
  }
  return forms;
}

/**
 * Every form of a secret a leak could take: as written, JSON-escaped (inside a JSON string),
 * URL-encoded (a query string or form), base64 and base64url (a header, a blob), and for a PEM
 * key each line of its body (a key re-wrapped, or cut off, still leaks its lines).
 */
export function secretForms(value: string): readonly { readonly form: string; readonly text: string }[] {
  const forms = new Map<string, string>();
  const add = (form: string, text: string): void => {
    // A form shorter than this could occur by chance; every sentinel is far longer.
    if (text.length >= 16 && ![...forms.values()].includes(text)) forms.set(form, text);
  };
  add('raw', value);
  add('json-escaped', JSON.stringify(value).slice(1, -1));
  add('url-encoded', encodeURIComponent(value));
  add('form-encoded', new URLSearchParams({ v: value }).toString().slice(2));
  base64Forms(value, 'base64').forEach((text, i) => add(`base64@${String(i)}`, text));
  base64Forms(value, 'base64url').forEach((text, i) => add(`base64url@${String(i)}`, text));
  if (value.includes('PRIVATE KEY-----')) {
    value
      .split('\n')
      .filter((line) => line.length >= 40 && !line.startsWith('-----'))
      .forEach((line, i) => add(`pem-line-${String(i)}`, line));
  }
  return [...forms].map(([form, text]) => ({ form, text }));
}

/** Every form of every sentinel found in every place. */
export function findLeaks(places: readonly Place[], sentinels: readonly Sentinel[]): Leak[] {
  const leaks: Leak[] = [];
  const lookFor = sentinels.map((s) => ({ name: s.name, forms: secretForms(s.value) }));
  for (const place of places) {
    for (const { name, forms } of lookFor) {
      const found = forms.find((f) => place.text.includes(f.text));
      if (found !== undefined) leaks.push({ where: place.where, sentinel: name, form: found.form });
    }
  }
  return leaks;
}

/**
 * Every file under a folder, as places: text files as written, PDFs as their text (pdftotext:
 * a PDF's text is compressed in its streams) and as their raw bytes.
 */
export async function filePlaces(root: string): Promise<Place[]> {
  const places: Place[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        const bytes = await readFile(path);
        places.push({ where: `file ${path}`, text: bytes.toString('latin1') });
        if (entry.name.endsWith('.pdf')) places.push({ where: `pdf text ${path}`, text: pdfText(path) });
        else places.push({ where: `file ${path}`, text: bytes.toString('utf8') });
      }
    }
  };
  await walk(root);
  return places;
}

/** Every `access_token` a token endpoint answered in some HTTP traffic (JSON or form encoded). */
export function accessTokensIn(traffic: string): string[] {
  const tokens = new Set<string>();
  for (const m of traffic.matchAll(/"access_token"\s*:\s*"([^"]+)"/g)) if (m[1] !== undefined) tokens.add(m[1]);
  return [...tokens];
}
