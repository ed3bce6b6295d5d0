import { cleanLine } from './sanitize-text';

/*
 * Times in a report are UTC and spelled out: the reader may be in another time zone from the
 * technician, and the consoles the evidence came from filter in UTC. The core has no time zone
 * of its own to offer anyway.
 */

function parts(iso: string): { readonly date: string; readonly minute: string; readonly second: string } | null {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return null;
  const text = new Date(ms).toISOString();
  return { date: text.slice(0, 10), minute: text.slice(11, 16), second: text.slice(11, 19) };
}

/** "2026-11-25 14:40:05 UTC"; a string that is not a time is shown as it is (cleaned). */
export function formatTime(iso: string): string {
  const p = parts(iso);
  return p === null ? cleanLine(iso) : `${p.date} ${p.second} UTC`;
}

/** "2026-11-25 14:00 – 16:00 UTC", or both dates when the window spans midnight. */
export function formatWindow(since: string, until: string): string {
  const from = parts(since);
  const to = parts(until);
  if (from === null || to === null) return `${cleanLine(since)} – ${cleanLine(until)}`;
  const end = from.date === to.date ? to.minute : `${to.date} ${to.minute}`;
  return `${from.date} ${from.minute} – ${end} UTC`;
}

/** "20261125-1440" for a file name, in UTC; empty for a string that is not a time. */
export function fileStamp(iso: string): string {
  const p = parts(iso);
  return p === null ? '' : `${p.date.replace(/-/g, '')}-${p.minute.replace(':', '')}`;
}
