// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { TimelineOutcome } from '../../../core/diagnosis/model';
import { CONTOSO_ENTRIES, entry, WINDOW } from './timeline-fixtures';
import {
  buildLanes,
  formatWindow,
  laneLabel,
  markerFor,
  planTimeline,
  pointLabel,
  pointTimeFormatter,
  tickFormatter,
  tickStep,
  timelineCaption,
  timelineChartHeight,
  timelineOmissions,
  timelinePlotHeight,
  timeTicks,
  TIMELINE_POINT_LIMIT,
} from './timeline-lanes';

const UTC = { locale: 'en-GB', timeZone: 'UTC' } as const;
const SINCE = Date.parse(WINDOW.since);
const UNTIL = Date.parse(WINDOW.until);
const MINUTE = 60_000;

describe('lanes', () => {
  it('labels a lane with its side and client', () => {
    expect(laneLabel({ side: 'okta', clientLabel: 'Outlook (legacy)' })).toBe('Okta · Outlook (legacy)');
    expect(laneLabel({ side: 'entra', clientLabel: 'Teams phone' })).toBe('Entra · Teams phone');
    expect(laneLabel({ side: 'entra', clientLabel: '  ' })).toBe('Entra · Unknown client');
  });

  it('gives one lane per side and client, Okta first, then by client name', () => {
    const lanes = buildLanes(CONTOSO_ENTRIES);
    expect(lanes.map((l) => l.label)).toEqual([
      'Okta · Edge on Windows',
      'Okta · Outlook (legacy)',
      'Entra · Edge on Windows',
      'Entra · Teams phone',
    ]);
    expect(lanes.map((l) => l.index)).toEqual([0, 1, 2, 3]);
  });

  it('keeps lane order stable whatever order the entries come in', () => {
    const reversed = buildLanes([...CONTOSO_ENTRIES].reverse());
    expect(reversed.map((l) => l.key)).toEqual(buildLanes(CONTOSO_ENTRIES).map((l) => l.key));
  });
});

describe('markers', () => {
  it('draws every outcome with its own shape, so colour is never the only cue', () => {
    const outcomes: TimelineOutcome[] = ['success', 'failure', 'denied', 'challenge', 'info'];
    const shapes = outcomes.map(markerFor);
    expect(new Set(shapes).size).toBe(outcomes.length);
    expect(markerFor('success')).toBe('check-circle');
  });
});

describe('point labels', () => {
  const time = pointTimeFormatter(SINCE, UNTIL, UTC);

  it('reads side, client, outcome, local time and title', () => {
    const deny = CONTOSO_ENTRIES.find((e) => e.id === 'okta-deny-1')!;
    expect(pointLabel(deny, time(Date.parse(deny.at)))).toBe(
      'Okta, Outlook (legacy), denied, 9:42:15 — User login to Okta (WS-Trust active) (LEGACY_AUTHENTICATION)',
    );
  });

  it('says when the other side has no matching record', () => {
    const orphan = CONTOSO_ENTRIES.find((e) => e.id === 'entra-orphan')!;
    expect(pointLabel(orphan, '09:55:00')).toBe(
      'Entra, Teams phone, failure, 09:55:00 — Sign-in to Microsoft Teams (AADSTS51004); no matching record on the other side',
    );
  });

  it('adds the date when the window spans days', () => {
    const format = pointTimeFormatter(SINCE, SINCE + 3 * 24 * 60 * MINUTE, UTC);
    expect(format(SINCE)).toBe('4 Mar, 9:00:00');
  });
});

describe('planTimeline', () => {
  it('places each attempt in the window on its lane, oldest first', () => {
    const plan = planTimeline(CONTOSO_ENTRIES, WINDOW.since, WINDOW.until, UTC);
    expect(plan.points.map((p) => p.entry.id)).toEqual(CONTOSO_ENTRIES.map((e) => e.id));
    expect(plan.points.map((p) => plan.lanes[p.lane]?.label)).toEqual([
      'Okta · Edge on Windows',
      'Entra · Edge on Windows',
      'Okta · Edge on Windows',
      'Okta · Outlook (legacy)',
      'Entra · Teams phone',
      'Okta · Outlook (legacy)',
    ]);
    expect(plan).toMatchObject({ sinceMs: SINCE, untilMs: UNTIL, inWindow: 6, outside: 0, truncated: false });
    expect(plan.points[0]?.label).toBe(
      'Okta, Edge on Windows, success, 9:12:30 — User single sign on to app (WS-Fed passive)',
    );
  });

  it('sorts entries that arrive out of order, keeping ties in their given order', () => {
    const a = entry({ id: 'a', minute: 5 });
    const b = entry({ id: 'b', minute: 5 });
    const c = entry({ id: 'c', minute: 1 });
    expect(planTimeline([a, b, c], WINDOW.since, WINDOW.until).points.map((p) => p.entry.id)).toEqual(['c', 'a', 'b']);
  });

  it('leaves out attempts outside the window or with an unreadable time, and counts them', () => {
    const plan = planTimeline(
      [entry({ id: 'before', minute: -1 }), entry({ id: 'in', minute: 1 }), entry({ id: 'bad', at: 'yesterday' })],
      WINDOW.since,
      WINDOW.until,
    );
    expect(plan.points.map((p) => p.entry.id)).toEqual(['in']);
    expect(plan).toMatchObject({ inWindow: 1, outside: 2, truncated: false });
  });

  it('keeps the newest attempts when there are more than the limit, with lanes for those only', () => {
    const many = Array.from({ length: 1200 }, (_, i) =>
      entry({ id: `e${String(i)}`, minute: i / 10, clientLabel: i < 100 ? 'Old client' : 'Web browser' }),
    );
    const plan = planTimeline(many, WINDOW.since, WINDOW.until);
    expect(plan.points).toHaveLength(TIMELINE_POINT_LIMIT);
    expect(plan.points[0]?.entry.id).toBe('e700');
    expect(plan.points.at(-1)?.entry.id).toBe('e1199');
    expect(plan.lanes.map((l) => l.label)).toEqual(['Okta · Web browser']);
    expect(plan).toMatchObject({ inWindow: 1200, truncated: true });
  });

  it('plans a few thousand attempts quickly', () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      entry({ id: `e${String(i)}`, minute: (i * 7) % 120, side: i % 2 === 0 ? 'okta' : 'entra' }),
    );
    const started = performance.now();
    const plan = planTimeline(many, WINDOW.since, WINDOW.until);
    // Generous, to stay reliable on a loaded CI machine; it takes a few ms.
    expect(performance.now() - started).toBeLessThan(250);
    expect(plan.points).toHaveLength(TIMELINE_POINT_LIMIT);
  });

  it('falls back to the entries’ extent when the window cannot be read', () => {
    const plan = planTimeline(CONTOSO_ENTRIES, 'not a date', WINDOW.until);
    expect(plan.sinceMs).toBe(Date.parse(CONTOSO_ENTRIES[0]!.at));
    expect(plan.untilMs).toBe(Date.parse(CONTOSO_ENTRIES.at(-1)!.at));
    expect(plan.points).toHaveLength(CONTOSO_ENTRIES.length);
  });
});

describe('height', () => {
  it('grows with lanes up to a cap, known before anything renders', () => {
    expect(timelineChartHeight(0)).toBe(260);
    expect(timelineChartHeight(2)).toBe(316);
    expect(timelineChartHeight(10)).toBe(540);
    expect(timelineChartHeight(40)).toBe(540);
    expect(timelinePlotHeight(2)).toBeLessThan(timelineChartHeight(2));
  });
});

describe('time axis', () => {
  it('picks the smallest clock step that fits the ticks', () => {
    expect(tickStep(SINCE, UNTIL, 6)).toBe(30 * MINUTE);
    expect(tickStep(SINCE, UNTIL, 10)).toBe(15 * MINUTE);
    expect(tickStep(SINCE, SINCE + 7 * 24 * 60 * MINUTE, 8)).toBe(24 * 60 * MINUTE);
  });

  it('puts ticks on local clock boundaries inside the window, no more than asked', () => {
    const since = SINCE + 7 * MINUTE + 13_000;
    const ticks = timeTicks(since, UNTIL, 8);
    expect(ticks.length).toBeGreaterThan(0);
    expect(ticks.length).toBeLessThanOrEqual(8);
    for (const t of ticks) {
      expect(t).toBeGreaterThanOrEqual(since);
      expect(t).toBeLessThanOrEqual(UNTIL);
      const d = new Date(t);
      expect(d.getSeconds()).toBe(0);
      expect(d.getMinutes() % 15).toBe(0);
    }
    expect(ticks).toEqual([...ticks].sort((a, b) => a - b));
  });

  it('puts day ticks on local midnight', () => {
    const ticks = timeTicks(SINCE, SINCE + 10 * 24 * 60 * MINUTE, 6);
    expect(ticks.length).toBeGreaterThan(1);
    for (const t of ticks) expect(new Date(t).getHours()).toBe(0);
  });

  it('labels ticks short: times within a day, the date at midnight across days', () => {
    expect(tickFormatter(SINCE, UNTIL, 15 * MINUTE, UTC)(SINCE + 15 * MINUTE)).toBe('9:15');
    const twoDays = tickFormatter(SINCE, SINCE + 48 * 60 * MINUTE, 6 * 60 * MINUTE, UTC);
    expect(twoDays(Date.parse('2026-03-05T00:00:00Z'))).toBe('5 Mar');
    expect(twoDays(Date.parse('2026-03-05T06:00:00Z'))).toBe('6:00');
  });

  it('says the window in the caption', () => {
    expect(formatWindow(SINCE, UNTIL, UTC)).toBe('4 Mar 2026, 09:00–11:00');
    expect(timelineCaption({ sinceMs: SINCE, untilMs: UNTIL }, UTC)).toBe(
      'Sign-in attempts, Okta and Entra, 4 Mar 2026, 09:00–11:00',
    );
  });
});

describe('omissions', () => {
  it('says nothing when everything is drawn', () => {
    expect(timelineOmissions({ points: [], inWindow: 0, outside: 0, truncated: false })).toBeNull();
  });

  it('says what was left out and where to find it', () => {
    const plan = { points: new Array(500), inWindow: 2341, outside: 1, truncated: true } as const;
    expect(timelineOmissions(plan, { locale: 'en-US' })).toBe(
      'Showing the newest 500 of 2,341 attempts; the table lists them all. 1 attempt outside this window is in the table only.',
    );
  });
});
