import { describe, expect, it } from 'vitest';
import { consoleLinks } from '../../core/diagnosis/console-links';
import { healthyBundle } from '../../core/test-support/fixtures';
import { MAX_LINK_LENGTH } from '../../shared/ipc/links';
import { checkConsoleLink } from './console-link-policy';

describe('checkConsoleLink', () => {
  it.each([
    'https://acme-admin.okta.com/report/system_log_2?search=actor.id+eq+%2200u1%22',
    'https://acme.oktapreview.com/',
    'https://acme-admin.okta-emea.com/',
    'https://acme-admin.okta-gov.com/',
    'https://acme-admin.okta.mil/',
    'https://acme-admin.trexcloud.com/',
    'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/SignInLogsList.ReactView',
    'https://portal.azure.com/#blade/Microsoft_AAD_IAM/ActiveDirectoryMenuBlade',
    'https://developer.microsoft.com/en-us/graph/graph-explorer?request=me&method=GET&version=v1.0',
    'https://ACME-admin.OKTA.com:443/x',
  ])('opens %s', (link) => {
    const checked = checkConsoleLink(link);
    expect(checked).toEqual({ ok: true, value: new URL(link).href });
  });

  it.each([
    ['http://acme-admin.okta.com/', /http: link/],
    ['file:///etc/passwd', /file: link/],
    ['javascript:alert(1)', /javascript: link/],
    ['ms-settings:privacy', /ms-settings: link/],
    ['https://okta.com/', /okta\.com is not an Okta or Microsoft admin console/],
    ['https://acme.okta.com.evil.example/', /is not an Okta or Microsoft admin console/],
    ['https://evilokta.com/', /is not an Okta or Microsoft admin console/],
    ['https://microsoft.com/', /is not an Okta or Microsoft admin console/],
    ['https://login.microsoftonline.com/', /is not an Okta or Microsoft admin console/],
    ['https://entra.microsoft.com.evil.example/', /is not an Okta or Microsoft admin console/],
    ['https://127.0.0.1:50123/report/system_log_2', /names a port/],
    ['https://admin:pw@acme-admin.okta.com/', /user name or password/],
    ['https://token@entra.microsoft.com/', /user name or password/],
    ['https://acme-admin.okta.com:8443/', /names a port/],
    ['not a link', /not a web address/],
    [`https://entra.microsoft.com/?q=${'a'.repeat(MAX_LINK_LENGTH)}`, /longer than 8 KiB/],
  ])('refuses %s', (link, why) => {
    const checked = checkConsoleLink(link);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.error).toMatch(why);
      expect(checked.error).toMatch(
        /^This link was not opened: .*Only https links to the Okta and Microsoft admin consoles are opened\.$/,
      );
    }
  });

  it('refuses a link that escaping makes longer than 8 KiB', () => {
    const link = `https://entra.microsoft.com/a${' '.repeat(MAX_LINK_LENGTH - 40)}b`;
    expect(link.length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
    expect(checkConsoleLink(link)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/longer than 8 KiB/) as unknown,
    });
  });

  it('opens every link the app builds for a cloud org, unchanged', () => {
    const links = consoleLinks(
      healthyBundle((b) => {
        b.subject = { ...b.subject, upn: `o'brien"x@contoso.com` };
      }),
    );
    for (const link of [links.okta.url ?? '', links.entra.url, links.graphExplorer.url]) {
      expect(checkConsoleLink(link)).toEqual({ ok: true, value: link });
    }
  });
});
