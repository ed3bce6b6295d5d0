import type { UserStep } from './model';

/*
 * End-user walkthroughs to read out on the call. Plain words, one action per step, and what
 * the user should see when it worked, so the technician knows when to go on.
 */

/** Remove a saved Office password on Windows, so Outlook asks for the current one. */
export const CLEAR_CACHED_PASSWORD_WINDOWS: readonly UserStep[] = [
  { say: 'Close Outlook, Teams and any other Office app.', expect: 'No Office windows are open.' },
  {
    say: 'Press the Windows key, type "Credential Manager" and open it, then choose "Windows Credentials".',
    expect: 'A list of saved credentials.',
  },
  {
    say: 'Remove every entry whose name starts with "MicrosoftOffice16_Data" or mentions "Outlook" or your work e-mail address.',
    expect: 'Those entries are gone.',
  },
  {
    say: 'Open Outlook again and sign in with your current password when the Microsoft/Okta page appears.',
    expect: 'Outlook connects and stops asking.',
  },
];

/** Remove a saved Exchange password on a Mac. */
export const CLEAR_CACHED_PASSWORD_MAC: readonly UserStep[] = [
  { say: 'Quit Outlook.', expect: 'Outlook is closed.' },
  {
    say: 'Open Keychain Access (Applications › Utilities), search for "Exchange" and for your work e-mail address.',
    expect: 'Entries for your work account appear.',
  },
  { say: 'Delete those entries.', expect: 'They are gone.' },
  { say: 'Open Outlook and sign in with your current password.', expect: 'Outlook connects.' },
];

/** Re-add a phone's mail account so that it uses modern authentication. */
export const READD_MAIL_ACCOUNT_MODERN: readonly UserStep[] = [
  {
    say: 'On the phone, open Settings › Mail › Accounts (iPhone) or your mail app’s account settings (Android) and remove the work account.',
    expect: 'The work account is no longer listed.',
  },
  {
    say: 'Add it again: choose "Microsoft Exchange" or "Microsoft 365", type your work e-mail address, and tap "Sign In" (not "Configure Manually").',
    expect: 'Your company sign-in page (Okta) opens in the phone.',
  },
  { say: 'Sign in there as you would in a browser.', expect: 'Mail starts to arrive.' },
  {
    say: 'If the phone never shows the sign-in page, install the Outlook app instead and add the account there.',
    expect: 'Outlook shows your mailbox.',
  },
];

/** Sign a desk phone in through Teams SIP Gateway pairing. */
export const SIP_GATEWAY_PAIRING: readonly UserStep[] = [
  { say: 'On the phone, press "Sign in".', expect: 'The phone shows a web address and a pairing code.' },
  {
    say: 'On your computer, open the address the phone shows (usually aka.ms/siplogin) in a browser.',
    expect: 'A page asks for a code.',
  },
  {
    say: 'Type the code exactly as the phone shows it, within a few minutes, then press Next.',
    expect: 'Your company sign-in page (Okta) opens.',
  },
  {
    say: 'Sign in with your work account and approve any MFA prompt.',
    expect: 'The page says the device is signed in.',
  },
  { say: 'Look at the phone.', expect: 'It shows your name and extension within a minute.' },
];

/** Sign a Teams phone, room or panel in with Web Sign-In / a device code. */
export const TEAMS_DEVICE_CODE_SIGN_IN: readonly UserStep[] = [
  {
    say: 'On the device, choose "Sign in on another device".',
    expect: 'It shows microsoft.com/devicelogin and a code.',
  },
  {
    say: 'On your computer or phone, open microsoft.com/devicelogin and type the code within 15 minutes.',
    expect: 'It asks for your account.',
  },
  {
    say: 'Enter your work e-mail; when your company sign-in page (Okta) opens, sign in and approve MFA.',
    expect: 'A page asks "Are you trying to sign in to Microsoft Teams?"',
  },
  { say: 'Press "Continue" (not "Cancel").', expect: 'The device finishes signing in.' },
];
