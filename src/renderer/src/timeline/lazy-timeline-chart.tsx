import { lazy, Suspense, useMemo } from 'react';
import type { ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
// Types only: a value import would pull the chart, and recharts with it, into the initial bundle.
import type { TimelineChartProps } from './timeline-chart';
import { planTimeline, timelineChartHeight } from './timeline-lanes';

/**
 * The chart module in its own chunk, fetched the first time the timeline is shown: recharts
 * and its state libraries weigh far more than the rest of the wizard's first screen.
 */
const TimelineChartChunk = lazy(() => import('./timeline-chart').then((m) => ({ default: m.TimelineChart })));

const useStyles = makeStyles({
  placeholder: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    boxSizing: 'border-box',
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

/** Props of {@link TimelinePlaceholder}. */
export interface TimelinePlaceholderProps {
  readonly height: number;
  readonly width?: number;
}

/** Holds the chart's exact room while its chunk loads, so nothing below moves when it arrives. */
export function TimelinePlaceholder({ height, width }: TimelinePlaceholderProps): ReactNode {
  const styles = useStyles();
  return (
    <div className={styles.placeholder} style={{ height, width }} aria-busy="true" data-testid="timeline-placeholder">
      Loading the timeline…
    </div>
  );
}

/**
 * {@link TimelineChart}, loaded on first use. Same props; while the chunk loads it shows a
 * placeholder of the height the chart will have (decided from the same props, so no shift).
 */
export function LazyTimelineChart(props: TimelineChartProps): ReactNode {
  const { entries, since, until, width } = props;
  // Only the lane count matters here; the plan is cheap (one pass over the entries).
  const height = useMemo(
    () => timelineChartHeight(planTimeline(entries, since, until).lanes.length),
    [entries, since, until],
  );
  return (
    <Suspense fallback={<TimelinePlaceholder height={height} {...(width === undefined ? {} : { width })} />}>
      <TimelineChartChunk {...props} />
    </Suspense>
  );
}
