import { describe, expect, it } from 'vitest';
import {
  classifyClient,
  classifyClientAppUsed,
  classifyUserAgent,
  isSprayLikeUserAgent,
  operatingSystem,
  type ClientClassification,
  type ClientKind,
} from './client-classifier';

// Each row: a user agent (where it came from in the comment), and what the classifier must say.
// `label` is matched as a substring so wording can be refined without touching every row.
interface UaCase {
  readonly ua: string | null | undefined;
  readonly kind: ClientKind;
  readonly label?: string;
  readonly legacy?: boolean;
  readonly modern?: boolean | null;
  readonly version?: string | null;
  readonly device?: ClientClassification['device'];
}

const UA_CASES: readonly UaCase[] = [
  // --- domain reference §7 and §1.7 samples ---
  {
    ua: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17126; Pro)',
    kind: 'outlook-desktop',
    label: 'Outlook (Microsoft 365 Apps / Click-to-Run) on Windows',
    legacy: false,
    modern: true,
    version: '16.0.17126',
  },
  {
    ua: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.4266; Pro)',
    kind: 'outlook-desktop',
    label: 'Outlook 2016 (MSI) on Windows',
    legacy: false,
    modern: true,
    version: '16.0.4266',
  },
  {
    ua: 'Windows-AzureAD-Authentication-Provider/1.0',
    kind: 'windows-device-registration',
    legacy: false,
    modern: null,
    version: '1.0',
  },
  {
    ua: 'Windows-AzureAD-Authentication-Provider/1.0 3236.84364',
    kind: 'windows-device-registration',
    version: '1.0',
  },
  {
    ua: 'PolycomVVX-VVX_600-UA/5.9.7.3480',
    kind: 'sip-phone',
    label: 'Polycom VVX 600 (UCS 5.9.7.3480)',
    legacy: true,
    modern: false,
    version: '5.9.7.3480',
    device: { vendor: 'Polycom', model: 'VVX 600', firmware: '5.9.7.3480' },
  },
  {
    ua: 'Polycom/5.5.0.20556 PolycomVVX-VVX_500-UA/5.5.0.20556',
    kind: 'sip-phone',
    label: 'Polycom VVX 500 (UCS 5.5.0.20556)',
    device: { vendor: 'Polycom', model: 'VVX 500', firmware: '5.5.0.20556' },
  },
  {
    ua: 'FileTransport PolycomVVX-VVX_500-UA/5.9.7.4477 Type/Application',
    kind: 'sip-phone',
    device: { vendor: 'Polycom', model: 'VVX 500', firmware: '5.9.7.4477' },
  },
  {
    ua: 'FileTransport PolycomSoundStationIP-SSIP_6000-UA/4.0.4.2906 Type/Application',
    kind: 'sip-phone',
    label: 'Polycom SoundStation IP 6000',
    device: { vendor: 'Polycom', model: 'SoundStation IP 6000', firmware: '4.0.4.2906' },
  },
  {
    ua: 'PolycomSoundPointIP-SPIP_550-UA/4.0.15.1047',
    kind: 'sip-phone',
    device: { vendor: 'Polycom', model: 'SoundPoint IP 550', firmware: '4.0.15.1047' },
  },
  {
    ua: 'FileTransport PolyEdge-Edge_E350-UA/8.0.0.1234',
    kind: 'sip-phone',
    label: 'Poly Edge E350 (firmware 8.0.0.1234)',
    device: { vendor: 'Poly', model: 'Edge E350', firmware: '8.0.0.1234' },
  },
  {
    ua: 'Outlook-iOS-Android/1.0',
    kind: 'outlook-mobile',
    label: 'Outlook for iOS/Android',
    legacy: false,
    modern: true,
    version: '1.0',
  },
  {
    ua: 'Apple-iPhone14C3/2006.5',
    kind: 'native-mail',
    label: 'iOS Mail (Exchange ActiveSync) on iPhone14,3',
    legacy: true,
    modern: null,
    version: '2006.5',
  },
  { ua: 'Android-Mail/7.8.22.123456789.release', kind: 'native-mail', label: 'Android built-in mail', legacy: true },
  {
    ua: 'SAMSUNG-SM-G991U/101.140101',
    kind: 'native-mail',
    label: 'Samsung Email (Exchange ActiveSync) on SM-G991U',
    legacy: true,
    version: '101.140101',
  },
  {
    ua: 'Microsoft.Exchange.ActiveSync',
    kind: 'exchange-relay',
    label: 'Exchange Online relaying basic auth (Exchange ActiveSync)',
    legacy: true,
    modern: false,
  },
  { ua: 'Microsoft.Exchange.SMTP', kind: 'exchange-relay', label: '(Authenticated SMTP)', legacy: true },
  { ua: 'Microsoft.Exchange.PopImap', kind: 'exchange-relay', label: '(POP/IMAP)' },
  { ua: 'Microsoft.Exchange.RPC', kind: 'exchange-relay', label: '(Outlook Anywhere (RPC over HTTP))' },
  { ua: 'Microsoft.Exchange.WebServices', kind: 'exchange-relay', label: '(Exchange Web Services)' },
  { ua: 'Microsoft.Exchange.Mapi', kind: 'exchange-relay', label: '(MAPI over HTTP)' },
  { ua: 'Microsoft.Exchange.Autodiscover', kind: 'exchange-relay', label: '(Autodiscover)' },
  { ua: 'Microsoft.Exchange.OfflineAddressBook', kind: 'exchange-relay', label: '(Offline Address Book)' },
  { ua: 'Microsoft.Exchange.Powershell', kind: 'exchange-relay', label: '(Exchange Online PowerShell)' },
  { ua: 'Microsoft.Exchange.Pop', kind: 'exchange-relay', label: '(POP3)' },
  { ua: 'Microsoft.Exchange.SomethingNew', kind: 'exchange-relay', label: '(SomethingNew)' },
  { ua: 'BAV2ROPC', kind: 'exchange-relay', label: 'BAV2ROPC', legacy: true },

  // --- Outlook desktop by version ---
  {
    ua: 'Microsoft Office/14.0 (Windows NT 6.1; Microsoft Outlook 14.0.7143; Pro)',
    kind: 'outlook-desktop',
    label: 'Outlook 2010 on Windows (no modern auth)',
    legacy: true,
    modern: false,
    version: '14.0.7143',
  },
  {
    ua: 'Microsoft Office/15.0 (Windows NT 6.1; Microsoft Outlook 15.0.4420; Pro)',
    kind: 'outlook-desktop',
    label: 'Outlook 2013 on Windows (modern auth only if enabled in the registry)',
    legacy: true,
    modern: false,
    version: '15.0.4420',
  },
  {
    ua: 'Microsoft Office/15.0 (Windows NT 6.1; Trident/7.0; Microsoft Outlook 15.0.5085; Pro)',
    kind: 'outlook-desktop',
    label: 'Outlook 2013',
  },
  {
    ua: 'Microsoft Office/12.0 (Windows NT 6.1; Microsoft Office Outlook 12.0.6770; Pro)',
    kind: 'outlook-desktop',
    label: 'Outlook 2007 on Windows (no modern auth)',
    legacy: true,
    modern: false,
  },
  {
    // Build 5161 is still an MSI (Office 2016 volume) build.
    ua: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.5161; Pro)',
    kind: 'outlook-desktop',
    label: 'Outlook 2016 (MSI)',
  },
  {
    // Build 8431 is Click-to-Run (Version 1708).
    ua: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.8431; Pro)',
    kind: 'outlook-desktop',
    label: 'Click-to-Run',
  },
  {
    ua: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.12026; Pro',
    kind: 'outlook-desktop',
    label: 'Click-to-Run',
    version: '16.0.12026',
  },
  {
    ua: 'Microsoft Office/16.0 (Windows NT 10.0; MAPI 16.0.8431; Pro)',
    kind: 'outlook-desktop',
    label: '(MAPI) on Windows',
    version: '16.0.8431',
  },
  {
    ua: 'Microsoft Office/16.0 (Windows NT 6.2; MAPICPL 16.0.11328; Pro)',
    kind: 'outlook-desktop',
    label: 'mail profile setup (MAPICPL) on Windows',
  },
  {
    ua: 'Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 10.0; Win64; x64; Trident/7.0; .NET4.0C; .NET4.0E; .NET CLR 2.0.50727; .NET CLR 3.0.30729; .NET CLR 3.5.30729; wbx 1.0.0; Microsoft Outlook 16.0.4861; ms-office; MSOffice 16)',
    kind: 'outlook-desktop',
    label: 'Outlook 2016 (MSI) sign-in window (embedded browser)',
    modern: true,
    legacy: false,
    version: '16.0.4861',
  },

  // --- Outlook for Mac ---
  {
    ua: 'MacOutlook/16.80.23121017 (Intelx64 Mac OS X 14.2.1 (Build 23C71))',
    kind: 'outlook-mac',
    label: 'Outlook for Mac 16.80.23121017',
    modern: true,
    legacy: false,
  },
  { ua: 'Microsoft-MacOutlook/16.53.21091200', kind: 'outlook-mac', version: '16.53.21091200', modern: true },
  // Hex-encoded versions in older builds: 10.19.0 → 16.25.0, f.27.0 → 15.39.0, 10.10.11 → 16.16.17.
  { ua: 'Microsoft-MacOutlook/10.19.0.190512', kind: 'outlook-mac', version: '16.25.0.190512', modern: true },
  { ua: 'Microsoft-MacOutlook/f.27.0.171010', kind: 'outlook-mac', version: '15.39.0.171010', modern: null },
  { ua: 'Microsoft-MacOutlook/10.10.11.191208', kind: 'outlook-mac', version: '16.16.17.191208' },
  {
    ua: 'MacOutlook/14.7.7.170905 (Intel Mac OS X 10.12.6)',
    kind: 'outlook-mac',
    label: 'Outlook 2011 for Mac',
    legacy: true,
    modern: false,
  },

  // --- Outlook mobile ---
  { ua: 'Outlook-iOS/2.0', kind: 'outlook-mobile', label: 'Outlook for iOS', version: '2.0', modern: true },
  { ua: 'Outlook-Android/2.0', kind: 'outlook-mobile', label: 'Outlook for Android', version: '2.0' },
  {
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Outlook-iOS/4.2531.0',
    kind: 'outlook-mobile',
    version: '4.2531.0',
  },

  // --- Teams ---
  {
    ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Teams/1.5.00.4689 Chrome/85.0.4183.121 Electron/10.4.7 Safari/537.36',
    kind: 'teams-desktop',
    label: 'Teams classic 1.5.00.4689 on Windows',
    version: '1.5.00.4689',
    modern: true,
  },
  {
    ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) MicrosoftTeams-Insiders/1.3.00.362 Chrome/66.0.3359.181 Electron/3.1.13 Safari/537.36',
    kind: 'teams-desktop',
    label: 'Teams classic',
  },
  {
    ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Teams/24295.605.3225.8804',
    kind: 'teams-desktop',
    label: 'new Teams 24295.605.3225.8804 on Windows',
  },
  {
    ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Teams/1.5.00.10453 Electron/17.1.2',
    kind: 'teams-desktop',
    label: 'on macOS',
  },
  {
    ua: 'Mozilla/5.0 (Linux; Android 14; Pixel 8 Pro) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36 Teams/1416/1.0.0.2024041807',
    kind: 'teams-mobile',
    label: 'Teams mobile app on Android',
    version: '1.0.0.2024041807',
  },
  {
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Teams/6.5.0',
    kind: 'teams-mobile',
    label: 'on iOS',
  },
  {
    ua: 'Mozilla/5.0 (Linux; Android 9; CCX 600 Build/PPR1.180610.011; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/110.0.5481.153 Safari/537.36 Teams/1449/1.0.94.2024063004',
    kind: 'teams-device',
    label: 'Poly CCX 600 (Teams Android device)',
    version: '1.0.94.2024063004',
    device: { vendor: 'Poly', model: 'CCX 600', firmware: null },
  },
  {
    ua: 'Mozilla/5.0 (Linux; Android 10; Yealink MP56 Build/QKQ1.200628.002; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/95.0.4638.74 Safari/537.36',
    kind: 'teams-device',
    device: { vendor: 'Yealink', model: 'MP56', firmware: null },
  },
  {
    ua: 'Mozilla/5.0 (Linux; Android 9; T58A Build/PQ3A.190801.002; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/96.0 Safari/537.36',
    kind: 'teams-device',
    device: { vendor: 'Yealink', model: 'T58A', firmware: null },
  },
  {
    ua: 'Mozilla/5.0 (Linux; Android 9; C450HD Build/PI) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/96.0 Mobile Safari/537.36',
    kind: 'teams-device',
    device: { vendor: 'AudioCodes', model: 'C450HD', firmware: null },
  },
  {
    ua: 'Mozilla/5.0 (Linux; Android 9; Trio C60 Build/PI) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/96.0 Safari/537.36',
    kind: 'teams-device',
    device: { vendor: 'Poly', model: 'Trio C60', firmware: null },
  },
  {
    ua: 'Mozilla/5.0 (Linux; Android 9; UC-P10 Build/PI) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/96.0 Safari/537.36',
    kind: 'teams-device',
    device: { vendor: 'Crestron', model: 'UC-P10', firmware: null },
  },
  {
    ua: 'Dalvik/2.1.0 (Linux; U; Android 9; vendor-board Build/PI) Teams/1449/1.0.97.2024122401',
    kind: 'teams-device',
    label: 'Teams Android device (phone, panel or Teams Rooms)',
    version: '1.0.97.2024122401',
    device: null,
  },
  {
    ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Teams/1.5.00.36367 Chrome/85.0.4183.121 Electron/10.4.7 Safari/537.36 RoomWindows/4.12.139.0',
    kind: 'teams-device',
    label: 'Microsoft Teams Rooms on Windows',
    version: '4.12.139.0',
  },

  // --- other SIP phones (SIP Gateway-compatible vendors, Teams/sip-gateway-plan.md) ---
  {
    ua: 'PolycomRealPresenceTrio-Trio_8800-UA/5.4.3.2007',
    kind: 'sip-phone',
    device: { vendor: 'Polycom', model: 'RealPresence Trio 8800', firmware: '5.4.3.2007' },
  },
  {
    ua: 'PolycomVVX-VVX_310-UA/4.1.4.7430_0004f2abcdef',
    kind: 'sip-phone',
    version: '4.1.4.7430',
    device: { vendor: 'Polycom', model: 'VVX 310', firmware: '4.1.4.7430' },
  },
  {
    ua: 'Yealink SIP-T46S 66.86.0.15 805ec0123456',
    kind: 'sip-phone',
    label: 'Yealink T46S (firmware 66.86.0.15)',
    legacy: true,
    modern: false,
    device: { vendor: 'Yealink', model: 'T46S', firmware: '66.86.0.15' },
  },
  {
    ua: 'yealink SIP-T19P_E2 53.80.0.3 00:15:65:4c:4c:26',
    kind: 'sip-phone',
    device: { vendor: 'Yealink', model: 'T19P_E2', firmware: '53.80.0.3' },
  },
  {
    ua: 'Yealink W60B 77.85.0.20',
    kind: 'sip-phone',
    device: { vendor: 'Yealink', model: 'W60B', firmware: '77.85.0.20' },
  },
  { ua: 'Yealink SIP-T54W', kind: 'sip-phone', device: { vendor: 'Yealink', model: 'T54W', firmware: null } },
  {
    ua: 'Cisco-CP-8841-3PCC/11.0 (00562b043615)',
    kind: 'sip-phone',
    label: 'Cisco CP-8841 MPP (firmware 11.0)',
    device: { vendor: 'Cisco', model: 'CP-8841 MPP', firmware: '11.0' },
  },
  {
    ua: 'Cisco-CP-8851-3PCC/11.3.7_MPP_0001',
    kind: 'sip-phone',
    device: { vendor: 'Cisco', model: 'CP-8851 MPP', firmware: '11.3.7' },
  },
  {
    ua: 'Cisco/SPA504G-7.6.2e (FFFFFFFFFFFF)',
    kind: 'sip-phone',
    device: { vendor: 'Cisco', model: 'SPA504G', firmware: '7.6.2e' },
  },
  {
    ua: 'AUDC-IPPhone-445HD_UC_3.4.8/1.0',
    kind: 'sip-phone',
    label: 'AudioCodes 445HD (firmware 3.4.8)',
    device: { vendor: 'AudioCodes', model: '445HD', firmware: '3.4.8' },
  },
  {
    ua: 'AUDC/3.4.6.604 AUDC-IPPhone-C450HD_UC_3.4.6.604/1',
    kind: 'sip-phone',
    device: { vendor: 'AudioCodes', model: 'C450HD', firmware: '3.4.6.604' },
  },
  {
    ua: 'AUDC-IPPhone/2.2.8.61 (440HDG-Rev0; 00908F602AAC)',
    kind: 'sip-phone',
    device: { vendor: 'AudioCodes', model: '440HDG', firmware: '2.2.8.61' },
  },
  {
    ua: 'AUDC-IPPhone/2.0.0_build_15 (420HD; 00908F3BBCBA)',
    kind: 'sip-phone',
    device: { vendor: 'AudioCodes', model: '420HD', firmware: '2.0.0_build_15' },
  },

  // --- other Office apps ---
  {
    ua: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Word 16.0.17928; Pro)',
    kind: 'office-app',
    label: 'Word (Microsoft 365 Apps / Click-to-Run) on Windows',
    version: '16.0.17928',
    modern: true,
  },
  { ua: 'Microsoft Office/16.0 (Windows NT 10.0)', kind: 'office-app', label: 'Microsoft Office 16.0 app on Windows' },
  {
    ua: 'Microsoft Office/15.0 (Windows NT 6.1; Microsoft Excel 15.0.5023; Pro)',
    kind: 'office-app',
    label: 'Excel 15.0 on Windows',
    legacy: true,
    modern: false,
  },
  {
    ua: 'Microsoft SkyDriveSync 24.011.0121.0001 ship; Windows NT 10.0 (17763)',
    kind: 'office-app',
    label: 'OneDrive sync client on Windows',
    version: '24.011.0121.0001',
  },
  { ua: 'OneDriveSyncEngine/24.215.1029.0002', kind: 'office-app', label: 'OneDrive sync client' },
  {
    ua: 'Mozilla/4.0 (compatible; ms-office; MSOffice 16)',
    kind: 'office-app',
    label: 'embedded browser window (MSOffice 16)',
  },
  { ua: 'Microsoft Office Existence Discovery', kind: 'office-app', modern: null },

  // --- native mail ---
  {
    ua: 'iOS/16.5.1 (20F75) dataaccessd/1.0',
    kind: 'native-mail',
    label: 'Apple Mail/Calendar account sync (dataaccessd) on iOS 16.5.1',
    legacy: true,
  },
  { ua: 'macOS/13.4 (22F66) dataaccessd/1.0', kind: 'native-mail', label: 'on macOS 13.4' },
  { ua: 'AppleExchangeWebServices/814.80.3', kind: 'native-mail', label: 'Exchange Web Services' },
  { ua: 'android-mail/6.5 (samsung SM-S918B; Android 14; en)', kind: 'native-mail', version: '6.5' },
  {
    ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:102.0) Gecko/20100101 Thunderbird/102.15.1',
    kind: 'native-mail',
    label: 'Thunderbird',
    legacy: false,
    modern: null,
  },

  // --- PowerShell and scripts ---
  {
    ua: 'Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.19041.1237',
    kind: 'powershell',
    label: 'Windows PowerShell 5.1.19041.1237',
    modern: null,
  },
  {
    ua: 'Mozilla/5.0 (Windows NT 10.0; Microsoft Windows 10.0.22631; en-US) PowerShell/7.4.1',
    kind: 'powershell',
    label: 'PowerShell 7.4.1',
  },
  { ua: 'curl/8.6.0', kind: 'script', label: 'curl 8.6.0', version: '8.6.0' },
  { ua: 'python-requests/2.31.0', kind: 'script', label: 'Python requests 2.31.0' },
  { ua: 'Go-http-client/1.1', kind: 'script', label: 'Go net/http 1.1' },
  { ua: 'Go-http-client/2.0', kind: 'script' },
  { ua: 'okhttp/4.12.0', kind: 'script', label: 'OkHttp 4.12.0' },
  { ua: 'Java/17.0.2', kind: 'script' },
  { ua: 'axios/1.3.5', kind: 'script' },
  { ua: 'node-fetch', kind: 'script', version: null },
  { ua: 'Wget/1.21.4', kind: 'script' },
  { ua: 'Scrapy/2.11.0 (+https://scrapy.org)', kind: 'script' },
  { ua: 'PostmanRuntime/7.36.0', kind: 'script' },
  {
    ua: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.0.0 Safari/537.36',
    kind: 'script',
    label: 'Headless Chrome',
  },

  // --- browsers ---
  {
    ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
    kind: 'browser',
    label: 'Chrome 124 on Windows',
    version: '124.0.0.0',
    legacy: false,
    modern: true,
  },
  {
    ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.80',
    kind: 'browser',
    label: 'Edge 124 on Windows',
  },
  {
    ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15',
    kind: 'browser',
    label: 'Safari 17 on macOS',
  },
  {
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1',
    kind: 'browser',
    label: 'Safari 17 on iOS',
  },
  {
    ua: 'Mozilla/5.0 (iPad; CPU OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1',
    kind: 'browser',
    label: 'Chrome 124 on iPadOS',
  },
  {
    ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.4; rv:125.0) Gecko/20100101 Firefox/125.0',
    kind: 'browser',
    label: 'Firefox 125 on macOS',
  },
  {
    ua: 'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36',
    kind: 'browser',
    label: 'Samsung Internet 24 on Android',
  },
  {
    ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:109.0) Gecko/20100101 Firefox/118.0',
    kind: 'browser',
    label: 'Firefox 118 on Windows',
  },
  {
    ua: 'Mozilla/5.0 (Windows NT 10.0; Trident/7.0; rv:11.0) like Gecko',
    kind: 'browser',
    label: 'Internet Explorer 11',
  },
  {
    ua: 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
    kind: 'browser',
    label: 'on ChromeOS',
  },
  {
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
    kind: 'browser',
    label: 'Embedded web view on iOS',
  },

  // --- near misses: must not be mistaken for the thing they mention ---
  {
    // "Outlook" in a path of a browser UA is not Outlook desktop.
    ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 (+https://outlook.office.com/owa/Outlook/16.0.1)',
    kind: 'browser',
  },
  {
    // Mentions Microsoft Outlook but is not Office's embedded browser (no ms-office token).
    ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Microsoft Outlook 16.0.17126',
    kind: 'browser',
  },
  {
    // Samsung Internet on a Samsung phone is a browser, not Samsung Email.
    ua: 'Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-G991U) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36',
    kind: 'browser',
  },
  {
    // A Samsung tablet model containing "T55" is not a Yealink T55A Teams phone.
    ua: 'Mozilla/5.0 (Linux; Android 9; SM-T550) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/96.0 Safari/537.36',
    kind: 'browser',
  },
  {
    // A plain Android phone (no Teams token, no Teams device model) is just a browser.
    ua: 'Mozilla/5.0 (Linux; Android 14; Pixel 8 Pro) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36',
    kind: 'browser',
    label: 'Chrome 124 on Android',
  },
  {
    // Mentioning "Windows-AzureAD" without the full token is not device registration.
    ua: 'Windows-AzureAD/1.0',
    kind: 'unknown',
  },
  { ua: 'Microsoft.Exchange', kind: 'unknown' },
  { ua: 'Polycom', kind: 'unknown' },
  { ua: 'Dalvik/2.1.0 (Linux; U; Android 8.0.0; SM-G930V Build/R16NW)', kind: 'unknown', modern: null },
  {
    ua: 'Microsoft Authenticator/6.8.12 iOS/17.4.1',
    kind: 'unknown',
    label: 'Unrecognised client (Microsoft Authenticator',
  },

  // --- empty ---
  { ua: '', kind: 'none', label: 'No user agent recorded', modern: null, legacy: false },
  { ua: '   ', kind: 'none' },
  { ua: null, kind: 'none' },
  { ua: undefined, kind: 'none' },
];

describe('classifyUserAgent', () => {
  it.each(UA_CASES)('$ua → $kind', (c) => {
    const got = classifyUserAgent(c.ua);
    expect(got.kind).toBe(c.kind);
    if (c.label !== undefined) expect(got.label).toContain(c.label);
    if (c.legacy !== undefined) expect(got.legacyProtocol).toBe(c.legacy);
    if (c.modern !== undefined) expect(got.modernAuthCapable).toBe(c.modern);
    if (c.version !== undefined) expect(got.version).toBe(c.version);
    if (c.device !== undefined) expect(got.device).toEqual(c.device);
  });

  it('gives a device only to phones and Teams devices', () => {
    for (const c of UA_CASES) {
      const got = classifyUserAgent(c.ua);
      if (got.device !== null) expect(['sip-phone', 'teams-device']).toContain(got.kind);
    }
  });

  it('shortens long unknown user agents in the label', () => {
    const got = classifyUserAgent(`SomeAgent ${'x'.repeat(200)}`);
    expect(got.kind).toBe('unknown');
    expect(got.label.length).toBeLessThan(120);
  });
});

describe('classifyClientAppUsed', () => {
  const cases: readonly {
    value: string | null | undefined;
    kind: ClientKind | null;
    legacy?: boolean;
    modern?: boolean | null;
  }[] = [
    { value: 'Exchange ActiveSync', kind: 'native-mail', legacy: true, modern: null },
    { value: 'IMAP4', kind: 'exchange-relay', legacy: true },
    { value: 'POP3', kind: 'exchange-relay', legacy: true },
    { value: 'Authenticated SMTP', kind: 'exchange-relay', legacy: true },
    { value: 'Exchange Web Services', kind: 'exchange-relay', legacy: true },
    { value: 'MAPI Over HTTP', kind: 'exchange-relay', legacy: true },
    { value: 'Outlook Anywhere (RPC over HTTP)', kind: 'exchange-relay', legacy: true },
    { value: 'AutoDiscover', kind: 'exchange-relay', legacy: true },
    { value: 'Offline Address Book', kind: 'exchange-relay', legacy: true },
    { value: 'Reporting Web Services', kind: 'exchange-relay', legacy: true },
    { value: 'Other clients', kind: 'exchange-relay', legacy: true },
    { value: 'Universal Outlook', kind: 'native-mail', legacy: true },
    { value: 'Exchange Online PowerShell', kind: 'powershell', legacy: true },
    { value: 'Browser', kind: 'browser', legacy: false, modern: true },
    { value: 'Mobile Apps and Desktop clients', kind: 'unknown', legacy: false, modern: true },
    { value: '  exchange   activesync ', kind: 'native-mail' },
    { value: 'Something new', kind: null },
    { value: '', kind: null },
    { value: null, kind: null },
    { value: undefined, kind: null },
  ];

  it.each(cases)('$value → $kind', (c) => {
    const got = classifyClientAppUsed(c.value);
    if (c.kind === null) {
      expect(got).toBeNull();
      return;
    }
    expect(got?.kind).toBe(c.kind);
    if (c.legacy !== undefined) expect(got?.legacyProtocol).toBe(c.legacy);
    if (c.modern !== undefined) expect(got?.modernAuthCapable).toBe(c.modern);
  });
});

describe('classifyClient', () => {
  const OUTLOOK_C2R = 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17126; Pro)';
  const cases: readonly {
    name: string;
    userAgent?: string | null;
    clientAppUsed?: string | null;
    kind: ClientKind;
    legacy: boolean;
    label?: string;
  }[] = [
    { name: 'UA alone', userAgent: OUTLOOK_C2R, kind: 'outlook-desktop', legacy: false },
    {
      name: 'specific UA wins over Browser',
      userAgent: OUTLOOK_C2R,
      clientAppUsed: 'Browser',
      kind: 'outlook-desktop',
      legacy: false,
    },
    {
      name: 'specific UA wins, Entra legacy protocol marks it legacy',
      userAgent: OUTLOOK_C2R,
      clientAppUsed: 'MAPI Over HTTP',
      kind: 'outlook-desktop',
      legacy: true,
      label: 'using MAPI Over HTTP (legacy authentication)',
    },
    {
      name: 'iOS Mail UA with Exchange ActiveSync',
      userAgent: 'Apple-iPhone14C3/2006.5',
      clientAppUsed: 'Exchange ActiveSync',
      kind: 'native-mail',
      legacy: true,
      label: 'iOS Mail',
    },
    { name: 'no UA, IMAP4', userAgent: null, clientAppUsed: 'IMAP4', kind: 'exchange-relay', legacy: true },
    {
      name: 'empty UA, Authenticated SMTP',
      userAgent: '',
      clientAppUsed: 'Authenticated SMTP',
      kind: 'exchange-relay',
      legacy: true,
    },
    {
      name: 'unknown UA, Exchange ActiveSync',
      userAgent: 'SomeDevice/1.0',
      clientAppUsed: 'Exchange ActiveSync',
      kind: 'native-mail',
      legacy: true,
    },
    { name: 'no UA, Browser', clientAppUsed: 'Browser', kind: 'browser', legacy: false },
    {
      name: 'Windows device registration is Mobile Apps and Desktop clients in Entra',
      userAgent: 'Windows-AzureAD-Authentication-Provider/1.0',
      clientAppUsed: 'Mobile Apps and Desktop clients',
      kind: 'windows-device-registration',
      legacy: false,
    },
    {
      name: 'unknown UA, Mobile Apps and Desktop clients',
      userAgent: 'SomeApp/3.0',
      clientAppUsed: 'Mobile Apps and Desktop clients',
      kind: 'unknown',
      legacy: false,
      label: 'modern authentication',
    },
    {
      name: 'unrecognised clientAppUsed is ignored',
      userAgent: 'curl/8.6.0',
      clientAppUsed: 'Future value',
      kind: 'script',
      legacy: false,
    },
    { name: 'nothing at all', kind: 'none', legacy: false },
    {
      name: 'legacy UA stays legacy with a legacy clientAppUsed',
      userAgent: 'Microsoft.Exchange.SMTP',
      clientAppUsed: 'Authenticated SMTP',
      kind: 'exchange-relay',
      legacy: true,
      label: 'Exchange Online relaying basic auth (Authenticated SMTP)',
    },
  ];

  it.each(cases)('$name', (c) => {
    const input = {
      ...(c.userAgent === undefined ? {} : { userAgent: c.userAgent }),
      ...(c.clientAppUsed === undefined ? {} : { clientAppUsed: c.clientAppUsed }),
    };
    const got = classifyClient(input);
    expect(got.kind).toBe(c.kind);
    expect(got.legacyProtocol).toBe(c.legacy);
    if (c.label !== undefined) expect(got.label).toContain(c.label);
  });
});

describe('isSprayLikeUserAgent', () => {
  const cases: readonly { ua: string | null | undefined; want: boolean }[] = [
    { ua: null, want: true },
    { ua: undefined, want: true },
    { ua: '', want: true },
    { ua: '  ', want: true },
    { ua: 'Windows-AzureAD-Authentication-Provider/1.0', want: true },
    { ua: 'windows-azuread-authentication-provider/1.0 3236.84364', want: true },
    { ua: 'Mozilla/5.0 Windows-AzureAD-Authentication-Provider/1.0', want: true },
    { ua: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17126; Pro)', want: false },
    { ua: 'python-requests/2.31.0', want: false },
    {
      ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
      want: false,
    },
  ];

  it.each(cases)('$ua → $want', ({ ua, want }) => {
    expect(isSprayLikeUserAgent(ua)).toBe(want);
  });
});

describe('operatingSystem', () => {
  const cases: readonly { ua: string; want: string | null }[] = [
    { ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)', want: 'Windows' },
    { ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)', want: 'iOS' },
    { ua: 'Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X)', want: 'iPadOS' },
    { ua: 'Mozilla/5.0 (Linux; Android 14; Pixel 8)', want: 'Android' },
    { ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)', want: 'macOS' },
    { ua: 'Mozilla/5.0 (X11; Linux x86_64)', want: 'Linux' },
    { ua: 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0)', want: 'ChromeOS' },
    { ua: 'Mozilla/5.0 (Windows Phone 10.0; Android 6.0.1; Microsoft; Lumia 950)', want: 'Windows Phone' },
    { ua: 'curl/8.6.0', want: null },
  ];

  it.each(cases)('$ua → $want', ({ ua, want }) => {
    expect(operatingSystem(ua)).toBe(want);
  });
});
