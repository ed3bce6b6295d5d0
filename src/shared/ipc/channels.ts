/**
 * The bridge's methods and the IPC channel each one invokes.
 *
 * Kept apart from the zod contract so that the sandboxed preload bundle needs nothing but this
 * map and `electron`: the preload never validates, main does.
 */
export const BRIDGE_METHODS = {
  getAppStatus: 'app:get-status',
  listProfiles: 'profiles:list',
  saveProfile: 'profiles:save',
  deleteProfile: 'profiles:delete',
  setSecret: 'secrets:set',
  runPreflight: 'profiles:preflight',
  discoverTenant: 'entra:discover-tenant',
  runDiagnosis: 'diagnosis:run',
  cancelDiagnosis: 'diagnosis:cancel',
  openLink: 'links:open',
  getSettings: 'settings:get',
  saveSettings: 'settings:set',
  listIncidents: 'incidents:list',
  openIncident: 'incidents:open',
  updateIncident: 'incidents:update',
  deleteIncident: 'incidents:delete',
  exportIncident: 'incidents:export',
  duplicateIncident: 'incidents:duplicate',
  rediagnoseIncident: 'incidents:rediagnose',
} as const;

/**
 * Events main pushes to the renderer, by the bridge method that subscribes to them. The
 * renderer cannot send on these channels; it only listens.
 */
export const BRIDGE_EVENTS = {
  onDiagnosisProgress: 'diagnosis:progress',
} as const;

/** A subscription method of the bridge. */
export type BridgeEvent = keyof typeof BRIDGE_EVENTS;

/** A main→renderer event channel. */
export type EventChannel = (typeof BRIDGE_EVENTS)[BridgeEvent];

/** A method name of the `window.triage` bridge. */
export type BridgeMethod = keyof typeof BRIDGE_METHODS;

/** An IPC channel name. */
export type IpcChannel = (typeof BRIDGE_METHODS)[BridgeMethod];

/** Every IPC channel, in declaration order. */
export const IPC_CHANNELS: readonly IpcChannel[] = Object.values(BRIDGE_METHODS);

/** The name under which the preload exposes the bridge on `window`. */
export const BRIDGE_GLOBAL = 'triage';
