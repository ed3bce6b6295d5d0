import { OKTA_SERVICE_DOMAINS } from '../../core/diagnosis/console-links';
import { MAX_LINK_LENGTH } from '../../shared/ipc/links';
import type { Result } from '../../shared/result';

/** The Microsoft consoles the app links to, by exact host. */
export const MICROSOFT_CONSOLE_HOSTS: readonly string[] = [
  'entra.microsoft.com',
  'portal.azure.com',
  'developer.microsoft.com',
];

/** True for a host the app may send the technician to: an Okta org's or a Microsoft console's. */
function isConsoleHost(hostname: string): boolean {
  // Any org on Okta's own service domains (not the bare domain: that is Okta's website).
  return MICROSOFT_CONSOLE_HOSTS.includes(hostname) || OKTA_SERVICE_DOMAINS.some((d) => hostname.endsWith(`.${d}`));
}

/**
 * Vets a link before main hands it to the operating system, which would open anything it has a
 * handler for (`file:`, `smb:`, custom schemes that run programs). Only https to an allow-listed
 * host, without credentials or an explicit port, within 8 KiB.
 *
 * Answers the URL as parsed (`href`), so the browser gets exactly the string that was judged,
 * or why the link was refused, in words for the technician.
 */
export function checkConsoleLink(link: string): Result<string, string> {
  const refuse = (why: string): Result<string, string> => ({
    ok: false,
    error: `This link was not opened: ${why}. Only https links to the Okta and Microsoft admin consoles are opened.`,
  });
  if (link.length > MAX_LINK_LENGTH) return refuse(`it is longer than ${String(MAX_LINK_LENGTH / 1024)} KiB`);
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return refuse('it is not a web address');
  }
  if (url.protocol !== 'https:') return refuse(`it is a ${url.protocol} link`);
  if (url.username !== '' || url.password !== '') return refuse('it carries a user name or password');
  // URL clears the port when it is https's own (443); any other is no console of these hosts.
  if (url.port !== '') return refuse('it names a port');
  if (!isConsoleHost(url.hostname)) return refuse(`${url.hostname} is not an Okta or Microsoft admin console`);
  // Parsing can lengthen a link (escaping); the limit holds for what is actually opened.
  if (url.href.length > MAX_LINK_LENGTH) return refuse(`it is longer than ${String(MAX_LINK_LENGTH / 1024)} KiB`);
  return { ok: true, value: url.href };
}
