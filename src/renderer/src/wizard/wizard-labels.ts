import type { WindowChoice } from './wizard-machine';

/*
 * The words the wizard uses for the engine's identifiers. The engine's own (families, sources,
 * confidence …) are core's, shared with the incident report so the screen and the report say
 * the same thing; only the wizard's own choices are defined here.
 */
export {
  CONFIDENCE_LABELS,
  EVIDENCE_KIND_LABELS,
  FAMILY_LABELS,
  SEVERITY_LABELS,
  SOURCE_LABELS,
} from '../../../core/report/labels';

/** The windows a technician can pick, in menu order. */
export const WINDOW_LABELS: Readonly<Record<WindowChoice, string>> = {
  'last-hour': 'Last hour',
  today: 'Last 24 hours',
  'last-7-days': 'Last 7 days',
  custom: 'Custom',
};
