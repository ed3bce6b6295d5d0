import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnosis/diagnose';
import { parseEvidenceBundle } from '../evidence/bundle';
import { maskIpAddresses } from '../redaction/ip-addresses';
import { CERT_CURRENT } from '../test-support/certificates';
import { UPN } from '../test-support/fixtures';
import { buildReport } from './build-report';
import { renderHtml } from './render-html';
import { renderJson } from './render-json';
import { renderMarkdown } from './render-markdown';
import { renderTicket } from './render-ticket';
import { incidentInput, REALISTIC_NOTES, realisticBundle, SENSITIVE } from './report-fixtures';
import type { ExportRedactionLevel } from './report-types';
import { EXPORT_REDACTION_LEVELS } from './report-types';

/*
 * The realistic incident (other users in user agents, actors, policy names, reasons and notes;
 * IPv4, IPv6 and mapped addresses; an Entra device id, a device name, an Okta device id and a
 * MAC; the tenant id; an API token and a JWT) through the real engine, then every format.
 */

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const input = deepFreeze(incidentInput(realisticBundle(), { notes: REALISTIC_NOTES, done: [0] }));
const before = JSON.stringify(input);

function render(level: ExportRedactionLevel) {
  const report = buildReport(input, level);
  return {
    report,
    outputs: {
      html: renderHtml(report),
      md: renderMarkdown(report),
      ticket: renderTicket(report),
      json: renderJson(report),
    },
  };
}

const FORMATS = ['html', 'md', 'ticket', 'json'] as const;

describe('the realistic incident', () => {
  it('holds everything an external report must hide, before redaction', () => {
    for (const value of [
      ...SENSITIVE.otherUsers,
      ...SENSITIVE.names,
      ...SENSITIVE.ips,
      ...SENSITIVE.deviceIds,
      ...SENSITIVE.tenantIds,
      ...SENSITIVE.secrets,
    ]) {
      expect(before).toContain(value);
    }
    expect(input.diagnosis.primary?.code).toBe('ENTRA_CA_BLOCKED');
  });
});

describe.each(FORMATS)('an external report as %s', (format) => {
  const { outputs } = render('external');
  const out = outputs[format];

  it('shows no e-mail-like identity but the subject’s', () => {
    const identities = out.match(/[\w.%+'-]+@[\w-]+(?:\.[\w-]+)+/g) ?? [];
    expect(identities.length).toBeGreaterThan(0);
    for (const identity of identities) expect(identity.toLowerCase()).toBe(UPN);
    for (const user of SENSITIVE.otherUsers) expect(out.toLowerCase()).not.toContain(user);
    for (const name of SENSITIVE.names) expect(out).not.toContain(name);
    expect(out).toContain('[other user 1]'.replace(/[[\]]/g, (c) => (format === 'md' ? `\\${c}` : c)));
  });

  it('shows no IP address', () => {
    for (const ip of SENSITIVE.ips) expect(out).not.toContain(ip);
    // The redaction's own detector finds nothing left to mask.
    expect(maskIpAddresses(out, () => '[IP address]')).toBe(out);
  });

  it('shows no device id, device name or tenant id', () => {
    for (const value of [...SENSITIVE.deviceIds, ...SENSITIVE.tenantIds]) {
      expect(out.toLowerCase()).not.toContain(value.toLowerCase());
    }
  });

  it('shows no secret', () => {
    for (const secret of SENSITIVE.secrets) expect(out).not.toContain(secret);
    expect(out).not.toContain('eyJ');
  });

  it('keeps the subject, the verdict code and the record ids', () => {
    expect(out).toContain(UPN);
    expect(out).toContain('ENTRA_CA_BLOCKED');
    for (const e of input.diagnosis.primary?.evidence ?? []) expect(out).toContain(e.id);
  });
});

describe('the external report model', () => {
  const { report } = render('external');

  it('counts each hidden value once across the diagnosis, the notes and the bundle', () => {
    expect(report.redaction.counts).toEqual({
      otherUsers: SENSITIVE.otherUsers.length,
      ipAddresses: SENSITIVE.ips.length,
      deviceIds: SENSITIVE.deviceIds.length,
      tenantIds: 1,
      // The API token in the gap (in the diagnosis and in the bundle) and the JWT in the notes.
      tokens: 3,
    });
    expect(report.redaction.hidden.map((k) => [k.kind, k.count])).toEqual([
      ['otherUsers', 5],
      ['ipAddresses', 6],
      ['deviceIds', 5],
      ['tenantIds', 1],
      ['tokens', 3],
    ]);
  });

  it('gives a person one placeholder in the verdict, the notes and the bundle', () => {
    expect(report.verdict?.summary).toContain('(owner: [other user 1])');
    expect(report.notes.split('\n')[0]).toBe(
      'Called Jane. Her manager [other user 1] says the scanner at [IP address] uses [other user 2].',
    );
    const signIn = report.bundle?.graph?.signIns?.find((s) => s.status?.errorCode === 53003);
    expect(JSON.stringify(signIn)).toContain('Block legacy auth (owner: [other user 1])');
  });

  it('masks the name beside a masked login in the bundle', () => {
    const unlock = report.bundle?.okta?.logEvents?.find((e) => e.eventType === 'user.account.unlock_by_admin');
    expect(unlock?.actor).toMatchObject({ alternateId: '[other user 4]', displayName: '[other user 4]' });
    expect(unlock?.actor?.id).toBe('00uAdmin0000000000x1');
  });

  it('keeps the subject’s own records readable', () => {
    expect(report.bundle?.okta?.user).toEqual(input.bundle?.okta?.user);
    const first = report.bundle?.okta?.logEvents?.[0];
    expect(first?.actor).toMatchObject({ alternateId: UPN, displayName: 'Jane Doe' });
  });

  it('drops the timeline’s addresses and says so', () => {
    expect(report.timeline.every((t) => t.ipAddress === null)).toBe(true);
    expect(renderHtml(report)).toContain('IP addresses are hidden at this redaction level.');
    expect(renderHtml(report)).not.toContain('<th>IP address</th>');
  });

  it('keeps the bundle a valid bundle that gives the same verdict, certificates included', () => {
    const parsed = parseEvidenceBundle(JSON.parse(JSON.stringify(report.bundle)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(diagnose(parsed.value).primary?.code).toBe('ENTRA_CA_BLOCKED');
    expect(JSON.stringify(parsed.value)).toContain(CERT_CURRENT);
  });

  it('leaves the input as it was', () => {
    expect(JSON.stringify(input)).toBe(before);
  });

  it('is deterministic', () => {
    expect(renderJson(buildReport(input, 'external'))).toBe(renderJson(report));
  });
});

describe.each(['none', 'internal'] as const)('a report at %s', (level) => {
  const { report, outputs } = render(level);

  it('says only secrets are ever removed', () => {
    expect(report.redaction.statement).toContain('only secrets and tokens are ever removed');
    expect(report.redaction.hidden.map((k) => k.kind)).toEqual(['tokens']);
    expect(report.redaction.counts).toEqual({ otherUsers: 0, ipAddresses: 0, deviceIds: 0, tenantIds: 0, tokens: 3 });
  });

  it.each(FORMATS)('keeps people, addresses and devices, and removes secrets, in %s', (format) => {
    const out = outputs[format];
    expect(out).toContain('dana.whitfield@contoso.com');
    expect(out).toContain('203.0.113.57');
    expect(out).toContain('DESKTOP-8F3K2L');
    for (const secret of SENSITIVE.secrets) expect(out).not.toContain(secret);
  });

  it('shows the timeline’s addresses', () => {
    expect(report.timeline.some((t) => t.ipAddress === '203.0.113.57')).toBe(true);
    expect(renderHtml(report)).toContain('<th>IP address</th>');
  });
});

describe('the levels', () => {
  it('are the three export levels; screen sharing is not one', () => {
    expect(EXPORT_REDACTION_LEVELS).toEqual(['none', 'internal', 'external']);
    expect(() => buildReport(input, 'screenShare' as ExportRedactionLevel)).toThrow(RangeError);
  });
});
