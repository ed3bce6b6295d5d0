import { memo, useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode, RefObject } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
// Named imports only: recharts is side-effect free, so the bundler keeps just these.
import { CartesianGrid, Scatter, ScatterChart, XAxis, YAxis } from 'recharts';
import type { ScatterShapeProps, XAxisTickContentProps, YAxisTickContentProps } from 'recharts';
import type { TimelineEntry } from '../../../core/diagnosis/model';
import {
  planTimeline,
  tickFormatter,
  tickStep,
  timelineCaption,
  timelineChartHeight,
  timelineOmissions,
  timelinePlotHeight,
  timeTicks,
  TIMELINE_CAPTION_HEIGHT,
  TIMELINE_LEGEND_HEIGHT,
} from './timeline-lanes';
import type { TimelineLane, TimelinePoint } from './timeline-lanes';
import { TimelineLegend } from './timeline-legend';
import { MarkerShape, MissingRing, SelectedRing } from './timeline-marker';

/** Props of {@link TimelineChart}. */
export interface TimelineChartProps {
  /** Attempts from both sides, as the engine's timeline gives them (any order). */
  readonly entries: readonly TimelineEntry[];
  /** Start of the searched window, ISO 8601. */
  readonly since: string;
  /** End of the searched window, ISO 8601. */
  readonly until: string;
  /** The entry shown in the details pane, or null. */
  readonly selectedId: string | null;
  readonly onSelect: (id: string) => void;
  /** A fixed width in px, for tests; when left out the chart fills its container's width. */
  readonly width?: number;
  /** How much larger than normal the type is (screen-share mode), so lane labels fit. */
  readonly fontScale?: number;
}

/** Width used until the container has been measured, or where it cannot be (no layout). */
const FALLBACK_WIDTH = 640;
const MARGIN = { top: 4, right: 12, bottom: 0, left: 0 } as const;
const X_AXIS_HEIGHT = 28;
/** Keeps the rings of points at the window's edges inside the plot. */
const X_PADDING = { left: 16, right: 16 } as const;
/** Roughly one axis label's width plus a gap, in px: decides how many time ticks fit. */
const TICK_ROOM = 96;
/** An average character width at the 12 px axis font, in px: sizes the lane labels column. */
const CHAR_WIDTH = 6.6;
/** Applied to descendants by a selector, so a plain class name rather than a generated one. */
const FOCUS_RING_CLASS = 'signin-triage-timeline-focus-ring';

const useStyles = makeStyles({
  figure: {
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    boxSizing: 'border-box',
  },
  caption: {
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'flex-end',
    boxSizing: 'border-box',
    paddingBottom: tokens.spacingVerticalXS,
  },
  captionTitle: {
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  captionNote: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  // The plot box is sized up front; overflow is clipped so a late measurement never pushes.
  plot: { position: 'relative', width: '100%', minWidth: 0, overflow: 'hidden' },
  legend: { boxSizing: 'border-box', paddingTop: tokens.spacingVerticalXS },
  empty: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    textAlign: 'center',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  tick: {
    fill: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyBase,
  },
  point: {
    cursor: 'pointer',
    // The default outline would be a box around the group; the rings below replace it.
    outlineStyle: 'none',
    [`:focus-visible .${FOCUS_RING_CLASS}`]: { visibility: 'visible' },
  },
  // A generous invisible target: the shapes alone are ~13 px, under the 24 px minimum (WCAG 2.5.8).
  hit: { fill: 'transparent' },
  // Fluent's two-tone focus indicator, so it shows on any background.
  focusOuter: { visibility: 'hidden', fill: 'none', stroke: tokens.colorStrokeFocus2, strokeWidth: '2px' },
  focusInner: { visibility: 'hidden', fill: 'none', stroke: tokens.colorStrokeFocus1, strokeWidth: '1px' },
});

/**
 * The container's width, measured before paint and kept current with a ResizeObserver; the
 * fixed width when one is given. Only the width is measured: the height is decided from the
 * props, so nothing around the chart moves when the measurement lands.
 */
function useContainerWidth(ref: RefObject<HTMLElement | null>, fixed: number | undefined): number {
  const [measured, setMeasured] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (fixed !== undefined || element === null) return undefined;
    const read = (): void => {
      const width = Math.floor(element.getBoundingClientRect().width);
      // Zero means no layout (hidden, or a DOM without one): keep the fallback.
      if (width > 0) setMeasured(width);
    };
    read();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(read);
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [ref, fixed]);
  return fixed ?? measured ?? FALLBACK_WIDTH;
}

/** Props of one point. */
interface PointMarkerProps {
  readonly point: TimelinePoint;
  readonly cx: number;
  readonly cy: number;
  readonly selected: boolean;
  readonly onSelect: (id: string) => void;
}

/**
 * One attempt: a toggle button in the SVG, so it is reachable by Tab and operable by Enter and
 * Space like any button, and its state (aria-pressed) is announced. Memoised: with a stable
 * onSelect, a new selection re-renders the two points whose state changed, not all of them.
 */
const PointMarker = memo(function PointMarker({ point, cx, cy, selected, onSelect }: PointMarkerProps): ReactNode {
  const styles = useStyles();
  const { entry } = point;
  const onKeyDown = (event: KeyboardEvent<SVGGElement>): void => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    // Space would otherwise scroll the page.
    event.preventDefault();
    onSelect(entry.id);
  };
  return (
    <g
      role="button"
      tabIndex={0}
      aria-label={point.label}
      aria-pressed={selected}
      className={styles.point}
      transform={`translate(${String(cx)} ${String(cy)})`}
      data-entry-id={entry.id}
      data-outcome={entry.outcome}
      onClick={() => {
        onSelect(entry.id);
      }}
      onKeyDown={onKeyDown}
    >
      {/* Hidden from assistive tech: the label says it all; the title is the mouse's tooltip. */}
      <g aria-hidden="true">
        <title>{point.label}</title>
        <circle r={12} className={styles.hit} />
        {entry.counterpart === 'missing' && <MissingRing />}
        <MarkerShape kind={point.marker} />
        {selected && <SelectedRing />}
        <circle r={16.5} className={mergeClasses(styles.focusOuter, FOCUS_RING_CLASS)} />
        <circle r={15} className={mergeClasses(styles.focusInner, FOCUS_RING_CLASS)} />
      </g>
    </g>
  );
});

/** Shortens a lane label to what fits the axis column; the tick's title keeps the whole text. */
function fitLabel(label: string, maxChars: number): string {
  return label.length <= maxChars ? label : `${label.slice(0, Math.max(1, maxChars - 1)).trimEnd()}…`;
}

/** The lane labels column: wide enough for the longest label, at most 40% of the chart. */
function laneColumnWidth(lanes: readonly TimelineLane[], width: number, charWidth: number): number {
  const longest = lanes.reduce((n, l) => Math.max(n, l.label.length), 0);
  const wanted = Math.ceil(longest * charWidth) + 12;
  return Math.max(72, Math.min(wanted, Math.floor(width * 0.4), 280));
}

interface PlotProps {
  readonly points: readonly TimelinePoint[];
  readonly lanes: readonly TimelineLane[];
  readonly sinceMs: number;
  readonly untilMs: number;
  readonly width: number;
  readonly height: number;
  /** Pixels per label character at the current font size. */
  readonly charWidth: number;
  readonly selectedId: string | null;
  readonly onSelect: (id: string) => void;
}

/** The recharts scatter: time across, lanes down, one custom marker per point. */
function Plot(props: PlotProps): ReactNode {
  const { points, lanes, sinceMs, untilMs, width, height, charWidth, selectedId, onSelect } = props;
  const styles = useStyles();
  const laneWidth = laneColumnWidth(lanes, width, charWidth);
  const plotWidth = Math.max(1, width - laneWidth - MARGIN.left - MARGIN.right - X_PADDING.left - X_PADDING.right);
  const maxTicks = Math.max(2, Math.floor(plotWidth / TICK_ROOM));
  const ticks = useMemo(() => timeTicks(sinceMs, untilMs, maxTicks), [sinceMs, untilMs, maxTicks]);
  const formatTick = useMemo(
    () => tickFormatter(sinceMs, untilMs, tickStep(sinceMs, untilMs, maxTicks)),
    [sinceMs, untilMs, maxTicks],
  );
  const laneTicks = useMemo(() => lanes.map((l) => l.index), [lanes]);
  const maxChars = Math.max(4, Math.floor((laneWidth - 12) / charWidth));

  // Axis text is hidden from assistive tech: every point's label already names its lane and
  // time, and a run of bare tick times read out before the points is noise.
  const renderTimeTick = useCallback(
    ({ x, y, payload }: XAxisTickContentProps): ReactNode => (
      <text x={x} y={y} dy="1em" textAnchor="middle" className={styles.tick} aria-hidden="true">
        {formatTick(Number(payload.value))}
      </text>
    ),
    [formatTick, styles.tick],
  );
  const renderLaneTick = useCallback(
    ({ x, y, payload }: YAxisTickContentProps): ReactNode => {
      const label = lanes[Number(payload.value)]?.label ?? '';
      return (
        <text x={x} y={y} dy="0.35em" textAnchor="end" className={styles.tick} aria-hidden="true">
          <title>{label}</title>
          {fitLabel(label, maxChars)}
        </text>
      );
    },
    [lanes, maxChars, styles.tick],
  );
  const renderPoint = useCallback(
    ({ cx, cy, index }: ScatterShapeProps): ReactNode => {
      // Recharts keeps the data order, so the index finds the point without touching `any`.
      const point = points[index];
      if (point === undefined || cx === undefined || cy === undefined) return null;
      return <PointMarker point={point} cx={cx} cy={cy} selected={point.entry.id === selectedId} onSelect={onSelect} />;
    },
    [points, selectedId, onSelect],
  );

  return (
    <ScatterChart
      width={width}
      height={height}
      margin={MARGIN}
      // Recharts' own keyboard layer makes the whole SVG one tab stop with role "application";
      // the points are real buttons here, so it would only add a confusing extra stop.
      accessibilityLayer={false}
    >
      <CartesianGrid vertical={false} stroke={tokens.colorNeutralStroke2} />
      <XAxis
        type="number"
        dataKey="t"
        domain={[sinceMs, untilMs]}
        ticks={ticks}
        interval={0}
        height={X_AXIS_HEIGHT}
        padding={X_PADDING}
        stroke={tokens.colorNeutralStroke1}
        tick={renderTimeTick}
      />
      <YAxis
        type="number"
        dataKey="lane"
        domain={[-0.5, Math.max(0, lanes.length - 1) + 0.5]}
        ticks={laneTicks}
        interval={0}
        reversed
        width={laneWidth}
        axisLine={false}
        tickLine={false}
        tick={renderLaneTick}
      />
      <Scatter data={points} isAnimationActive={false} shape={renderPoint} />
    </ScatterChart>
  );
}

/**
 * The wizard's timeline of sign-in attempts from Okta and Entra over the searched window:
 * time across, one lane per side and client (Okta above Entra), one marker per attempt whose
 * shape and colour give its outcome; a dashed ring marks an attempt whose other half is
 * missing. Each marker is a button (Tab in time order, Enter or Space to select).
 *
 * Presentational: entries and the selection in, the chosen id out. Its height is decided from
 * the props alone ({@link timelineChartHeight}), so it never shifts the page.
 */
export function TimelineChart({
  entries,
  since,
  until,
  selectedId,
  onSelect,
  width,
  fontScale = 1,
}: TimelineChartProps): ReactNode {
  const styles = useStyles();
  const plan = useMemo(() => planTimeline(entries, since, until), [entries, since, until]);
  // The figure is always there (the plot is not, when empty), so it is what gets measured.
  const figureRef = useRef<HTMLElement>(null);
  const measured = useContainerWidth(figureRef, width);
  // Screen-share mode scales the type: lane labels sized for the normal font would be cut.
  const charWidth = CHAR_WIDTH * fontScale;
  const caption = useMemo(() => timelineCaption(plan), [plan]);
  const omissions = useMemo(() => timelineOmissions(plan), [plan]);
  const lanes = plan.lanes.length;
  const empty = plan.points.length === 0;
  const plotHeight = timelinePlotHeight(lanes);
  const captionId = useId();
  const noteId = useId();

  return (
    <figure
      ref={figureRef}
      className={styles.figure}
      // Named by the caption's first line explicitly (not every AT derives it from figcaption);
      // what was left out is a description, so the name stays short.
      aria-labelledby={captionId}
      aria-describedby={omissions === null ? undefined : noteId}
      style={{ minHeight: timelineChartHeight(lanes), width }}
      data-testid="timeline-chart"
    >
      <figcaption className={styles.caption} style={{ minHeight: TIMELINE_CAPTION_HEIGHT }}>
        <span id={captionId} className={styles.captionTitle}>
          {caption}
        </span>
        {omissions !== null && (
          <span id={noteId} className={styles.captionNote}>
            {omissions}
          </span>
        )}
      </figcaption>
      {empty ? (
        <div className={styles.empty} style={{ height: plotHeight + TIMELINE_LEGEND_HEIGHT }}>
          No sign-in attempts in this window on either side
        </div>
      ) : (
        <>
          <div className={styles.plot} style={{ height: plotHeight }}>
            <Plot
              points={plan.points}
              lanes={plan.lanes}
              sinceMs={plan.sinceMs}
              untilMs={plan.untilMs}
              width={measured}
              height={plotHeight}
              charWidth={charWidth}
              selectedId={selectedId}
              onSelect={onSelect}
            />
          </div>
          <div className={styles.legend} style={{ minHeight: TIMELINE_LEGEND_HEIGHT }}>
            <TimelineLegend />
          </div>
        </>
      )}
    </figure>
  );
}
