/**
 * Time helpers for the hot paths of the engine: a bundle holds tens of thousands of timestamps,
 * so parsing and ordering them is a measurable share of a diagnosis.
 */

const CHAR_0 = 48;
const CHAR_DASH = 45;
const CHAR_COLON = 58;
const CHAR_DOT = 46;
const CHAR_T = 84;
const CHAR_Z = 90;

/** The number written by `count` ASCII digits at `from`, or -1 when one of them is not a digit. */
function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - CHAR_0;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Milliseconds since the epoch of an ISO-8601 timestamp: exactly what `Date.parse` returns.
 *
 * Okta (`2024-05-01T10:00:00.000Z`) and Graph (`2024-05-01T10:00:00Z`) write UTC in one of two
 * fixed shapes; those are read digit by digit, which is several times faster than `Date.parse`.
 * Anything else (offsets, other precisions, out-of-range fields) goes to `Date.parse`, so the
 * result never differs from it.
 */
export function parseInstant(text: string): number {
  const n = text.length;
  if (
    (n === 20 || (n === 24 && text.charCodeAt(19) === CHAR_DOT)) &&
    text.charCodeAt(n - 1) === CHAR_Z &&
    text.charCodeAt(4) === CHAR_DASH &&
    text.charCodeAt(7) === CHAR_DASH &&
    text.charCodeAt(10) === CHAR_T &&
    text.charCodeAt(13) === CHAR_COLON &&
    text.charCodeAt(16) === CHAR_COLON
  ) {
    const year = digits(text, 0, 4);
    const month = digits(text, 5, 2);
    const day = digits(text, 8, 2);
    const hour = digits(text, 11, 2);
    const minute = digits(text, 14, 2);
    const second = digits(text, 17, 2);
    const millis = n === 24 ? digits(text, 20, 3) : 0;
    // Date.UTC maps years 0–99 to 1900–1999, so those (and every unusual field) take the slow path.
    if (
      year >= 100 &&
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      day <= daysInMonth(year, month) &&
      hour >= 0 &&
      hour <= 23 &&
      minute >= 0 &&
      minute <= 59 &&
      second >= 0 &&
      second <= 59 &&
      millis >= 0
    ) {
      return Date.UTC(year, month - 1, day, hour, minute, second, millis);
    }
  }
  return Date.parse(text);
}

/**
 * Sorts items by `at` in place, stably: the same order as `items.sort((a, b) => a.at - b.at)`.
 *
 * When every time is a whole number and (time − earliest) × count + index fits in a double
 * exactly, the items are ordered through one typed-array sort of those packed keys, with no
 * comparator calls; ties keep their original order because the index is part of the key.
 * Other inputs (NaN, huge spans) fall back to the comparator sort.
 */
export function sortByTime<T extends { readonly at: number }>(items: T[]): T[] {
  const n = items.length;
  if (n < 2) return items;
  let min = Infinity;
  let max = -Infinity;
  let sorted = true;
  let previous = -Infinity;
  for (const item of items) {
    const at = item.at;
    if (!Number.isInteger(at)) return items.sort((a, b) => a.at - b.at);
    if (at < min) min = at;
    if (at > max) max = at;
    if (at < previous) sorted = false;
    previous = at;
  }
  // Logs usually arrive in time order; then there is nothing to do.
  if (sorted) return items;
  if ((max - min + 1) * n > Number.MAX_SAFE_INTEGER) return items.sort((a, b) => a.at - b.at);
  const keys = new Float64Array(n);
  items.forEach((item, i) => {
    keys[i] = (item.at - min) * n + i;
  });
  keys.sort();
  const copy = items.slice();
  keys.forEach((key, i) => {
    const item = copy[key % n];
    if (item !== undefined) items[i] = item;
  });
  return items;
}
