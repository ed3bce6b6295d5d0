/** A JSON value (as parsed, or as a handler answers). */
export type Json = null | boolean | number | string | readonly Json[] | JsonObject;

/** A JSON object (an interface, so the type can refer to itself). */
export interface JsonObject {
  readonly [key: string]: Json;
}

/**
 * The same value with `map` applied to every string in it. Parts with no string changed are the
 * same objects, and the whole value is returned as it was when nothing changed: a large bundle
 * or diagnosis, mostly free of what is being masked, is not copied for nothing.
 */
export function mapJsonStrings(value: Json, map: (text: string) => string): Json {
  if (typeof value === 'string') return map(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = value as readonly Json[];
    let copy: Json[] | null = null;
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as Json;
      const mapped = mapJsonStrings(item, map);
      if (mapped !== item) {
        copy ??= items.slice();
        copy[i] = mapped;
      }
    }
    return copy ?? items;
  }
  const record = value as JsonObject;
  let copy: Record<string, Json> | null = null;
  for (const key of Object.keys(record)) {
    const field = record[key] as Json;
    const mapped = mapJsonStrings(field, map);
    if (mapped !== field) {
      copy ??= { ...record };
      copy[key] = mapped;
    }
  }
  return copy ?? record;
}
