import type { TimelineEntry, TimelineOutcome } from '../../../core/diagnosis/model';

/*
 * The pure half of the timeline chart: which lane an attempt goes in, in what order, how it is
 * drawn and read out, and how tall the chart is. No React and no recharts here, so the lazy
 * wrapper can size its placeholder without pulling the chart's chunk, and this runs in Node.
 */

/**
 * Most points the chart draws. Each point is a focusable SVG element; past a few hundred,
 * tabbing through them is useless and rendering gets slow, and the table lists them all anyway.
 */
export const TIMELINE_POINT_LIMIT = 500;

/** Height of everything but the lanes: caption, x axis, margins and legend, in px. */
export const TIMELINE_BASE_HEIGHT = 260;
/** Extra height per lane, in px. */
export const TIMELINE_LANE_HEIGHT = 28;
/** Lanes past this share the capped height instead of growing the chart further. */
export const TIMELINE_MAX_SIZED_LANES = 10;

/** Room kept for the caption (two lines) above the plot, in px. */
export const TIMELINE_CAPTION_HEIGHT = 48;
/** Room kept for the legend (two rows when it wraps) below the plot, in px. */
export const TIMELINE_LEGEND_HEIGHT = 52;

/** How a point is drawn; each outcome has its own shape so colour is never the only cue. */
export type MarkerKind = 'check-circle' | 'cross' | 'square' | 'triangle' | 'ring';

/** One swimlane: one identity provider and one client. */
export interface TimelineLane {
  /** Stable identity of the lane: side and client label. */
  readonly key: string;
  readonly side: TimelineEntry['side'];
  readonly clientLabel: string;
  /** What the axis shows, e.g. "Okta · Outlook (legacy)". */
  readonly label: string;
  /** Position from the top, 0 first. */
  readonly index: number;
}

/** One attempt placed on the chart. */
export interface TimelinePoint {
  readonly entry: TimelineEntry;
  /** Epoch milliseconds: the x value. */
  readonly t: number;
  /** Lane index: the y value. */
  readonly lane: number;
  readonly marker: MarkerKind;
  /** The point's accessible name. */
  readonly label: string;
}

/** Everything the chart draws, decided from the props alone. */
export interface TimelinePlan {
  /** The x domain in epoch ms. */
  readonly sinceMs: number;
  readonly untilMs: number;
  /** Lanes of the drawn points, Okta first. */
  readonly lanes: readonly TimelineLane[];
  /** Drawn points, oldest first (the tab order). */
  readonly points: readonly TimelinePoint[];
  /** Attempts inside the window, drawn or not. */
  readonly inWindow: number;
  /** Attempts outside the window or with an unreadable time: in the table only. */
  readonly outside: number;
  /** Whether older attempts were left out to stay under the point limit. */
  readonly truncated: boolean;
}

/** Locale and zone for formatting; the user's own when left out (tests pin them). */
export interface TimeFormatOptions {
  readonly locale?: string;
  readonly timeZone?: string;
}

/** Options of {@link planTimeline}. */
export interface PlanOptions extends TimeFormatOptions {
  /** Most points to draw; {@link TIMELINE_POINT_LIMIT} when left out. */
  readonly limit?: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const SIDE_NAME: Readonly<Record<TimelineEntry['side'], string>> = { okta: 'Okta', entra: 'Entra' };

const MARKERS: Readonly<Record<TimelineOutcome, MarkerKind>> = {
  success: 'check-circle',
  failure: 'cross',
  denied: 'square',
  challenge: 'triangle',
  info: 'ring',
};

const OUTCOME_WORDS: Readonly<Record<TimelineOutcome, string>> = {
  success: 'success',
  failure: 'failure',
  denied: 'denied',
  challenge: 'challenge',
  info: 'information',
};

/** The words for a side, as technicians say them. */
export function sideName(side: TimelineEntry['side']): string {
  return SIDE_NAME[side];
}

/** The shape that stands for an outcome. */
export function markerFor(outcome: TimelineOutcome): MarkerKind {
  return MARKERS[outcome];
}

/** An outcome in words, for screen readers. */
export function outcomeWord(outcome: TimelineOutcome): string {
  return OUTCOME_WORDS[outcome];
}

/** The client as shown: the classifier's label, or a fallback when it has none. */
function clientName(entry: Pick<TimelineEntry, 'clientLabel'>): string {
  const label = entry.clientLabel.trim();
  return label === '' ? 'Unknown client' : label;
}

/** The lane an entry belongs to (before ordering assigns its index). */
export function laneKey(entry: Pick<TimelineEntry, 'side' | 'clientLabel'>): string {
  // A control character cannot occur in either part, so two lanes never collide.
  return `${entry.side}\u0001${clientName(entry)}`;
}

/** The axis label of a lane, e.g. "Okta · Outlook (legacy)". */
export function laneLabel(entry: Pick<TimelineEntry, 'side' | 'clientLabel'>): string {
  return `${sideName(entry.side)} · ${clientName(entry)}`;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * Lane order: Okta lanes above Entra lanes, because the story reads top-down (Okta issues the
 * assertion Entra consumes); within a side, by client name so lanes do not move as data grows.
 */
export function compareLanes(
  a: Pick<TimelineLane, 'side' | 'clientLabel'>,
  b: Pick<TimelineLane, 'side' | 'clientLabel'>,
): number {
  if (a.side !== b.side) return a.side === 'okta' ? -1 : 1;
  return collator.compare(a.clientLabel, b.clientLabel);
}

/** Builds the ordered lanes for a set of entries, one per side and client. */
export function buildLanes(entries: readonly Pick<TimelineEntry, 'side' | 'clientLabel'>[]): TimelineLane[] {
  const seen = new Map<string, Pick<TimelineLane, 'side' | 'clientLabel'>>();
  for (const e of entries) {
    const key = laneKey(e);
    if (!seen.has(key)) seen.set(key, { side: e.side, clientLabel: clientName(e) });
  }
  return [...seen.entries()]
    .sort(([, a], [, b]) => compareLanes(a, b))
    .map(([key, lane], index) => ({ ...lane, key, label: laneLabel(lane), index }));
}

/** Whether a window is a single local calendar day, so times need no date. */
function sameDay(sinceMs: number, untilMs: number, options: TimeFormatOptions): boolean {
  const day = new Intl.DateTimeFormat(options.locale, { dateStyle: 'short', timeZone: options.timeZone });
  return day.format(sinceMs) === day.format(untilMs);
}

/**
 * The formatter of a point's time: "10:42:13" (in the user's convention) when the window is one
 * day, with the date as well when it spans several.
 */
export function pointTimeFormatter(
  sinceMs: number,
  untilMs: number,
  options: TimeFormatOptions = {},
): (ms: number) => string {
  const time: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit', second: '2-digit' };
  const format = new Intl.DateTimeFormat(options.locale, {
    ...time,
    ...(sameDay(sinceMs, untilMs, options) ? {} : { month: 'short', day: 'numeric' }),
    timeZone: options.timeZone,
  });
  return (ms) => format.format(ms);
}

/**
 * The accessible name of a point, e.g.
 * "Okta, Outlook (legacy), failure, 10:42:13 — User login to Office 365 (INVALID_CREDENTIALS)".
 * A missing counterpart is said, because that is where the story breaks.
 */
export function pointLabel(entry: TimelineEntry, time: string): string {
  const code = entry.code === undefined || entry.code === '' ? '' : ` (${entry.code})`;
  const missing = entry.counterpart === 'missing' ? '; no matching record on the other side' : '';
  return `${sideName(entry.side)}, ${clientName(entry)}, ${outcomeWord(entry.outcome)}, ${time} — ${entry.title}${code}${missing}`;
}

function parseTime(iso: string): number {
  return Date.parse(iso);
}

/**
 * The x domain. A window that cannot be read falls back to the entries' own extent, so a bad
 * prop degrades to a less tidy axis rather than an empty chart.
 */
function domainOf(since: string, until: string, entries: readonly TimelineEntry[]): [number, number] {
  const s = parseTime(since);
  const u = parseTime(until);
  if (Number.isFinite(s) && Number.isFinite(u) && u > s) return [s, u];
  let min = Infinity;
  let max = -Infinity;
  for (const e of entries) {
    const t = parseTime(e.at);
    if (!Number.isFinite(t)) continue;
    if (t < min) min = t;
    if (t > max) max = t;
  }
  if (!Number.isFinite(min)) {
    const now = Date.now();
    return [now - HOUR, now];
  }
  return max > min ? [min, max] : [min - MINUTE, max + MINUTE];
}

/**
 * Decides what the chart draws: the attempts inside [since, until], oldest first, capped to
 * the newest `limit` so the number of focusable elements stays sane, their lanes and labels.
 * Linear apart from one sort, which is skipped when the entries arrive in time order (the
 * engine's timeline does).
 */
export function planTimeline(
  entries: readonly TimelineEntry[],
  since: string,
  until: string,
  options: PlanOptions = {},
): TimelinePlan {
  const [sinceMs, untilMs] = domainOf(since, until, entries);
  const limit = Math.max(0, Math.floor(options.limit ?? TIMELINE_POINT_LIMIT));
  const timed: { readonly entry: TimelineEntry; readonly t: number }[] = [];
  let sorted = true;
  for (const entry of entries) {
    const t = parseTime(entry.at);
    if (!(t >= sinceMs && t <= untilMs)) continue;
    const last = timed[timed.length - 1];
    if (last !== undefined && last.t > t) sorted = false;
    timed.push({ entry, t });
  }
  // Array.prototype.sort is stable, so attempts logged in the same millisecond keep their order.
  if (!sorted) timed.sort((a, b) => a.t - b.t);
  const shown = timed.length > limit ? timed.slice(timed.length - limit) : timed;
  const lanes = buildLanes(shown.map((p) => p.entry));
  const laneIndex = new Map(lanes.map((l) => [l.key, l.index]));
  const time = pointTimeFormatter(sinceMs, untilMs, options);
  const points = shown.map(({ entry, t }): TimelinePoint => ({
    entry,
    t,
    lane: laneIndex.get(laneKey(entry)) ?? 0,
    marker: markerFor(entry.outcome),
    label: pointLabel(entry, time(t)),
  }));
  return {
    sinceMs,
    untilMs,
    lanes,
    points,
    inWindow: timed.length,
    outside: entries.length - timed.length,
    truncated: shown.length < timed.length,
  };
}

/**
 * The chart's total height for a number of lanes, known from the props before anything is
 * measured, so the placeholder, the empty state and the chart take exactly the same room.
 */
export function timelineChartHeight(laneCount: number): number {
  const lanes = Math.min(Math.max(0, Math.floor(laneCount)), TIMELINE_MAX_SIZED_LANES);
  return TIMELINE_BASE_HEIGHT + lanes * TIMELINE_LANE_HEIGHT;
}

/** The height of the SVG plot alone: the total less the caption and legend rows. */
export function timelinePlotHeight(laneCount: number): number {
  return timelineChartHeight(laneCount) - TIMELINE_CAPTION_HEIGHT - TIMELINE_LEGEND_HEIGHT;
}

/** Steps an axis may use, smallest first; each reads naturally on a clock or calendar. */
const TICK_STEPS: readonly number[] = [
  10 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  30 * DAY,
];

/** The smallest step that keeps the tick count within `maxTicks` across the window. */
export function tickStep(sinceMs: number, untilMs: number, maxTicks: number): number {
  const span = Math.max(0, untilMs - sinceMs);
  const room = Math.max(1, Math.floor(maxTicks));
  return TICK_STEPS.find((step) => span / step <= room) ?? Math.ceil(span / room / DAY) * DAY;
}

/** Moves a local time to the previous step boundary (whole minutes, hours, days…). */
function floorLocal(ms: number, step: number): Date {
  const d = new Date(ms);
  if (step < MINUTE) {
    const s = step / SECOND;
    d.setSeconds(Math.floor(d.getSeconds() / s) * s, 0);
  } else if (step < HOUR) {
    const m = step / MINUTE;
    d.setMinutes(Math.floor(d.getMinutes() / m) * m, 0, 0);
  } else if (step < DAY) {
    const h = step / HOUR;
    d.setHours(Math.floor(d.getHours() / h) * h, 0, 0, 0);
  } else {
    d.setHours(0, 0, 0, 0);
  }
  return d;
}

/** Advances a local time by one step, through the calendar so DST days stay aligned. */
function addStep(d: Date, step: number): Date {
  const next = new Date(d.getTime());
  if (step < HOUR) next.setTime(next.getTime() + step);
  else if (step < DAY) next.setHours(next.getHours() + step / HOUR);
  else next.setDate(next.getDate() + Math.round(step / DAY));
  return next;
}

/**
 * Tick positions for the time axis: on local clock boundaries (e.g. every 15 minutes past the
 * hour, or local midnight), inside the window, at most `maxTicks` of them.
 */
export function timeTicks(sinceMs: number, untilMs: number, maxTicks: number): number[] {
  if (!(untilMs > sinceMs)) return [];
  const step = tickStep(sinceMs, untilMs, maxTicks);
  const ticks: number[] = [];
  let d = floorLocal(sinceMs, step);
  // A guard well above any sensible count: DST arithmetic must never loop forever.
  for (let i = 0; i < 1000 && d.getTime() <= untilMs; i++) {
    if (d.getTime() >= sinceMs) ticks.push(d.getTime());
    const next = addStep(d, step);
    if (next.getTime() <= d.getTime()) break;
    d = next;
  }
  return ticks;
}

/**
 * The formatter of axis ticks, kept short: times within a day; across days, the date at
 * midnight and times between; dates alone when steps are whole days.
 */
export function tickFormatter(
  sinceMs: number,
  untilMs: number,
  step: number,
  options: TimeFormatOptions = {},
): (ms: number) => string {
  const zone = { timeZone: options.timeZone };
  const seconds = step < MINUTE ? ({ second: '2-digit' } as const) : {};
  const time = new Intl.DateTimeFormat(options.locale, { hour: 'numeric', minute: '2-digit', ...seconds, ...zone });
  const date = new Intl.DateTimeFormat(options.locale, { month: 'short', day: 'numeric', ...zone });
  if (step >= DAY) return (ms) => date.format(ms);
  if (sameDay(sinceMs, untilMs, options)) return (ms) => time.format(ms);
  // Midnight is found in a fixed locale with Latin digits; only the displayed text is localised.
  const clock = new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...zone });
  return (ms) => (clock.format(ms) === '00:00' ? date.format(ms) : time.format(ms));
}

/** The window in words for the caption, e.g. "4 Mar 2026, 09:00 – 11:00". */
export function formatWindow(sinceMs: number, untilMs: number, options: TimeFormatOptions = {}): string {
  const format = new Intl.DateTimeFormat(options.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: options.timeZone,
  });
  return format.formatRange(sinceMs, untilMs);
}

/** The figure's caption: what the chart shows, for whom, and over which window. */
export function timelineCaption(plan: Pick<TimelinePlan, 'sinceMs' | 'untilMs'>, options?: TimeFormatOptions): string {
  return `Sign-in attempts, Okta and Entra, ${formatWindow(plan.sinceMs, plan.untilMs, options)}`;
}

/**
 * What the chart leaves out, in words, or null when it shows everything: older attempts past
 * the point limit and attempts outside the window are in the table only.
 */
export function timelineOmissions(
  plan: Pick<TimelinePlan, 'points' | 'inWindow' | 'outside' | 'truncated'>,
  options: TimeFormatOptions = {},
): string | null {
  const n = new Intl.NumberFormat(options.locale);
  const parts: string[] = [];
  if (plan.truncated) {
    parts.push(
      `Showing the newest ${n.format(plan.points.length)} of ${n.format(plan.inWindow)} attempts; the table lists them all.`,
    );
  }
  if (plan.outside > 0) {
    parts.push(
      plan.outside === 1
        ? '1 attempt outside this window is in the table only.'
        : `${n.format(plan.outside)} attempts outside this window are in the table only.`,
    );
  }
  return parts.length === 0 ? null : parts.join(' ');
}
