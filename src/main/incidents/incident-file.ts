import { z } from 'zod';
import type { Diagnosis } from '../../core/diagnosis/model';
import { EVIDENCE_KINDS } from '../../core/diagnosis/model';
import { diagnosisSchema, subjectSchema } from '../../shared/ipc/diagnosis';
import { incidentIdSchema } from '../../shared/ipc/incident-id';
import { incidentStatusSchema, incidentWorkSchema } from '../../shared/ipc/incidents';

/** The format tag of an incident file. */
export const INCIDENT_FORMAT = 'signin-triage.incident/v1';

const kinds: ReadonlySet<string> = new Set(EVIDENCE_KINDS);

/**
 * An incident file (`<id>.json`): what was diagnosed and the technician's work on it. The
 * evidence bundle sits beside it in `<id>.bundle.json`, written once, so that saving notes
 * rewrites a few kilobytes and never the evidence.
 *
 * The diagnosis is checked with the same schema that guards it on the way to the renderer,
 * plus what the engine needs to rebuild the records from it: every evidence item names a kind
 * of record it knows (the IPC schema, which only checks outputs, lets any string through).
 */
export const incidentFileSchema = z
  .object({
    format: z.literal(INCIDENT_FORMAT),
    id: incidentIdSchema,
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
    status: incidentStatusSchema,
    profileId: z.string().min(1).max(40),
    subject: subjectSchema,
    diagnosis: diagnosisSchema,
    work: incidentWorkSchema,
  })
  .strict()
  .refine((file) => file.status === file.work.status, {
    message: 'status must match work.status',
    path: ['status'],
  })
  .refine((file) => file.diagnosis.findings.every((f) => f.evidence.every((e) => kinds.has(e.source))), {
    message: 'an evidence item names an unknown kind of record',
    path: ['diagnosis', 'findings'],
  });

/** A validated incident file. */
export type IncidentFile = z.infer<typeof incidentFileSchema>;

/**
 * The stored diagnosis in the engine's own type, to rebuild its records and links with the
 * engine's functions. The engine wrote it, and {@link incidentFileSchema} checked every field the
 * engine reads; the schema's inferred type is only looser (a code or family is a string).
 */
export function storedDiagnosis(file: IncidentFile): Diagnosis {
  return file.diagnosis as Diagnosis;
}
