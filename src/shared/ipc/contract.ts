import { z } from 'zod';
import type { BridgeEvent, BridgeMethod, EventChannel, IpcChannel } from './channels';

export type { IpcChannel } from './channels';
import { BRIDGE_EVENTS, BRIDGE_METHODS } from './channels';
import { diagnosisProgressSchema, diagnosisRequestSchema, diagnosisRunResultSchema } from './diagnosis';
import {
  duplicateIncidentResultSchema,
  exportIncidentRequestSchema,
  exportIncidentResultSchema,
  incidentRefSchema,
  listIncidentsResultSchema,
  openIncidentSchema,
  updateIncidentRequestSchema,
} from './incidents';
import { openLinkRequestSchema, openLinkResultSchema } from './links';
import { appSettingsSchema } from './settings';
import { appStatusSchema } from './app-status';
import { DOMAIN_PATTERN, preflightReportSchema, profileSchema, profileSummarySchema, SECRET_KINDS } from './profiles';
import type { Result } from '../result';

/** The input and output schemas of one channel. */
export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
}

/**
 * The IPC contract: every channel with its zod input and output schemas.
 *
 * Main registers handlers from this object only, so a channel cannot exist without a schema;
 * `satisfies` makes the compiler reject a channel of `BRIDGE_METHODS` that has no entry here.
 * Inputs are `.strict()` so unexpected keys are refused rather than silently dropped.
 */
export const IPC_CONTRACT = {
  'app:get-status': {
    input: z.object({}).strict(),
    output: appStatusSchema,
  },
  'profiles:list': {
    input: z.object({}).strict(),
    output: z.object({ profiles: z.array(profileSummarySchema) }).strict(),
  },
  'profiles:save': {
    input: z.object({ profile: profileSchema }).strict(),
    output: profileSummarySchema,
  },
  'profiles:delete': {
    input: z.object({ id: z.string().min(1).max(40) }).strict(),
    output: z.object({ deleted: z.boolean() }).strict(),
  },
  // Write-only: the value goes in; only its status comes back.
  'secrets:set': {
    input: z
      .object({
        profileId: z.string().min(1).max(40),
        kind: z.enum(SECRET_KINDS),
        value: z.string().min(1).max(20_000),
      })
      .strict(),
    output: z.object({ kind: z.enum(SECRET_KINDS), configured: z.literal(true) }).strict(),
  },
  'profiles:preflight': {
    input: z.object({ id: z.string().min(1).max(40) }).strict(),
    output: preflightReportSchema,
  },
  'entra:discover-tenant': {
    input: z
      .object({ domain: z.string().trim().max(253).regex(DOMAIN_PATTERN, 'a domain such as contoso.com') })
      .strict(),
    output: z.object({ tenantId: z.string() }).strict(),
  },
  // Collects and diagnoses; progress arrives meanwhile on 'diagnosis:progress' with the same runId.
  'diagnosis:run': {
    input: diagnosisRequestSchema,
    output: diagnosisRunResultSchema,
  },
  'diagnosis:cancel': {
    input: z.object({ runId: z.number().int().positive() }).strict(),
    output: z.object({ cancelled: z.boolean() }).strict(),
  },
  // Opens a console link in the system browser; main refuses anything off its allow-list.
  'links:open': {
    input: openLinkRequestSchema,
    output: openLinkResultSchema,
  },
  'settings:get': {
    input: z.object({}).strict(),
    output: appSettingsSchema,
  },
  'settings:set': {
    input: appSettingsSchema,
    output: appSettingsSchema,
  },
  // Incidents: every diagnosis run is kept (see diagnosis:run's incidentId) to list, reopen and continue.
  'incidents:list': {
    input: z.object({}).strict(),
    output: listIncidentsResultSchema,
  },
  'incidents:open': {
    input: incidentRefSchema,
    output: z.object({ incident: openIncidentSchema }).strict(),
  },
  // Saves the technician's work only; what was diagnosed and its evidence never change.
  'incidents:update': {
    input: updateIncidentRequestSchema,
    output: z.object({ updatedAt: z.iso.datetime({ offset: true }) }).strict(),
  },
  'incidents:delete': {
    input: incidentRefSchema,
    output: z.object({ deleted: z.boolean() }).strict(),
  },
  // Builds the incident's report at a redaction level and saves it where the technician chooses in
  // main's save dialog; the report itself never crosses IPC, only where it went and what it hid.
  'incidents:export': {
    input: exportIncidentRequestSchema,
    output: exportIncidentResultSchema,
  },
  // A new draft incident with the same evidence, diagnosis and work (a call back about the same fault).
  'incidents:duplicate': {
    input: incidentRefSchema,
    output: duplicateIncidentResultSchema,
  },
  // Diagnoses the stored evidence again with this version's engine and saves the result in place.
  'incidents:rediagnose': {
    input: incidentRefSchema,
    output: z.object({ incident: openIncidentSchema }).strict(),
  },
} as const satisfies Record<IpcChannel, ChannelSpec>;

/** The payload schema of each main→renderer event channel. */
export const EVENT_CONTRACT = {
  'diagnosis:progress': diagnosisProgressSchema,
} as const satisfies Record<EventChannel, z.ZodType>;

/** The payload type of an event channel. */
export type EventPayload<C extends EventChannel> = z.output<(typeof EVENT_CONTRACT)[C]>;

/** The contract's type. */
export type IpcContract = typeof IPC_CONTRACT;

/** The validated input type of a channel. */
export type ChannelInput<C extends IpcChannel> = z.input<IpcContract[C]['input']>;

/** The output type of a channel. */
export type ChannelOutput<C extends IpcChannel> = z.output<IpcContract[C]['output']>;

/**
 * The object the preload exposes as `window.triage`: one async method per channel.
 */
export type TriageBridge = {
  readonly [M in BridgeMethod]: (
    input: ChannelInput<(typeof BRIDGE_METHODS)[M]>,
  ) => Promise<Result<ChannelOutput<(typeof BRIDGE_METHODS)[M]>>>;
} & {
  /** Subscribes to a main→renderer event; returns the function that unsubscribes. */
  readonly [E in BridgeEvent]: (listener: (payload: EventPayload<(typeof BRIDGE_EVENTS)[E]>) => void) => () => void;
};
