import { z } from 'zod';
import { SYMPTOMS } from '../../core/evidence/symptoms';
import { VERDICT_CODES } from '../../core/diagnosis/verdicts';
import { EXPORT_REDACTION_LEVELS, REPORT_FORMATS } from '../../core/report/report-types';
import type { VerdictCode } from '../../core/diagnosis/verdicts';
import { consoleLinksSchema, diagnosisSchema, evidenceRecordsSchema, subjectSchema } from './diagnosis';
import { incidentIdSchema } from './incident-id';

/*
 * Incidents as they cross IPC. Every diagnosis run is kept as an incident (a draft until the
 * technician closes it); the wizard lists recent ones, reopens one and saves where it got to.
 */

/** The most incidents `incidents:list` answers with, newest first. */
export const MAX_LISTED_INCIDENTS = 100;

/** The longest notes the technician can keep on one incident, in characters. */
export const MAX_INCIDENT_NOTES = 20_000;

/** The most ticked fix steps one incident can hold (a fix has a handful; this only bounds the file). */
export const MAX_INCIDENT_DONE = 100;

/** Where an incident stands: a draft is still being worked on; a closed one is finished. */
export const incidentStatusSchema = z.enum(['draft', 'closed']);

/** Where an incident stands. */
export type IncidentStatus = z.infer<typeof incidentStatusSchema>;

/**
 * The technician's work on an incident: the wizard step they were on, the fix steps they ticked
 * (indexes into the primary finding's remediation), their notes, and the status.
 */
export const incidentWorkSchema = z
  .object({
    step: z.enum(['verdict', 'fix', 'notes']),
    done: z.array(z.number().int().nonnegative()).max(MAX_INCIDENT_DONE).readonly(),
    notes: z.string().max(MAX_INCIDENT_NOTES),
    status: incidentStatusSchema,
  })
  .strict();

/** The technician's work on an incident. */
export type IncidentWork = z.infer<typeof incidentWorkSchema>;

const timestampSchema = z.iso.datetime({ offset: true });

/** One line of the recent-incidents list: enough to recognise the call without opening it. */
export const incidentSummarySchema = z
  .object({
    id: incidentIdSchema,
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    status: incidentStatusSchema,
    profileId: z.string(),
    upn: z.string(),
    symptom: z.enum(SYMPTOMS).optional(),
    /** The primary finding's verdict code, or null when the diagnosis found nothing. */
    code: z.enum(VERDICT_CODES as unknown as [VerdictCode, ...VerdictCode[]]).nullable(),
    /** The primary finding's one-sentence summary, or null with `code`. */
    summary: z.string().nullable(),
  })
  .strict();

/** One line of the recent-incidents list. */
export type IncidentSummary = z.infer<typeof incidentSummarySchema>;

/**
 * A reopened incident: what was diagnosed, with the raw records and console links rebuilt from
 * the stored evidence exactly as the run made them, and the technician's work so far.
 */
export const openIncidentSchema = z
  .object({
    id: incidentIdSchema,
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    status: incidentStatusSchema,
    profileId: z.string(),
    subject: subjectSchema,
    diagnosis: diagnosisSchema,
    records: evidenceRecordsSchema,
    links: consoleLinksSchema,
    work: incidentWorkSchema,
  })
  .strict();

/** A reopened incident. */
export type OpenIncident = z.infer<typeof openIncidentSchema>;

/** `incidents:list` answers with the newest incidents and how many files could not be read. */
export const listIncidentsResultSchema = z
  .object({
    incidents: z.array(incidentSummarySchema).max(MAX_LISTED_INCIDENTS).readonly(),
    /** Incident files skipped because they are damaged or unreadable; the list never fails over one. */
    unreadable: z.number().int().nonnegative(),
  })
  .strict();

/** `incidents:open` and `incidents:delete` name one incident. */
export const incidentRefSchema = z.object({ id: incidentIdSchema }).strict();

/** `incidents:update` replaces the technician's work on one incident. */
export const updateIncidentRequestSchema = z.object({ id: incidentIdSchema, work: incidentWorkSchema }).strict();

/** `incidents:export` names an incident, the report format and who the report is for. */
export const exportIncidentRequestSchema = z
  .object({
    id: incidentIdSchema,
    format: z.enum(REPORT_FORMATS),
    redaction: z.enum(EXPORT_REDACTION_LEVELS),
  })
  .strict();

/** What an export hid, counted as the redaction counts it (distinct values; tokens by occurrence). */
export const exportRedactionCountsSchema = z
  .object({
    otherUsers: z.number().int().nonnegative(),
    ipAddresses: z.number().int().nonnegative(),
    deviceIds: z.number().int().nonnegative(),
    tenantIds: z.number().int().nonnegative(),
    tokens: z.number().int().nonnegative(),
  })
  .strict();

/**
 * `incidents:export` answers with where the report was saved and how big it is, or `path: null`
 * (and nothing written, nothing counted) when the technician cancelled the save dialog.
 */
export const exportIncidentResultSchema = z
  .object({
    path: z.string().min(1).nullable(),
    bytes: z.number().int().nonnegative(),
    redacted: exportRedactionCountsSchema,
  })
  .strict();

/** `incidents:duplicate` answers with the new draft incident's id. */
export const duplicateIncidentResultSchema = z.object({ id: incidentIdSchema }).strict();
