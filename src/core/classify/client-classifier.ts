/*
 * Client classification: what kind of client made a sign-in, from the user agent Okta records
 * (`client.userAgent.rawUserAgent`) or Entra records (`userAgent`), and from Entra's
 * `clientAppUsed`.
 *
 * Why it matters: an Okta-federated Microsoft 365 tenant fails differently per client. Legacy
 * clients (ActiveSync mail, IMAP/POP/SMTP relayed by Exchange Online, old Outlook, SIP phones doing
 * user-ID sign-in) can only send a password to Okta's WS-Trust endpoint and can never do MFA;
 * Windows device registration uses the same endpoint but is not a mail client; modern clients go
 * through the browser flow. See docs/domain-reference.md §0, §2.4, §3.2, §5 and §7.
 *
 * User agents are hints, not proof: any client can send any string (§7). Patterns are ordered
 * from most to least specific and the first match wins; each one says where it came from.
 */

/**
 * The kind of client behind a sign-in.
 *
 * - `native-mail`: iOS Mail, Android native mail, Samsung Email and other Exchange ActiveSync or
 *   built-in mail clients.
 * - `exchange-relay`: Exchange Online relaying basic auth on a client's behalf (the UA or
 *   `clientAppUsed` names Microsoft.Exchange.* or a legacy protocol such as IMAP4, POP3 or
 *   Authenticated SMTP).
 * - `windows-device-registration`: Windows-AzureAD-Authentication-Provider (hybrid join / PRT over
 *   WS-Trust).
 * - `teams-device`: Teams Android phones, Teams Rooms and panels.
 * - `sip-phone`: Polycom VVX / SoundPoint / SoundStation / Trio, Poly Edge, Yealink SIP-T, Cisco
 *   MPP, AudioCodes SIP phones.
 * - `office-app`: other Office apps, OneDrive sync.
 * - `script`: curl, python-requests, Go-http-client, okhttp and other HTTP libraries.
 * - `none`: the user agent was empty or missing and nothing else identified the client.
 */
export type ClientKind =
  | 'outlook-desktop'
  | 'outlook-mac'
  | 'outlook-mobile'
  | 'native-mail'
  | 'exchange-relay'
  | 'windows-device-registration'
  | 'teams-desktop'
  | 'teams-mobile'
  | 'teams-device'
  | 'sip-phone'
  | 'office-app'
  | 'browser'
  | 'powershell'
  | 'script'
  | 'unknown'
  | 'none';

/**
 * The hardware behind a desk phone or Teams device, as far as the user agent tells.
 */
export interface ClientDevice {
  /** Manufacturer, e.g. "Polycom", "Poly", "Yealink", "Cisco", "AudioCodes". */
  readonly vendor: string;
  /** Model as printed on the device, e.g. "VVX 500", "CCX 600"; null when the UA does not say. */
  readonly model: string | null;
  /** Firmware version; null when the UA does not say. */
  readonly firmware: string | null;
}

/**
 * What the classifier concluded about a client.
 */
export interface ClientClassification {
  /** The kind of client. */
  readonly kind: ClientKind;
  /** Human text for a technician, e.g. "Outlook 2016 (MSI) on Windows", "Polycom VVX 500 (UCS 5.9.7.3480)". */
  readonly label: string;
  /**
   * True for clients that can only do basic/legacy auth: ActiveSync and other native mail,
   * IMAP/POP/SMTP relayed by Exchange Online, Outlook 2013 and older, SIP phones using user-ID
   * sign-in; also true when Entra's `clientAppUsed` reports a legacy protocol.
   */
  readonly legacyProtocol: boolean;
  /** Whether the client can do modern (browser-based, MFA-capable) authentication; null when unknown. */
  readonly modernAuthCapable: boolean | null;
  /** Client or firmware version as found in the user agent; null when none. */
  readonly version: string | null;
  /** Hardware, for desk phones and Teams devices; null otherwise. */
  readonly device: ClientDevice | null;
}

/**
 * What {@link classifyClient} looks at.
 *
 * `userAgent` is Okta's `client.userAgent.rawUserAgent` or Entra's `userAgent`; `clientAppUsed`
 * is the Entra sign-in property of that name.
 */
export interface ClientClassifierInput {
  /** Raw user agent string. */
  readonly userAgent?: string | null;
  /** Entra `clientAppUsed`, e.g. "Exchange ActiveSync", "Browser", "Mobile Apps and Desktop clients". */
  readonly clientAppUsed?: string | null;
}

interface ClassificationFields {
  readonly legacyProtocol?: boolean;
  readonly modernAuthCapable?: boolean | null;
  readonly version?: string | null;
  readonly device?: ClientDevice | null;
}

// Defaults describe a modern client; rules override what differs.
function classification(kind: ClientKind, label: string, fields: ClassificationFields = {}): ClientClassification {
  return {
    kind,
    label,
    legacyProtocol: fields.legacyProtocol ?? false,
    modernAuthCapable: fields.modernAuthCapable === undefined ? true : fields.modernAuthCapable,
    version: fields.version ?? null,
    device: fields.device ?? null,
  };
}

type Rule = (ua: string) => ClientClassification | null;

// ---------------------------------------------------------------------------------------------
// Exchange Online relaying basic auth
// ---------------------------------------------------------------------------------------------

// X-MS-Client-Application values Exchange Online sends when it relays basic auth to a federated
// IdP (AD FS claim-types doc, domain reference §7). If Okta recorded one as the UA, Exchange was the caller.
const EXCHANGE_PROTOCOLS: ReadonlyMap<string, string> = new Map([
  ['activesync', 'Exchange ActiveSync'],
  ['autodiscover', 'Autodiscover'],
  ['offlineaddressbook', 'Offline Address Book'],
  ['rpc', 'Outlook Anywhere (RPC over HTTP)'],
  ['webservices', 'Exchange Web Services'],
  ['mapi', 'MAPI over HTTP'],
  ['powershell', 'Exchange Online PowerShell'],
  ['smtp', 'Authenticated SMTP'],
  ['popimap', 'POP/IMAP'],
  ['pop', 'POP3'],
  ['imap', 'IMAP4'],
]);

const exchangeRelay: Rule = (ua) => {
  const relay = /\bMicrosoft\.Exchange\.([A-Za-z]+)/i.exec(ua);
  if (relay?.[1] !== undefined) {
    const protocol = EXCHANGE_PROTOCOLS.get(relay[1].toLowerCase()) ?? relay[1];
    return classification('exchange-relay', `Exchange Online relaying basic auth (${protocol})`, {
      legacyProtocol: true,
      modernAuthCapable: false,
    });
  }
  // "BAV2ROPC" (Basic Auth to ROPC): the UA Entra shows when Exchange Online converts a legacy
  // protocol's basic auth into a password grant (Microsoft Defender for Cloud Apps docs:
  // "Unknown(BAV2ROPC) … indicates use of legacy protocols").
  if (/\bBAV2ROPC\b/i.test(ua)) {
    return classification('exchange-relay', 'Exchange Online relaying basic auth (BAV2ROPC: legacy protocol)', {
      legacyProtocol: true,
      modernAuthCapable: false,
    });
  }
  return null;
};

// ---------------------------------------------------------------------------------------------
// Windows device registration
// ---------------------------------------------------------------------------------------------

// Windows CloudAP/WAM calls the IdP's WS-Trust endpoint with this UA to get a PRT and for hybrid
// join (domain reference §0.3, §7; Okta KB on O365 sign-on policy DENY noise). It is not a mail
// client and is not "legacy" in Entra's sense, but Okta cannot do MFA on that path, hence null.
const windowsDeviceRegistration: Rule = (ua) => {
  const m = /\bWindows-AzureAD-Authentication-Provider\/([\d.]+)/i.exec(ua);
  if (m === null) return null;
  return classification(
    'windows-device-registration',
    'Windows device sign-in / registration (WS-Trust for PRT, hybrid join)',
    {
      modernAuthCapable: null,
      version: m[1] ?? null,
    },
  );
};

// ---------------------------------------------------------------------------------------------
// SIP desk phones
// ---------------------------------------------------------------------------------------------

// These phones reach Microsoft 365 by user-ID sign-in only on the retired SfB/3PIP path; with
// Teams they go through SIP Gateway pairing, and the phone itself never talks to Okta (§0.4, §5).
function sipPhone(
  vendor: string,
  model: string | null,
  firmware: string | null,
  firmwareName = 'firmware',
): ClientClassification {
  const name = model === null ? vendor : `${vendor} ${model}`;
  const label = firmware === null ? `${name} (SIP phone)` : `${name} (${firmwareName} ${firmware})`;
  return classification('sip-phone', label, {
    legacyProtocol: true,
    modernAuthCapable: false,
    version: firmware,
    device: { vendor, model, firmware },
  });
}

// Leading digits-and-dots only: "4.1.4.7430_0004f2abcdef" → "4.1.4.7430".
function firmwareNumber(raw: string | undefined): string | null {
  const m = raw === undefined ? null : /^\d+(?:\.\d+)*/.exec(raw);
  return m === null ? null : m[0];
}

// Polycom UCS phones: "PolycomVVX-VVX_500-UA/5.9.7.3480", "PolycomSoundPointIP-SPIP_550-UA/…",
// "PolycomSoundStationIP-SSIP_6000-UA/…", "PolycomRealPresenceTrio-Trio_8800-UA/…", with an
// optional "Polycom/x " or "FileTransport " prefix and " Type/…" suffix (domain reference §7;
// public provisioning-server code and SIP inventories).
const POLYCOM_FAMILIES: ReadonlyMap<string, string> = new Map([
  ['vvx', 'VVX'],
  ['soundpointip', 'SoundPoint IP'],
  ['soundstationip', 'SoundStation IP'],
  ['realpresencetrio', 'RealPresence Trio'],
]);

const polycom: Rule = (ua) => {
  const m = /\bPolycom(VVX|SoundPointIP|SoundStationIP|RealPresenceTrio)-[A-Za-z]+_([A-Za-z0-9]+)-UA\/([\w.]+)/i.exec(
    ua,
  );
  if (m?.[1] === undefined || m[2] === undefined) return null;
  const family = POLYCOM_FAMILIES.get(m[1].toLowerCase()) ?? m[1];
  return sipPhone('Polycom', `${family} ${m[2]}`, firmwareNumber(m[3]), 'UCS');
};

// Poly Edge E-series: "PolyEdge-Edge_E350-UA/8.0.0.1234" (domain reference §7).
const polyEdge: Rule = (ua) => {
  const m = /\bPolyEdge-Edge_([A-Za-z0-9]+)-UA\/([\w.]+)/i.exec(ua);
  if (m?.[1] === undefined) return null;
  return sipPhone('Poly', `Edge ${m[1].toUpperCase()}`, firmwareNumber(m[2]));
};

// Yealink SIP firmware: "Yealink SIP-T46S 66.86.0.15 805ec0123456", "yealink SIP-T18 18.0.0.80 …",
// "Yealink SIP-VP59 124.86.0.25", "Yealink W60B 77.85.0.20", "Yealink CP860 37.72.0.5 …"
// (public provisioning code). The firmware is the first dotted number after the model.
const yealink: Rule = (ua) => {
  // A browser or Android app UA naming a Yealink model is a Teams-edition device, not SIP firmware.
  if (/^(?:Mozilla|Dalvik)\//i.test(ua)) return null;
  const m = /\bYealink[ _]+(?:SIP[- ])?([A-Za-z]{1,4}\d+[A-Za-z0-9_]*)(?:\s+(\d+(?:\.\d+){2,}))?/i.exec(ua);
  if (m?.[1] === undefined) return null;
  return sipPhone('Yealink', m[1].toUpperCase(), m[2] ?? null);
};

// Cisco multiplatform (MPP/3PCC) phones: "Cisco-CP-8841-3PCC/11.0 (00562b043615)",
// "Cisco-CP-8851-3PCC/11.3.7_MPP_0001"; older SPA phones "Cisco/SPA504G-7.6.2e" (public
// provisioning code). SIP Gateway needs MPP firmware (Teams sip-gateway-plan.md).
const cisco: Rule = (ua) => {
  const mpp = /\bCisco-CP-?(\d{4}[A-Z]?)(-3PCC)?\/([\w.]+)/i.exec(ua);
  if (mpp?.[1] !== undefined) {
    const model = `CP-${mpp[1].toUpperCase()}${mpp[2] === undefined ? '' : ' MPP'}`;
    return sipPhone('Cisco', model, firmwareNumber(mpp[3]));
  }
  const spa = /\bCisco\/SPA(\d{3}[A-Z]?)-([\w.]+)/i.exec(ua);
  if (spa?.[1] !== undefined) return sipPhone('Cisco', `SPA${spa[1].toUpperCase()}`, spa[2] ?? null);
  return null;
};

// AudioCodes IP phones, two shapes (public provisioning code):
// "AUDC-IPPhone-445HD_UC_3.4.8/1.0", "AUDC/3.4.6.604 AUDC-IPPhone-C450HD_UC_3.4.6.604/1" and
// "AUDC-IPPhone/2.2.8.61 (440HDG-Rev0; 00908F602AAC)", "AUDC-IPPhone/2.0.0_build_15 (420HD; …)".
const audiocodes: Rule = (ua) => {
  const named = /\bAUDC-IPPhone-([A-Za-z0-9]+)_[A-Za-z]+_([\d.]+)/i.exec(ua);
  if (named?.[1] !== undefined) return sipPhone('AudioCodes', named[1].toUpperCase(), firmwareNumber(named[2]));
  const versioned = /\bAUDC-IPPhone\/([\w.]+)\s*\(([A-Za-z0-9]+)/i.exec(ua);
  if (versioned?.[2] !== undefined) {
    return sipPhone('AudioCodes', versioned[2].toUpperCase(), versioned[1] ?? null);
  }
  if (/\bAUDC-IPPhone\b/i.test(ua)) return sipPhone('AudioCodes', null, null);
  return null;
};

// ---------------------------------------------------------------------------------------------
// Teams devices, Teams clients
// ---------------------------------------------------------------------------------------------

// Certified Teams Android devices by the model names Microsoft lists in "What's new in Microsoft
// Teams devices" and the Teams device firmware tables (MicrosoftDocs/OfficeDocs-SkypeForBusiness):
// Poly CCX 400/500/505/600/700 and Trio C60; Yealink T55A/T56A/T58A, VP59, CP960, MP52/54/56/58;
// AudioCodes C435HD/C448HD/C450HD/C455HD/C470HD; Crestron UC-P8/UC-P10/UC-2. Android puts the model
// in the UA's "(Linux; Android 9; <model> Build/…)" part, so these are tried on Android UAs only.
const TEAMS_ANDROID_MODELS: readonly (readonly [RegExp, string, (m: RegExpExecArray) => string])[] = [
  [/\bCCX ?(\d{3})\b/i, 'Poly', (m) => `CCX ${m[1] ?? ''}`],
  [/\bTrio ?C60\b/i, 'Poly', () => 'Trio C60'],
  [/\b(T5[568]A?)\b/i, 'Yealink', (m) => (m[1] ?? '').toUpperCase()],
  [/\b(MP5[2468]|VP59|CP960)\b/i, 'Yealink', (m) => (m[1] ?? '').toUpperCase()],
  [/\b(C4(?:35|48|50|55|70)HD)\b/i, 'AudioCodes', (m) => (m[1] ?? '').toUpperCase()],
  [/\b(UC-P(?:8|10)(?:-C)?|UC-2)\b/i, 'Crestron', (m) => (m[1] ?? '').toUpperCase()],
];

const teamsDevice: Rule = (ua) => {
  // Microsoft's device release notes give the Teams app on phones, panels and Rooms on Android as
  // "1449/1.0.9x.…", while Teams on an Android phone is "1416/1.0.0.…" (same docs).
  const deviceApp = /\b1449\/(1\.0\.\d+[\d.]*)/.exec(ua);
  if (/\bAndroid\b/i.test(ua)) {
    for (const [pattern, vendor, model] of TEAMS_ANDROID_MODELS) {
      const m = pattern.exec(ua);
      if (m !== null) {
        const name = model(m);
        return classification('teams-device', `${vendor} ${name} (Teams Android device)`, {
          version: deviceApp?.[1] ?? null,
          device: { vendor, model: name, firmware: null },
        });
      }
    }
  }
  if (deviceApp !== null) {
    return classification('teams-device', 'Teams Android device (phone, panel or Teams Rooms)', {
      version: deviceApp[1] ?? null,
    });
  }
  // Teams Rooms on Windows: a Teams desktop UA with "RoomWindows/<app version>". Seen only in a
  // third-party tool's UA list, not confirmed against Microsoft documentation.
  const rooms = /\bRoomWindows\/([\d.]+)/i.exec(ua);
  if (rooms !== null) {
    return classification('teams-device', 'Microsoft Teams Rooms on Windows', { version: rooms[1] ?? null });
  }
  return null;
};

// Teams desktop: classic Teams "… Teams/1.5.00.4689 Chrome/85… Electron/10…" (Cypress test
// fixtures), Insiders "MicrosoftTeams-Insiders/1.3.00.362 …"; new Teams "… Teams/24295.605.3225.8804"
// (public test fixtures). Mobile: the same token on an iPhone/iPad/Android UA, or the Android
// app version "1416/1.0.0.…" (Microsoft device release notes).
const teams: Rule = (ua) => {
  const token = /\b(?:Microsoft ?)?Teams(?:-Insiders|-Preview)?\/(?:(\d+)\/)?(\d[\d.]*)/i.exec(ua);
  const androidApp = /\b1416\/(1\.0\.\d[\d.]*)/.exec(ua);
  if (token === null && androidApp === null) return null;
  const version = token?.[2] ?? androidApp?.[1] ?? null;
  const os = operatingSystem(ua);
  if (androidApp !== null || token?.[1] === '1416' || /\b(?:iPhone|iPad|iPod|Android)\b/.test(ua)) {
    return classification('teams-mobile', `Teams mobile app${os === null ? '' : ` on ${os}`}`, { version });
  }
  const major = version === null ? NaN : Number.parseInt(version, 10);
  const flavour = major === 1 ? 'Teams classic' : 'new Teams';
  return classification('teams-desktop', `${flavour} ${version ?? ''}`.trim() + (os === null ? '' : ` on ${os}`), {
    version,
  });
};

// ---------------------------------------------------------------------------------------------
// Outlook and Office
// ---------------------------------------------------------------------------------------------

// Office 2016 MSI builds are 16.0.4xxx–16.0.5xxx (e.g. 4266, 5161, 54xx updates); Click-to-Run
// (Microsoft 365 Apps, and Office 2019+ volume editions) moved to 6xxx in late 2015 and to five
// digits (1xxxx) since. So below 6000 reads as MSI. [inference from Office build history]
const FIRST_CLICK_TO_RUN_BUILD = 6000;

function windowsOutlookName(major: number, build: number | null): string {
  if (major <= 12) return 'Outlook 2007';
  if (major === 14) return 'Outlook 2010';
  if (major === 15) return 'Outlook 2013';
  if (major === 16) {
    if (build === null) return 'Outlook 2016 or later';
    return build < FIRST_CLICK_TO_RUN_BUILD ? 'Outlook 2016 (MSI)' : 'Outlook (Microsoft 365 Apps / Click-to-Run)';
  }
  return `Outlook ${String(major)}.0`;
}

// Modern auth: Office 2016+ has it on by default. Outlook 2013 has it only when the EnableADAL
// registry keys are set, which is not the default, and Microsoft no longer supports 2013 against
// Microsoft 365, so it is treated as not capable (false, not null) and as legacy; a 2013 that does
// show up on the browser/passive flow is the exception a technician should notice.
// Outlook 2010 and older never had it.
function officeAuth(major: number): { legacyProtocol: boolean; modernAuthCapable: boolean } {
  return major >= 16
    ? { legacyProtocol: false, modernAuthCapable: true }
    : { legacyProtocol: true, modernAuthCapable: false };
}

function windowsOutlook(major: number, build: number | null, version: string, suffix: string): ClientClassification {
  const caveat =
    major === 15 ? ' (modern auth only if enabled in the registry)' : major < 15 ? ' (no modern auth)' : '';
  return classification('outlook-desktop', `${windowsOutlookName(major, build)}${suffix}${caveat}`, {
    ...officeAuth(major),
    version,
  });
}

// Windows Office apps announce "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook
// 16.0.17126; Pro)" (domain reference §7, §1.7); Outlook 2007 wrote "Microsoft Office Outlook
// 12.0.…"; Outlook's MAPI stack "MAPI 16.0.8431" and the Mail control panel "MAPICPL 16.0.11328"
// (public UA lists and an autodiscover log sample). Other apps: "Microsoft Word 16.0.17928".
const officeWindows: Rule = (ua) => {
  const office = /\bMicrosoft Office\/(\d+)\.\d+\s*\(([^)]*)\)?/i.exec(ua);
  if (office?.[1] === undefined) return null;
  const officeMajor = Number.parseInt(office[1], 10);
  const inside = office[2] ?? '';
  const os = operatingSystem(inside) ?? 'Windows';
  const outlook = /\bMicrosoft (?:Office )?Outlook (\d+)\.(\d+)\.(\d+)/i.exec(inside);
  if (outlook?.[1] !== undefined) {
    const build = Number.parseInt(outlook[3] ?? '', 10);
    return windowsOutlook(
      Number.parseInt(outlook[1], 10),
      build,
      `${outlook[1]}.${outlook[2] ?? '0'}.${outlook[3] ?? ''}`,
      ` on ${os}`,
    );
  }
  const mapi = /\b(MAPI|MAPICPL) (\d+)\.(\d+)\.(\d+)/i.exec(inside);
  if (mapi?.[2] !== undefined) {
    const what = mapi[1]?.toUpperCase() === 'MAPICPL' ? ' mail profile setup (MAPICPL)' : ' (MAPI)';
    const build = Number.parseInt(mapi[4] ?? '', 10);
    return windowsOutlook(
      Number.parseInt(mapi[2], 10),
      build,
      `${mapi[2]}.${mapi[3] ?? '0'}.${mapi[4] ?? ''}`,
      `${what} on ${os}`,
    );
  }
  if (/\bMicrosoft Outlook\b/i.test(inside)) {
    return windowsOutlook(officeMajor, null, `${String(officeMajor)}.0`, ` on ${os}`);
  }
  const app = /\bMicrosoft ([A-Za-z][A-Za-z ]*?) (\d+)\.(\d+)\.(\d+)/i.exec(inside);
  if (app?.[1] !== undefined && app[2] !== undefined) {
    const major = Number.parseInt(app[2], 10);
    const build = Number.parseInt(app[4] ?? '', 10);
    const edition =
      major === 16
        ? build < FIRST_CLICK_TO_RUN_BUILD
          ? ' 2016 (MSI)'
          : ' (Microsoft 365 Apps / Click-to-Run)'
        : ` ${String(major)}.0`;
    return classification('office-app', `${app[1]}${edition} on ${os}`, {
      ...officeAuth(major),
      version: `${app[2]}.${app[3] ?? '0'}.${app[4] ?? ''}`,
    });
  }
  return classification('office-app', `Microsoft Office ${String(officeMajor)}.0 app on ${os}`, {
    ...officeAuth(officeMajor),
    version: `${String(officeMajor)}.0`,
  });
};

// Office's embedded Internet Explorer (sign-in windows, HTML rendering): "Mozilla/4.0 (compatible;
// MSIE 7.0; …; Microsoft Outlook 16.0.4861; ms-office; MSOffice 16)" or just "(compatible;
// ms-office; MSOffice 16)" (public UA lists). An embedded window on a sign-in is the ADAL web
// flow, i.e. modern auth in use, whatever the version.
const officeEmbeddedBrowser: Rule = (ua) => {
  const msoffice = /\bMSOffice (\d+)/i.exec(ua);
  if (msoffice?.[1] === undefined && !/\bms-office\b/i.test(ua)) return null;
  const outlook = /\bMicrosoft Outlook (\d+)\.(\d+)\.(\d+)/i.exec(ua);
  if (outlook?.[1] !== undefined) {
    const major = Number.parseInt(outlook[1], 10);
    const build = Number.parseInt(outlook[3] ?? '', 10);
    return classification(
      'outlook-desktop',
      `${windowsOutlookName(major, build)} sign-in window (embedded browser) on Windows`,
      {
        version: `${outlook[1]}.${outlook[2] ?? '0'}.${outlook[3] ?? ''}`,
      },
    );
  }
  const version = msoffice?.[1] ?? null;
  return classification(
    'office-app',
    `Office app embedded browser window${version === null ? '' : ` (MSOffice ${version})`}`,
    {
      version,
    },
  );
};

// Outlook for Mac sends "MacOutlook/…" (brief) and, in mail headers, "Microsoft-MacOutlook/16.53.21091200".
// Older builds wrote the version in hexadecimal: "Microsoft-MacOutlook/10.19.0.190512" is 16.25.0
// of 12 May 2019 and "f.27.0.171010" is 15.39.0 of Oct 2017 (release dates match Outlook for Mac
// history), so "f"/"10" majors are decoded as hex; 14.x is Outlook 2011.
function decodeMacOutlookVersion(raw: string): { version: string; major: number } {
  const parts = raw.split('.');
  const first = (parts[0] ?? '').toLowerCase();
  if ((first === 'f' || first === '10') && parts.length >= 2) {
    const decoded = parts.map((p, i) => (i < 3 && /^[0-9a-f]+$/i.test(p) ? String(Number.parseInt(p, 16)) : p));
    return { version: decoded.join('.'), major: Number.parseInt(decoded[0] ?? '', 10) };
  }
  return { version: raw, major: Number.parseInt(first, 10) };
}

const outlookMac: Rule = (ua) => {
  const m = /\bMacOutlook\/([0-9a-f]+(?:\.[0-9a-z]+)*)/i.exec(ua);
  if (m?.[1] === undefined) return null;
  const { version, major } = decodeMacOutlookVersion(m[1]);
  // 16.x (Outlook 2016/2019/365 for Mac) supports modern auth; 15.x gained it during its life, so
  // unknown; 14.x (Outlook 2011) only ever did basic auth over EWS.
  const modernAuthCapable = major >= 16 ? true : major === 15 ? null : false;
  const name = major === 14 ? 'Outlook 2011 for Mac' : 'Outlook for Mac';
  return classification('outlook-mac', `${name} ${version}`, {
    legacyProtocol: major <= 14,
    modernAuthCapable,
    version,
  });
};

// Outlook for iOS and Android: "Outlook-iOS/2.0", "Outlook-Android/2.0" (Microsoft's "Securing
// Outlook for iOS and Android" ActiveSync device-access table), the in-app browser "… Mobile/15E148
// Outlook-iOS/4.2531.0", and "Outlook-iOS-Android/1.0" (domain reference §7).
const outlookMobile: Rule = (ua) => {
  if (/\bOutlook-iOS-Android\b/i.test(ua)) {
    const v = /\bOutlook-iOS-Android\/([\d.]+)/i.exec(ua);
    return classification('outlook-mobile', 'Outlook for iOS/Android', { version: v?.[1] ?? null });
  }
  const m = /\bOutlook-(iOS|Android)(?:\/([\d.]+))?/i.exec(ua);
  if (m?.[1] === undefined) return null;
  const platform = m[1].toLowerCase() === 'ios' ? 'iOS' : 'Android';
  return classification('outlook-mobile', `Outlook for ${platform}`, { version: m[2] ?? null });
};

// OneDrive sync: "Microsoft SkyDriveSync 24.011.0121.0001 ship; Windows NT 10.0 (17763)" and
// "OneDriveSyncEngine/24.215.1029.0002" (Microsoft 365 usage-report samples, public UA lists).
// Office protocol probes: "Microsoft Office Existence Discovery", "Microsoft Office Protocol Discovery".
const otherOffice: Rule = (ua) => {
  const onedrive = /\b(?:Microsoft SkyDriveSync |OneDriveSyncEngine\/)([\d.]+)/i.exec(ua);
  if (onedrive !== null) {
    const os = operatingSystem(ua);
    return classification('office-app', `OneDrive sync client${os === null ? '' : ` on ${os}`}`, {
      version: onedrive[1] ?? null,
    });
  }
  if (/^Microsoft Office\b/i.test(ua)) {
    return classification('office-app', `Office app (${ua.slice(0, 60)})`, { modernAuthCapable: null });
  }
  return null;
};

// ---------------------------------------------------------------------------------------------
// Native mail clients
// ---------------------------------------------------------------------------------------------

// Built-in mail apps speak Exchange ActiveSync (or EWS) and, on Okta's active endpoint, basic auth.
// Newer iOS/macOS Mail and Samsung Email can also use OAuth with Exchange Online, and the UA does
// not say which was used, so modern capability is unknown (null) while the protocol is legacy.
function nativeMail(label: string, version: string | null): ClientClassification {
  return classification('native-mail', label, { legacyProtocol: true, modernAuthCapable: null, version });
}

const nativeMailRule: Rule = (ua) => {
  // iOS Mail over ActiveSync: "Apple-iPhone14C3/2006.5" = iPhone14,3 (domain reference §7; "C" stands for the comma).
  const apple = /^Apple-(iPhone|iPad|iPod)(\d+)C(\d+)\/([\w.]+)/i.exec(ua);
  if (apple?.[1] !== undefined) {
    return nativeMail(
      `iOS Mail (Exchange ActiveSync) on ${apple[1]}${apple[2] ?? ''},${apple[3] ?? ''}`,
      apple[4] ?? null,
    );
  }
  // Apple's accounts daemon (Mail/Calendar/Contacts sync): "iOS/16.5.1 (20F75) dataaccessd/1.0",
  // "macOS/13.4 (22F66) dataaccessd/1.0" (public server logs and test fixtures).
  const daemon = /\b(iOS|iPadOS|macOS|Mac OS X|Mac_OS_X)\/([\d.]+)[^)]*\)?\s*dataaccessd\//i.exec(ua);
  if (daemon?.[1] !== undefined) {
    return nativeMail(
      `Apple Mail/Calendar account sync (dataaccessd) on ${daemon[1]} ${daemon[2] ?? ''}`.trim(),
      daemon[2] ?? null,
    );
  }
  if (/\bdataaccessd\//i.test(ua)) return nativeMail('Apple Mail/Calendar account sync (dataaccessd)', null);
  // macOS Mail/Calendar over Exchange Web Services: "AppleExchangeWebServices/…" (public audit-log notes).
  const ews = /\bAppleExchangeWebServices\/([\w.]+)/i.exec(ua);
  if (ews !== null) return nativeMail('Apple Mail/Calendar on macOS (Exchange Web Services)', ews[1] ?? null);
  // Android's built-in mail: "Android-Mail/…", "android-mail/6.5 (samsung SM-S918B; Android 14; en)".
  const android = /\bAndroid-Mail\/([\w.]+)/i.exec(ua);
  if (android !== null) return nativeMail('Android built-in mail app (Exchange ActiveSync)', android[1] ?? null);
  // Samsung Email over ActiveSync: "SAMSUNG-SM-G991U/101.xxx" (domain reference §7). Anchored at the
  // start so Samsung Internet ("… SamsungBrowser/…") is not caught.
  const samsung = /^SAMSUNG-(SM-[A-Z0-9]+)\/([\w.]+)/i.exec(ua);
  if (samsung?.[1] !== undefined) {
    return nativeMail(`Samsung Email (Exchange ActiveSync) on ${samsung[1].toUpperCase()}`, samsung[2] ?? null);
  }
  // Thunderbird speaks IMAP/SMTP; recent versions support OAuth2 with Microsoft 365, so it is not
  // legacy-only, but which one a given sign-in used is unknown.
  const thunderbird = /\bThunderbird\/([\d.]+)/i.exec(ua);
  if (thunderbird !== null) {
    return classification('native-mail', 'Thunderbird (IMAP/SMTP mail client)', {
      modernAuthCapable: null,
      version: thunderbird[1] ?? null,
    });
  }
  return null;
};

// ---------------------------------------------------------------------------------------------
// PowerShell, scripts, browsers
// ---------------------------------------------------------------------------------------------

// Invoke-WebRequest/RestMethod: "Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US)
// WindowsPowerShell/5.1.19041.1237"; PowerShell 7 sends "PowerShell/7.x" (public UA lists).
const powershell: Rule = (ua) => {
  const m = /\b(WindowsPowerShell|PowerShell)\/([\d.]+)/i.exec(ua);
  if (m?.[1] === undefined) return null;
  const name = m[1].toLowerCase() === 'windowspowershell' ? 'Windows PowerShell' : 'PowerShell';
  return classification('powershell', `${name} ${m[2] ?? ''}`.trim(), {
    modernAuthCapable: null,
    version: m[2] ?? null,
  });
};

// HTTP libraries and tools. Their presence on a sign-in means a script or a tool, not a person at
// a mail client (domain reference §7 on spray tooling; public UA lists).
const SCRIPT_CLIENTS: readonly (readonly [RegExp, string])[] = [
  [/^curl\/([\w.-]+)/i, 'curl'],
  [/^Wget\/([\w.-]+)/i, 'Wget'],
  [/\bpython-requests\/([\w.]+)/i, 'Python requests'],
  [/^Python-urllib\/([\w.]+)/i, 'Python urllib'],
  [/^python-httpx\/([\w.]+)/i, 'Python httpx'],
  [/\baiohttp\/([\w.]+)/i, 'Python aiohttp'],
  [/^Go-http-client\/([\w.]+)/i, 'Go net/http'],
  [/^okhttp\/([\w.-]+)/i, 'OkHttp'],
  [/^Java\/([\w.]+)/i, 'Java HTTP client'],
  [/^Apache-HttpClient\/([\w.]+)/i, 'Apache HttpClient'],
  [/^axios\/([\w.]+)/i, 'axios (Node.js)'],
  [/^node-fetch(?:\/([\w.]+))?/i, 'node-fetch (Node.js)'],
  [/^undici(?:\/([\w.]+))?/i, 'undici (Node.js)'],
  [/^node(?:\/([\w.]+))?$/i, 'Node.js'],
  [/^libwww-perl\/([\w.]+)/i, 'Perl LWP'],
  [/^PostmanRuntime\/([\w.]+)/i, 'Postman'],
  [/^HTTPie\/([\w.]+)/i, 'HTTPie'],
  [/^Scrapy\/([\w.]+)/i, 'Scrapy'],
  [/\bHeadlessChrome\/([\w.]+)/i, 'Headless Chrome (automation)'],
  [/\bWinHttp\.WinHttpRequest\b/i, 'WinHTTP script'],
];

const script: Rule = (ua) => {
  for (const [pattern, name] of SCRIPT_CLIENTS) {
    const m = pattern.exec(ua);
    if (m !== null) {
      const version = m[1] ?? null;
      return classification('script', version === null ? name : `${name} ${version}`, {
        modernAuthCapable: null,
        version,
      });
    }
  }
  return null;
};

/**
 * The operating system a user agent names, in a technician's words; null when it names none.
 *
 * Order matters: iPhone/iPad UAs also say "like Mac OS X", Android UAs also say "Linux".
 */
export function operatingSystem(ua: string): string | null {
  if (/\bWindows Phone\b/i.test(ua)) return 'Windows Phone';
  if (/\bWindows NT\b|\bWin(?:32|64)\b/i.test(ua)) return 'Windows';
  if (/\biPad\b/.test(ua)) return 'iPadOS';
  if (/\b(?:iPhone|iPod)\b|\biOS\b/.test(ua)) return 'iOS';
  if (/\bAndroid\b/i.test(ua)) return 'Android';
  if (/\bCrOS\b/.test(ua)) return 'ChromeOS';
  if (/\bMacintosh\b|\bMac OS X\b|\bmacOS\b/i.test(ua)) return 'macOS';
  if (/\bLinux\b|\bX11\b/i.test(ua)) return 'Linux';
  return null;
}

// Browser engines by their distinguishing token, most specific first (Edge and Opera also say
// "Chrome", Chrome also says "Safari").
const BROWSERS: readonly (readonly [RegExp, string])[] = [
  [/\bEdg(?:e|A|iOS)?\/([\d.]+)/, 'Edge'],
  [/\bOPR\/([\d.]+)/, 'Opera'],
  [/\bSamsungBrowser\/([\d.]+)/, 'Samsung Internet'],
  [/\b(?:Firefox|FxiOS)\/([\d.]+)/, 'Firefox'],
  [/\b(?:Chrome|CriOS)\/([\d.]+)/, 'Chrome'],
  [/\bVersion\/([\d.]+).*\bSafari\//, 'Safari'],
  [/\bTrident\/.*\brv:([\d.]+)/, 'Internet Explorer'],
  [/\bMSIE ([\d.]+)/, 'Internet Explorer'],
];

const browser: Rule = (ua) => {
  if (!/^(?:Mozilla|Opera)\//.test(ua)) return null;
  const os = operatingSystem(ua);
  const where = os === null ? '' : ` on ${os}`;
  for (const [pattern, name] of BROWSERS) {
    const m = pattern.exec(ua);
    if (m?.[1] !== undefined) {
      const major = m[1].split('.')[0] ?? m[1];
      return classification('browser', `${name} ${major}${where}`, { version: m[1] });
    }
  }
  // WebKit/Gecko without a named browser: an app's embedded web view.
  if (/\b(?:AppleWebKit|Gecko)\//.test(ua)) return classification('browser', `Embedded web view${where}`);
  return null;
};

// Order: specific product tokens before generic ones (Teams and Outlook mobile ride on browser
// UAs; PowerShell and HeadlessChrome start with "Mozilla/5.0"; phones before everything else).
const RULES: readonly Rule[] = [
  exchangeRelay,
  windowsDeviceRegistration,
  polycom,
  polyEdge,
  yealink,
  cisco,
  audiocodes,
  teamsDevice,
  outlookMobile,
  teams,
  officeWindows,
  officeEmbeddedBrowser,
  outlookMac,
  otherOffice,
  nativeMailRule,
  powershell,
  script,
  browser,
];

/**
 * Classifies a raw user agent on its own.
 *
 * Empty or missing → `none`; recognised patterns as documented on each rule; anything else →
 * `unknown` with the start of the UA in the label so a technician can still read it.
 */
export function classifyUserAgent(userAgent: string | null | undefined): ClientClassification {
  const ua = userAgent?.trim() ?? '';
  if (ua === '') return classification('none', 'No user agent recorded', { modernAuthCapable: null });
  for (const rule of RULES) {
    const found = rule(ua);
    if (found !== null) return found;
  }
  const shown = ua.length > 80 ? `${ua.slice(0, 80)}…` : ua;
  return classification('unknown', `Unrecognised client (${shown})`, { modernAuthCapable: null });
}

// Entra `clientAppUsed` values (domain reference §3.2; Entra "Block legacy authentication" doc).
// Legacy values describe the protocol, so they say nothing about whether the client could have
// used modern auth (null), except that it did not.
interface ClientAppUsedMeaning {
  readonly kind: ClientKind;
  readonly label: string;
  readonly legacyProtocol: boolean;
  readonly modernAuthCapable: boolean | null;
}

function legacyApp(kind: ClientKind, label: string): ClientAppUsedMeaning {
  return { kind, label, legacyProtocol: true, modernAuthCapable: null };
}

const RELAYED = 'relayed by Exchange Online (legacy authentication)';

const CLIENT_APP_USED: ReadonlyMap<string, ClientAppUsedMeaning> = new Map([
  [
    'browser',
    { kind: 'browser', label: 'Web browser (Entra: Browser)', legacyProtocol: false, modernAuthCapable: true },
  ],
  [
    'mobile apps and desktop clients',
    {
      kind: 'unknown',
      label: 'App using modern authentication (Entra: Mobile Apps and Desktop clients)',
      legacyProtocol: false,
      modernAuthCapable: true,
    },
  ],
  ['exchange activesync', legacyApp('native-mail', 'Exchange ActiveSync mail client (legacy authentication)')],
  [
    'universal outlook',
    legacyApp('native-mail', 'Windows Mail and Calendar app (Universal Outlook, legacy authentication)'),
  ],
  ['imap4', legacyApp('exchange-relay', `IMAP4 ${RELAYED}`)],
  ['pop3', legacyApp('exchange-relay', `POP3 ${RELAYED}`)],
  ['authenticated smtp', legacyApp('exchange-relay', `Authenticated SMTP ${RELAYED}`)],
  ['exchange web services', legacyApp('exchange-relay', `Exchange Web Services ${RELAYED}`)],
  ['mapi over http', legacyApp('exchange-relay', `MAPI over HTTP ${RELAYED}`)],
  ['outlook anywhere (rpc over http)', legacyApp('exchange-relay', `Outlook Anywhere (RPC over HTTP) ${RELAYED}`)],
  ['autodiscover', legacyApp('exchange-relay', `Autodiscover ${RELAYED}`)],
  ['offline address book', legacyApp('exchange-relay', `Offline Address Book ${RELAYED}`)],
  ['reporting web services', legacyApp('exchange-relay', `Reporting Web Services ${RELAYED}`)],
  ['other clients', legacyApp('exchange-relay', 'Other legacy client (Entra: Other clients)')],
  ['exchange online powershell', legacyApp('powershell', 'Exchange Online PowerShell (legacy authentication)')],
]);

/**
 * Classifies Entra's `clientAppUsed` on its own; null when missing or not a known value.
 *
 * "Exchange ActiveSync" → native mail, IMAP4/POP3/Authenticated SMTP/EWS/MAPI/Outlook Anywhere/
 * Autodiscover/OAB/Other clients → Exchange relay, all legacy; "Browser" → browser; "Mobile Apps
 * and Desktop clients" → `unknown` but modern, since only the user agent can name that app.
 */
export function classifyClientAppUsed(clientAppUsed: string | null | undefined): ClientClassification | null {
  const key = clientAppUsed?.trim().toLowerCase().replace(/\s+/g, ' ') ?? '';
  const meaning = CLIENT_APP_USED.get(key);
  if (meaning === undefined) return null;
  return classification(meaning.kind, meaning.label, {
    legacyProtocol: meaning.legacyProtocol,
    modernAuthCapable: meaning.modernAuthCapable,
  });
}

/**
 * Classifies the client of a sign-in from its user agent and, when known, Entra's `clientAppUsed`.
 *
 * The user agent wins when it is specific (anything but `unknown`/`none`); otherwise
 * `clientAppUsed` decides. A legacy protocol reported by Entra still marks the result as legacy,
 * because Entra saw the protocol actually used (e.g. Outlook 2016 with modern auth turned off
 * shows as "MAPI Over HTTP").
 */
export function classifyClient(input: ClientClassifierInput): ClientClassification {
  const fromUa = classifyUserAgent(input.userAgent);
  const fromApp = classifyClientAppUsed(input.clientAppUsed);
  if (fromApp === null) return fromUa;
  if (fromUa.kind === 'unknown' || fromUa.kind === 'none') return fromApp;
  if (fromApp.legacyProtocol && !fromUa.legacyProtocol) {
    const protocol = input.clientAppUsed?.trim() ?? '';
    return { ...fromUa, legacyProtocol: true, label: `${fromUa.label}, using ${protocol} (legacy authentication)` };
  }
  return fromUa;
}

/**
 * True for user agents typical of password-spray tooling: a missing or blank UA, or one carrying
 * the Windows-AzureAD-Authentication-Provider token.
 *
 * Deliberately simple and only a hint (domain reference §7): spray tools commonly send no UA or
 * forge Windows' WS-Trust UA, and a genuine Windows device sends that same UA, so a match must be
 * corroborated (many failures, many IPs, an account with no hybrid-joined device) before calling
 * it an attack. Script libraries are not flagged here: admins run scripts too.
 */
export function isSprayLikeUserAgent(userAgent: string | null | undefined): boolean {
  const ua = userAgent?.trim() ?? '';
  if (ua === '') return true;
  return /\bWindows-AzureAD-Authentication-Provider\b/i.test(ua);
}
