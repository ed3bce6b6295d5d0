import { consoleLinks } from '../../../core/diagnosis/console-links';
import type { ConsoleLinks } from '../../../core/diagnosis/console-links';
import { evidenceRecords } from '../../../core/diagnosis/evidence-records';
import type { EvidenceRecord } from '../../../core/diagnosis/evidence-records';
import type { Diagnosis } from '../../../core/diagnosis/model';
import type { EvidenceBundle } from '../../../core/evidence/bundle';

/** What the renderer gets of a diagnosis's evidence: the records it cites and the console links. */
export interface DiagnosisView {
  readonly records: readonly EvidenceRecord[];
  readonly links: ConsoleLinks;
}

/**
 * The records and links of a diagnosis, from its evidence bundle. A fresh run and a reopened
 * incident both go through here, so reopening shows exactly what the run showed.
 */
export function diagnosisView(diagnosis: Diagnosis, bundle: EvidenceBundle): DiagnosisView {
  return { records: evidenceRecords(diagnosis, bundle), links: consoleLinks(bundle) };
}
