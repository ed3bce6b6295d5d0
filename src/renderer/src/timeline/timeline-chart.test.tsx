import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { TimelineEntry } from '../../../core/diagnosis/model';
import { TimelineChart } from './timeline-chart';
import { CONTOSO_ENTRIES, entry, WINDOW } from './timeline-fixtures';
import { planTimeline, timelineChartHeight } from './timeline-lanes';
import { LazyTimelineChart } from './lazy-timeline-chart';

function renderChart(entries: readonly TimelineEntry[], selectedId: string | null = null) {
  const selected: string[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <TimelineChart
        entries={entries}
        since={WINDOW.since}
        until={WINDOW.until}
        selectedId={selectedId}
        onSelect={(id) => selected.push(id)}
        width={800}
      />
    </FluentProvider>,
  );
  return { selected };
}

/** The labels the chart must give, from the same helper and the test machine's local time. */
function expectedLabels(entries: readonly TimelineEntry[]): string[] {
  return planTimeline(entries, WINDOW.since, WINDOW.until).points.map((p) => p.label);
}

afterEach(cleanup);

describe('TimelineChart', () => {
  it('is a figure captioned with what it shows and the window', () => {
    renderChart(CONTOSO_ENTRIES);
    const figure = screen.getByRole('figure', { name: /^Sign-in attempts, Okta and Entra, / });
    expect(figure.tagName).toBe('FIGURE');
  });

  it('draws one button per attempt, named by side, client, outcome, time and title', () => {
    renderChart(CONTOSO_ENTRIES);
    const points = screen.getAllByRole('button');
    expect(points).toHaveLength(CONTOSO_ENTRIES.length);
    expect(points.map((p) => p.getAttribute('aria-label'))).toEqual(expectedLabels(CONTOSO_ENTRIES));
    // The time is local to the test machine, so only its shape is pinned here.
    expect(points[3]?.getAttribute('aria-label')).toMatch(
      /^Okta, Outlook \(legacy\), denied, \d{1,2}:\d{2}:15.* — User login to Okta \(WS-Trust active\) \(LEGACY_AUTHENTICATION\)$/,
    );
    for (const p of points) {
      expect(p.tagName.toLowerCase()).toBe('g');
      expect(p.getAttribute('tabindex')).toBe('0');
    }
  });

  it('keeps the tab order chronological whatever order entries arrive in', () => {
    renderChart([...CONTOSO_ENTRIES].reverse());
    const ids = screen.getAllByRole('button').map((p) => p.dataset.entryId);
    expect(ids).toEqual(CONTOSO_ENTRIES.map((e) => e.id));
  });

  it('says when an attempt has no matching record on the other side', () => {
    renderChart(CONTOSO_ENTRIES);
    const orphan = screen.getByRole('button', { name: /no matching record on the other side$/ });
    expect(orphan.dataset.entryId).toBe('entra-orphan');
    expect(screen.getAllByRole('button', { name: /no matching record/ })).toHaveLength(1);
  });

  it('selects an attempt on click, Enter and Space', () => {
    const chart = renderChart(CONTOSO_ENTRIES);
    const [first, second, third] = screen.getAllByRole('button');
    fireEvent.click(first!);
    fireEvent.keyDown(second!, { key: 'Enter' });
    fireEvent.keyDown(third!, { key: ' ' });
    fireEvent.keyDown(third!, { key: 'a' });
    expect(chart.selected).toEqual(['okta-sso-1', 'entra-1', 'okta-mfa-1']);
  });

  it('marks the selected attempt, and only it', () => {
    renderChart(CONTOSO_ENTRIES, 'okta-deny-1');
    const pressed = screen.getAllByRole('button', { pressed: true });
    expect(pressed.map((p) => p.dataset.entryId)).toEqual(['okta-deny-1']);
    expect(screen.getAllByRole('button', { pressed: false })).toHaveLength(CONTOSO_ENTRIES.length - 1);
  });

  it('labels each lane, Okta lanes first', () => {
    renderChart(CONTOSO_ENTRIES);
    const labels = [
      'Okta · Edge on Windows',
      'Okta · Outlook (legacy)',
      'Entra · Edge on Windows',
      'Entra · Teams phone',
    ];
    for (const label of labels) expect(screen.getAllByText(label).length).toBeGreaterThan(0);
    const ticks = [...document.querySelectorAll('.recharts-yAxis-tick-labels text')].map(
      (t) => t.lastChild?.textContent,
    );
    expect(ticks).toEqual(labels);
  });

  it('has a legend that names every outcome and both rings', () => {
    renderChart(CONTOSO_ENTRIES);
    const legend = screen.getByRole('list', { name: 'Legend' });
    const items = within(legend)
      .getAllByRole('listitem')
      .map((i) => i.textContent);
    expect(items).toEqual([
      'Success',
      'Failure',
      'Denied by policy',
      'Challenge (e.g. MFA)',
      'Other event',
      'No matching record on the other side',
      'Selected',
    ]);
  });

  it('says so when neither side has an attempt in the window', () => {
    renderChart([]);
    expect(screen.getByText('No sign-in attempts in this window on either side')).toBeTruthy();
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    expect(screen.getByRole('figure', { name: /^Sign-in attempts, Okta and Entra, / })).toBeTruthy();
  });

  it('takes the height decided from its props, empty or not', () => {
    renderChart([]);
    expect(screen.getByTestId('timeline-chart').style.minHeight).toBe(`${String(timelineChartHeight(0))}px`);
    cleanup();
    renderChart(CONTOSO_ENTRIES);
    expect(screen.getByTestId('timeline-chart').style.minHeight).toBe(`${String(timelineChartHeight(4))}px`);
  });

  it('draws at most 500 points and says the table has the rest', () => {
    const many = Array.from({ length: 1500 }, (_, i) =>
      entry({ id: `e${String(i)}`, minute: i / 20, side: i % 2 === 0 ? 'okta' : 'entra' }),
    );
    renderChart(many);
    const points = screen.getAllByRole('button');
    expect(points).toHaveLength(500);
    expect(points[0]?.dataset.entryId).toBe('e1000');
    expect(screen.getByText('Showing the newest 500 of 1,500 attempts; the table lists them all.')).toBeTruthy();
  });
});

describe('TimelineChart without a fixed width', () => {
  it('renders at a default width where the container cannot be measured', () => {
    // happy-dom has no layout: the container measures 0 px wide, so the fallback applies.
    render(
      <FluentProvider theme={webLightTheme}>
        <TimelineChart
          entries={CONTOSO_ENTRIES}
          since={WINDOW.since}
          until={WINDOW.until}
          selectedId={null}
          onSelect={() => undefined}
        />
      </FluentProvider>,
    );
    expect(document.querySelector('svg.recharts-surface')?.getAttribute('width')).toBe('640');
    expect(screen.getAllByRole('button')).toHaveLength(CONTOSO_ENTRIES.length);
  });
});

describe('LazyTimelineChart', () => {
  it('holds the chart’s height while loading, then shows the chart', async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <LazyTimelineChart
          entries={CONTOSO_ENTRIES}
          since={WINDOW.since}
          until={WINDOW.until}
          selectedId={null}
          onSelect={() => undefined}
          width={800}
        />
      </FluentProvider>,
    );
    const placeholder = screen.queryByTestId('timeline-placeholder');
    // The chunk may already be in the module cache from the tests above; when it is not, the
    // placeholder must take the chart's exact height.
    if (placeholder !== null) expect(placeholder.style.height).toBe(`${String(timelineChartHeight(4))}px`);
    expect(await screen.findByRole('figure', { name: /^Sign-in attempts/ })).toBeTruthy();
    expect(screen.getAllByRole('button')).toHaveLength(CONTOSO_ENTRIES.length);
  });
});
