/*
 * Named clients and Microsoft apps a scenario can use, so scenario files say "ios-mail" rather
 * than paste user-agent strings, and every demo user agent is one the engine's classifier has a
 * documented rule for (domain reference §7; src/core/classify/client-classifier.ts).
 */

/** How Okta and Entra describe one client. */
export interface ClientPreset {
  /** `client.userAgent.rawUserAgent` / Entra `userAgent`; null when the client sends none. */
  readonly userAgent: string | null;
  /** Okta's parsed `client.userAgent.os` and `.browser`. */
  readonly oktaOs: string;
  readonly oktaBrowser: string;
  /** Okta's `client.device`. */
  readonly device: 'Computer' | 'Mobile' | 'Unknown';
  /** Entra `clientAppUsed` for this client. */
  readonly clientAppUsed: string;
  /** Entra `deviceDetail.operatingSystem` / `.browser`. */
  readonly entraOs: string;
  readonly entraBrowser: string;
  /** The Entra app a sign-in from this client is for, unless the happening names one. */
  readonly defaultApp: EntraAppPresetName;
  /** Exchange Online relays the request (basic auth to the IdP): Microsoft's network appears in the chain. */
  readonly relayedByExchange: boolean;
}

const CHROME = 'Chrome/139.0.0.0 Safari/537.36';

/** Every client preset, by name. */
export const CLIENT_PRESETS = {
  'chrome-windows': {
    userAgent: `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) ${CHROME}`,
    oktaOs: 'Windows 10',
    oktaBrowser: 'CHROME',
    device: 'Computer',
    clientAppUsed: 'Browser',
    entraOs: 'Windows10',
    entraBrowser: 'Chrome 139.0.0',
    defaultApp: 'office-home',
    relayedByExchange: false,
  },
  'edge-windows': {
    userAgent: `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) ${CHROME} Edg/139.0.0.0`,
    oktaOs: 'Windows 10',
    oktaBrowser: 'EDGE_CHROMIUM',
    device: 'Computer',
    clientAppUsed: 'Browser',
    entraOs: 'Windows10',
    entraBrowser: 'Edge 139.0.0',
    defaultApp: 'office-home',
    relayedByExchange: false,
  },
  'safari-mac': {
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15',
    oktaOs: 'Mac OS X',
    oktaBrowser: 'SAFARI',
    device: 'Computer',
    clientAppUsed: 'Browser',
    entraOs: 'MacOs',
    entraBrowser: 'Safari 18.5',
    defaultApp: 'office-home',
    relayedByExchange: false,
  },
  'safari-iphone': {
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1',
    oktaOs: 'iOS',
    oktaBrowser: 'SAFARI',
    device: 'Mobile',
    clientAppUsed: 'Browser',
    entraOs: 'Ios',
    entraBrowser: 'Mobile Safari 18.5',
    defaultApp: 'office-home',
    relayedByExchange: false,
  },
  'chrome-android': {
    userAgent:
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Mobile Safari/537.36',
    oktaOs: 'Android',
    oktaBrowser: 'CHROME',
    device: 'Mobile',
    clientAppUsed: 'Browser',
    entraOs: 'Android',
    entraBrowser: 'Chrome Mobile 139.0.0',
    defaultApp: 'office-home',
    relayedByExchange: false,
  },
  'firefox-linux': {
    userAgent: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:141.0) Gecko/20100101 Firefox/141.0',
    oktaOs: 'Linux',
    oktaBrowser: 'FIREFOX',
    device: 'Computer',
    clientAppUsed: 'Browser',
    entraOs: 'Linux',
    entraBrowser: 'Firefox 141.0',
    defaultApp: 'office-home',
    relayedByExchange: false,
  },
  'outlook-2016-msi': {
    userAgent: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.4266; Pro)',
    oktaOs: 'Windows 10',
    oktaBrowser: 'UNKNOWN',
    device: 'Computer',
    clientAppUsed: 'Mobile Apps and Desktop clients',
    entraOs: 'Windows10',
    entraBrowser: '',
    defaultApp: 'microsoft-office',
    relayedByExchange: false,
  },
  'outlook-c2r': {
    userAgent: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17126; Pro)',
    oktaOs: 'Windows 10',
    oktaBrowser: 'UNKNOWN',
    device: 'Computer',
    clientAppUsed: 'Mobile Apps and Desktop clients',
    entraOs: 'Windows10',
    entraBrowser: '',
    defaultApp: 'microsoft-office',
    relayedByExchange: false,
  },
  'outlook-2013': {
    userAgent: 'Microsoft Office/15.0 (Windows NT 10.0; Microsoft Outlook 15.0.5571; Pro)',
    oktaOs: 'Windows 10',
    oktaBrowser: 'UNKNOWN',
    device: 'Computer',
    clientAppUsed: 'Outlook Anywhere (RPC over HTTP)',
    entraOs: 'Windows10',
    entraBrowser: '',
    defaultApp: 'exchange-online',
    relayedByExchange: false,
  },
  'outlook-mac': {
    userAgent: 'MacOutlook/16.93.25011212 (Intelx64 Mac OS X 15.2 (Build 24C101))',
    oktaOs: 'Mac OS X',
    oktaBrowser: 'UNKNOWN',
    device: 'Computer',
    clientAppUsed: 'Mobile Apps and Desktop clients',
    entraOs: 'MacOs',
    entraBrowser: '',
    defaultApp: 'microsoft-office',
    relayedByExchange: false,
  },
  'outlook-ios': {
    userAgent: 'Outlook-iOS/2.0',
    oktaOs: 'iOS',
    oktaBrowser: 'UNKNOWN',
    device: 'Mobile',
    clientAppUsed: 'Mobile Apps and Desktop clients',
    entraOs: 'Ios',
    entraBrowser: '',
    defaultApp: 'outlook-mobile',
    relayedByExchange: false,
  },
  'ios-mail': {
    userAgent: 'Apple-iPhone14C3/2006.5',
    oktaOs: 'iOS',
    oktaBrowser: 'UNKNOWN',
    device: 'Mobile',
    clientAppUsed: 'Exchange ActiveSync',
    entraOs: 'Ios',
    entraBrowser: '',
    defaultApp: 'exchange-online',
    relayedByExchange: true,
  },
  'android-mail': {
    userAgent: 'Android-Mail/2024.06.30.647812343.Release',
    oktaOs: 'Android',
    oktaBrowser: 'UNKNOWN',
    device: 'Mobile',
    clientAppUsed: 'Exchange ActiveSync',
    entraOs: 'Android',
    entraBrowser: '',
    defaultApp: 'exchange-online',
    relayedByExchange: true,
  },
  'samsung-email': {
    userAgent: 'SAMSUNG-SM-S918B/101.1405',
    oktaOs: 'Android',
    oktaBrowser: 'UNKNOWN',
    device: 'Mobile',
    clientAppUsed: 'Exchange ActiveSync',
    entraOs: 'Android',
    entraBrowser: '',
    defaultApp: 'exchange-online',
    relayedByExchange: true,
  },
  // Exchange Online relaying SMTP AUTH names the protocol in X-MS-Client-Application, which Okta
  // reads to classify the client (domain reference §7). Scanners and line-of-business apps.
  'smtp-relay': {
    userAgent: 'Microsoft.Exchange.SMTP',
    oktaOs: 'Unknown',
    oktaBrowser: 'UNKNOWN',
    device: 'Unknown',
    clientAppUsed: 'Authenticated SMTP',
    entraOs: '',
    entraBrowser: '',
    defaultApp: 'exchange-online',
    relayedByExchange: true,
  },
  'teams-desktop': {
    userAgent:
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0 Teams/25153.1010.3727.5483',
    oktaOs: 'Windows 10',
    oktaBrowser: 'UNKNOWN',
    device: 'Computer',
    clientAppUsed: 'Mobile Apps and Desktop clients',
    entraOs: 'Windows10',
    entraBrowser: '',
    defaultApp: 'teams',
    relayedByExchange: false,
  },
  'teams-phone-ccx': {
    userAgent:
      'Mozilla/5.0 (Linux; Android 9; Poly CCX 600 Build/PQ3A.190801.002; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/124.0.6367.179 Mobile Safari/537.36 1449/1.0.94.2024111903',
    oktaOs: 'Android',
    oktaBrowser: 'UNKNOWN',
    device: 'Mobile',
    clientAppUsed: 'Mobile Apps and Desktop clients',
    entraOs: 'Android',
    entraBrowser: '',
    defaultApp: 'teams',
    relayedByExchange: false,
  },
  'teams-room-android': {
    userAgent:
      'Mozilla/5.0 (Linux; Android 9; MeetingBar A30 Build/PKQ1.190118.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/124.0.6367.179 Safari/537.36 1449/1.0.96.2024101502',
    oktaOs: 'Android',
    oktaBrowser: 'UNKNOWN',
    device: 'Unknown',
    clientAppUsed: 'Mobile Apps and Desktop clients',
    entraOs: 'Android',
    entraBrowser: '',
    defaultApp: 'teams',
    relayedByExchange: false,
  },
  'polycom-vvx': {
    userAgent: 'PolycomVVX-VVX_501-UA/6.4.3.5814',
    oktaOs: 'Unknown',
    oktaBrowser: 'UNKNOWN',
    device: 'Unknown',
    clientAppUsed: 'Other clients',
    entraOs: '',
    entraBrowser: '',
    defaultApp: 'exchange-online',
    relayedByExchange: false,
  },
  'windows-azuread': {
    userAgent: 'Windows-AzureAD-Authentication-Provider/1.0',
    oktaOs: 'Unknown',
    oktaBrowser: 'UNKNOWN',
    device: 'Unknown',
    clientAppUsed: 'Mobile Apps and Desktop clients',
    entraOs: 'Windows10',
    entraBrowser: '',
    defaultApp: 'microsoft-office',
    relayedByExchange: false,
  },
  none: {
    userAgent: null,
    oktaOs: 'Unknown',
    oktaBrowser: 'UNKNOWN',
    device: 'Unknown',
    clientAppUsed: 'Other clients',
    entraOs: '',
    entraBrowser: '',
    defaultApp: 'exchange-online',
    relayedByExchange: false,
  },
} as const satisfies Readonly<Record<string, ClientPreset>>;

/** A client preset's name. */
export type ClientPresetName = keyof typeof CLIENT_PRESETS;

/** Every client preset name, for the schema's enum. */
export const CLIENT_PRESET_NAMES = Object.keys(CLIENT_PRESETS) as [ClientPresetName, ...ClientPresetName[]];

/** A Microsoft first-party app, as Entra names it in sign-ins, and the resource it asks for. */
export interface EntraAppPreset {
  readonly id: string;
  readonly displayName: string;
  readonly resourceId: string;
  readonly resourceDisplayName: string;
}

const EXCHANGE = {
  resourceId: '00000002-0000-0ff1-ce00-000000000000',
  resourceDisplayName: 'Office 365 Exchange Online',
};

/** Microsoft's well-known first-party application ids (public client ids seen in every tenant). */
export const ENTRA_APP_PRESETS = {
  'office-home': {
    id: '4765445b-32c6-49b0-83e6-1d93765276ca',
    displayName: 'OfficeHome',
    resourceId: '00000003-0000-0ff1-ce00-000000000000',
    resourceDisplayName: 'Office 365 SharePoint Online',
  },
  'one-outlook-web': { id: '9199bf20-a13f-4107-85dc-02114787ef48', displayName: 'One Outlook Web', ...EXCHANGE },
  teams: {
    id: '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
    displayName: 'Microsoft Teams',
    resourceId: 'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe',
    resourceDisplayName: 'Microsoft Teams Services',
  },
  'microsoft-office': { id: 'd3590ed6-52b3-4102-aeff-aad2292ab01c', displayName: 'Microsoft Office', ...EXCHANGE },
  'outlook-mobile': { id: '27922004-5251-4030-b22d-91ecd9a37ea4', displayName: 'Outlook Mobile', ...EXCHANGE },
  'exchange-online': {
    id: '00000002-0000-0ff1-ce00-000000000000',
    displayName: 'Office 365 Exchange Online',
    ...EXCHANGE,
  },
} as const satisfies Readonly<Record<string, EntraAppPreset>>;

/** An Entra app preset's name. */
export type EntraAppPresetName = keyof typeof ENTRA_APP_PRESETS;

/** Every Entra app preset name, for the schema's enum. */
export const ENTRA_APP_PRESET_NAMES = Object.keys(ENTRA_APP_PRESETS) as [EntraAppPresetName, ...EntraAppPresetName[]];
