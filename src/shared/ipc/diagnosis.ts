import { z } from 'zod';
import { SYMPTOMS } from '../../core/evidence/symptoms';
import { EVIDENCE_SOURCES } from '../../core/evidence/bundle';
import { VERDICT_CODES } from '../../core/diagnosis/verdicts';
import { EVIDENCE_KINDS } from '../../core/diagnosis/model';
import { MAX_RECORD_JSON_BYTES } from '../../core/diagnosis/evidence-records';
import { incidentIdSchema } from './incident-id';

/*
 * The diagnosis as it crosses IPC. Every field is declared, so the dispatcher's output check
 * refuses anything a handler did not mean to send.
 */

/** A read-only list, like the engine's own data (the diagnosis is never mutated after it is made). */
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

/** Who and when a diagnosis is about (the evidence bundle's subject). */
export const subjectSchema = z
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

/** The raw vendor record behind one evidence item, as text (secrets masked, size capped). */
export const evidenceRecordSchema = z
  .object({
    id: z.string(),
    source: z.enum(EVIDENCE_KINDS),
    // Bytes bound characters: a JSON text within the byte cap is within the same number of characters.
    json: z.string().max(MAX_RECORD_JSON_BYTES),
  })
  .strict();

/** "Open the same query" in the Okta System Log, the Entra sign-in logs and Graph Explorer. */
export const consoleLinksSchema = z
  .object({
    okta: z
      .object({
        url: z.string().nullable(),
        reason: z.string().optional(),
        query: z.string(),
        since: z.string(),
        until: z.string(),
      })
      .strict(),
    entra: z.object({ url: z.string(), filter: z.string(), instruction: z.string() }).strict(),
    graphExplorer: z.object({ url: z.string(), request: z.string() }).strict(),
  })
  .strict();

/** The raw records behind a diagnosis's evidence, in order of first citation. */
export const evidenceRecordsSchema = list(evidenceRecordSchema);

/**
 * What a run answers: the diagnosis, the raw record behind each distinct evidence item (the
 * rest of the evidence bundle stays in main), and the console links for the same queries.
 *
 * Every run is kept as a draft incident; `incidentId` is its id, or null when it could not be
 * saved (a full disk, a folder without write access), and then `saveError` says why, so the
 * wizard can say "not saved" while the technician still gets the diagnosis.
 */
export const diagnosisRunResultSchema = z
  .object({
    runId: z.number().int(),
    diagnosis: diagnosisSchema,
    records: evidenceRecordsSchema,
    links: consoleLinksSchema,
    incidentId: incidentIdSchema.nullable(),
    saveError: z.string().optional(),
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
