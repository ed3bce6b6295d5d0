import { z } from 'zod';
import { SYMPTOMS } from '../../core/evidence/symptoms';
import { EVIDENCE_SOURCES } from '../../core/evidence/bundle';
import { VERDICT_CODES } from '../../core/diagnosis/verdicts';

/*
 * The diagnosis as it crosses IPC. Every field is declared, so the dispatcher's output check
 * refuses anything a handler did not mean to send.
 */

/** A read-only list, like the engine's own data (the diagnosis is never mutated after it is made). */
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

const subjectSchema = z
  .object({ upn: z.string(), since: z.string(), until: z.string(), symptom: z.enum(SYMPTOMS).optional() })
  .strict();

const evidenceItemSchema = z
  .object({
    source: z.string(),
    id: z.string(),
    field: z.string().optional(),
    value: z.string().optional(),
    at: z.string().optional(),
    note: z.string().optional(),
  })
  .strict();

const findingSchema = z
  .object({
    code: z.enum(VERDICT_CODES as unknown as [string, ...string[]]),
    family: z.string(),
    severity: z.enum(['critical', 'high', 'medium', 'low', 'info']),
    confidence: z.enum(['high', 'medium', 'low']),
    summary: z.string(),
    explanation: z.string(),
    evidence: list(evidenceItemSchema),
    remediation: list(
      z.object({ title: z.string(), detail: z.string().optional(), where: z.string().optional() }).strict(),
    ),
    userScript: list(z.object({ say: z.string(), expect: z.string().optional() }).strict()).optional(),
    wouldChangeMyMind: list(z.string()),
    latestAt: z.string().optional(),
  })
  .strict();

const timelineEntrySchema = z
  .object({
    at: z.string(),
    side: z.enum(['okta', 'entra']),
    id: z.string(),
    title: z.string(),
    outcome: z.enum(['success', 'failure', 'denied', 'challenge', 'info']),
    code: z.string().optional(),
    clientKind: z.string(),
    clientLabel: z.string(),
    ipAddress: z.string().optional(),
    relatedIds: list(z.string()),
    counterpart: z.enum(['joined', 'missing', 'not-expected']),
  })
  .strict();

/** The diagnosis document (`signin-triage.diagnosis/v1`) as it crosses IPC. */
export const diagnosisSchema = z
  .object({
    format: z.literal('signin-triage.diagnosis/v1'),
    subject: subjectSchema,
    primary: findingSchema.nullable(),
    findings: list(findingSchema),
    timeline: list(timelineEntrySchema),
    gaps: list(z.object({ source: z.enum(EVIDENCE_SOURCES), reason: z.string() }).strict()),
    checked: list(z.string()),
  })
  .strict();

/** What the wizard sends to run a diagnosis; `runId` (chosen by the renderer) ties progress to the run. */
export const diagnosisRequestSchema = z
  .object({
    runId: z.number().int().positive(),
    profileId: z.string().min(1).max(40),
    upn: z.string().min(1).max(256),
    symptom: z.enum(SYMPTOMS),
    since: z.iso.datetime({ offset: true }),
    until: z.iso.datetime({ offset: true }),
  })
  .strict();

/** One progress event of a run, pushed from main while it collects. */
export const diagnosisProgressSchema = z
  .object({
    runId: z.number().int().positive(),
    step: z.enum(EVIDENCE_SOURCES),
    phase: z.enum(['started', 'page', 'retrying', 'done', 'failed']),
    page: z.number().int().optional(),
    count: z.number().int().optional(),
    retryInSeconds: z.number().optional(),
    message: z.string().optional(),
  })
  .strict();

/** A progress event as the renderer receives it. */
export type DiagnosisProgress = z.infer<typeof diagnosisProgressSchema>;
