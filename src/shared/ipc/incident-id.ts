import { z } from 'zod';

/**
 * An incident id: `inc-`, the UTC time it was created (`20261121T231500Z`), and 8 random hex
 * digits. Main makes ids and names files after them, so the pattern admits no dot, slash or
 * anything else a path could be built from; it is checked on every input and again by the store.
 */
export const INCIDENT_ID_PATTERN = /^inc-\d{8}T\d{6}Z-[0-9a-f]{8}$/;

/** An incident id as it crosses IPC. */
export const incidentIdSchema = z.string().regex(INCIDENT_ID_PATTERN, 'expected an incident id');

/** Whether a value is a well-formed incident id (and so safe to build a file name from). */
export function isIncidentId(value: unknown): value is string {
  return typeof value === 'string' && INCIDENT_ID_PATTERN.test(value);
}
