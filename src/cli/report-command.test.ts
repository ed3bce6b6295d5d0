import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SecretStore } from '../core/ports/secret-store';
import type { Diagnosis, Finding } from '../core/diagnosis/model';
import type { VerdictCode } from '../core/diagnosis/verdicts';
import { escapeHtml, REPORT_FORMATS } from '../core/report';
import type { ReportFormat } from '../core/report';
import { healthyBundle } from '../core/test-support/fixtures';
import { listDemoUsers } from '../main/demo-tenant/demo-users';
import { PRODUCT_VERSION } from '../main/product';
import { normaliseSpace, pdfText, savePdfFirstPage, withoutSpace } from '../main/test-support/poppler';
import { INCIDENT_ID_PATTERN } from '../shared/ipc/incident-id';
import { runDemo } from './demo-commands';
import { runDiagnose } from './diagnose-command';
import { DEMO_TENANT_NAME, REPORT_EXIT } from './report-command';
import { EXIT, runCli } from './run-cli';

/*
 * `signin-triage report`, run in-process through runCli as the command line would: the real demo
 * tenant, the real report model and renderers, the real Chromium for PDF, and poppler to read the
 * PDF back. Page 1 of each PDF is saved under test-results/reports/ to look at.
 */

const dir = mkdtempSync(join(tmpdir(), 'report-cli-'));
const SHOTS = resolve(import.meta.dirname, '../../test-results/reports');
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const unusedStore: SecretStore = {
  set: () => Promise.reject(new Error('unused')),
  read: () => Promise.reject(new Error('unused')),
  delete: () => Promise.reject(new Error('unused')),
  probe: () => Promise.reject(new Error('unused')),
};

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

/** Runs `signin-triage report …` and answers with its exit code and output. */
async function report(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const c = capture();
  const code = await runCli(['report', ...args], { io: c.io, secrets: unusedStore });
  return { code, out: c.out.join(''), err: c.err.join('') };
}

/** The demo user whose scenario is written to produce `code`. */
function demoUserFor(code: VerdictCode): string {
  const user = listDemoUsers().find((u) => u.expectedVerdict === code);
  if (user === undefined) throw new Error(`no demo user for ${code}`);
  return user.upn;
}

/** A demo user's bundle through `demo bundle`, as a technician would save one. */
async function demoBundle(upn: string): Promise<Record<string, unknown>> {
  const c = capture();
  expect(await runDemo(['bundle', upn], c.io)).toBe(0);
  return JSON.parse(c.out.join('')) as Record<string, unknown>;
}

/** A user's diagnosis through `diagnose --demo --json`: what every format must show. */
async function diagnosisOf(upn: string): Promise<Diagnosis> {
  const c = capture();
  expect(await runDiagnose([upn, '--demo', '--json'], c.io, false)).toBe(0);
  return JSON.parse(c.out.join('')) as Diagnosis;
}

const IPV4 = /(?<![\w./-])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])/;

describe.each([
  ['LEGACY_AUTH_BLOCKED', 'legacy-auth'],
  ['IMMUTABLEID_MISMATCH', 'immutableid'],
  ['DEVICE_CODE_BLOCKED_BY_POLICY', 'device-code'],
] as const)('report --demo for the %s user', (code, slug) => {
  const upn = demoUserFor(code);
  let primary: Finding;
  beforeAll(async () => {
    const diagnosis = await diagnosisOf(upn);
    if (diagnosis.primary === null) throw new Error(`${upn}: no verdict`);
    primary = diagnosis.primary;
    expect(primary.code).toBe(code);
    expect(primary.evidence.length).toBeGreaterThan(0);
    expect(primary.remediation.length).toBeGreaterThan(0);
  });

  it.each(REPORT_FORMATS)('writes %s with the verdict, its evidence and its fix', async (format: ReportFormat) => {
    const out = join(dir, slug, `report.${format}`);
    const result = await report('--demo', upn, '--format', format, '--out', out);
    expect(result.err).toBe('');
    expect(result.code).toBe(REPORT_EXIT.ok);
    expect(result.out).toBe(`${out}\n`);
    // Reports hold identities and logs: readable by the technician only.
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, slug)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const ids = primary.evidence.map((e) => e.id);
    const titles = primary.remediation.map((r) => r.title);

    if (format === 'pdf') {
      expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = pdfText(out);
      const flat = normaliseSpace(text);
      expect(flat).toContain(code);
      // Long ids wrap wherever the column ends: compare them with all white space removed.
      for (const id of ids) expect(withoutSpace(text), `evidence ${id}`).toContain(withoutSpace(id));
      for (const title of titles) expect(flat, `fix step "${title}"`).toContain(normaliseSpace(title));
      expect(flat).toContain(upn);
      expect(flat).toContain(DEMO_TENANT_NAME);
      savePdfFirstPage(out, join(SHOTS, `${slug}.png`));
      expect(statSync(join(SHOTS, `${slug}.png`)).size).toBeGreaterThan(1000);
      return;
    }
    const text = readFileSync(out, 'utf8');
    expect(text).toContain(code);
    for (const id of ids) expect(text, `evidence ${id}`).toContain(id);
    if (format === 'json') {
      const doc = JSON.parse(text) as {
        format: string;
        incidentId: string;
        tenantName: string;
        appVersion: string;
        status: string;
        verdict: { code: string } | null;
        evidence: { recordId: string }[];
        checklist: { title: string; done: boolean }[];
        redaction: { level: string };
        bundle: { subject: { upn: string } } | null;
      };
      expect(doc.format).toBe('signin-triage.report/v1');
      expect(doc.incidentId).toMatch(INCIDENT_ID_PATTERN);
      expect(doc.tenantName).toBe(DEMO_TENANT_NAME);
      expect(doc.appVersion).toBe(PRODUCT_VERSION);
      expect(doc.status).toBe('draft');
      expect(doc.verdict?.code).toBe(code);
      expect(doc.evidence.map((e) => e.recordId)).toEqual(ids);
      expect(doc.checklist.map((s) => s.title)).toEqual(titles);
      expect(doc.checklist.every((s) => !s.done)).toBe(true);
      expect(doc.redaction.level).toBe('internal');
      expect(doc.bundle?.subject.upn).toBe(upn);
    } else if (format === 'html') {
      expect(text).toMatch(/^<!doctype html>/i);
      for (const title of titles) expect(text, `fix step "${title}"`).toContain(escapeHtml(title));
    }
  });
});

describe('report --bundle', () => {
  it('reports on a saved bundle, names the tenant by its Okta org, and writes into a folder under the report’s name', async () => {
    const file = join(dir, 'healthy.json');
    writeFileSync(file, JSON.stringify(healthyBundle(undefined, 'outlook-desktop')));
    const folder = join(dir, 'into-folder');
    mkdirSync(folder);
    const result = await report('--bundle', file, '--format', 'json', '--out', folder);
    expect(result.err).toBe('');
    expect(result.code).toBe(REPORT_EXIT.ok);
    const written = result.out.trim();
    expect(readdirSync(folder)).toEqual([written.slice(folder.length + 1)]);
    expect(written.slice(folder.length + 1)).toMatch(
      /^signin-triage-\d{8}-\d{4}-jdoe-contoso\.com-NO_FAILURE_FOUND\.json$/,
    );
    expect(written.startsWith(`${folder}/`)).toBe(true);
    const doc = JSON.parse(readFileSync(written, 'utf8')) as { tenantName: string; verdict: { code: string } };
    expect(doc.tenantName).toBe('contoso.okta.com');
    expect(doc.verdict.code).toBe('NO_FAILURE_FOUND');
    // A folder that does not exist yet, said with a trailing slash, is made.
    const fresh = `${join(dir, 'new-folder')}/`;
    const second = await report('--bundle', file, '--format', 'md', '--out', fresh);
    expect(second.code).toBe(REPORT_EXIT.ok);
    expect(second.out.startsWith(fresh)).toBe(true);
    expect(second.out.trim().endsWith('.md')).toBe(true);
  });

  it('refuses an invalid bundle and says what is wrong with it', async () => {
    const bundle = JSON.parse(JSON.stringify(healthyBundle())) as { okta: { logEvents: { published: string }[] } };
    bundle.okta.logEvents[0]!.published = 'last tuesday';
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(bundle));
    const result = await report('--bundle', bad, '--format', 'html', '--out', join(dir, 'bad.html'));
    expect(result.code).toBe(REPORT_EXIT.usage);
    expect(result.err).toContain(`${bad}: Not a valid evidence bundle`);
    expect(result.err).toContain('okta.logEvents[0].published');
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{ "format": ');
    expect((await report('--bundle', notJson, '--format', 'md', '--out', join(dir, 'x.md'))).err).toMatch(/not JSON/);
    const missing = await report('--bundle', join(dir, 'nope.json'), '--format', 'md', '--out', join(dir, 'x.md'));
    expect(missing.code).toBe(REPORT_EXIT.usage);
    expect(missing.err).toMatch(/Cannot read .*nope\.json/);
    expect(readdirSync(dir).filter((f) => /^(bad\.html|x\.md)/.test(f))).toEqual([]);
  });
});

describe('report refuses a wrong command line', () => {
  const bundle = join(dir, 'usage.json');
  beforeAll(() => {
    writeFileSync(bundle, JSON.stringify(healthyBundle()));
  });
  const out = join(dir, 'usage-out.md');

  it.each([
    [['--bundle', 'B', '--out', 'O'], /Say which format: --format pdf\|html\|md\|json\|ticket/],
    [['--bundle', 'B', '--format', 'docx', '--out', 'O'], /Unknown format "docx"; one of: pdf, html, md, json, ticket/],
    [
      ['--bundle', 'B', '--format', 'md', '--redact', 'vendor', '--out', 'O'],
      /Unknown redaction level "vendor"; one of: none, internal, external/,
    ],
    [['--bundle', 'B', '--format', 'md'], /--out is required/],
    [['--format', 'md', '--out', 'O'], /Say what to report on: --bundle FILE .* or --demo UPN/],
    [['--bundle', 'B', '--demo', 'kenji.watanabe@contoso.com', '--format', 'md', '--out', 'O'], /Choose one/],
    [['--bundle', 'B', '--format', 'md', '--symptom', 'browser', '--out', 'O'], /--symptom goes with --demo/],
    [['kenji.watanabe@contoso.com', '--format', 'md', '--out', 'O'], /the user goes after --demo/],
    [['--bundle', 'B', '--format', 'md', '--out', 'O', '--json'], /Unknown option --json/],
    [['--bundle', 'B', '--format'], /--format needs a value/],
    [['--demo', 'not-a-upn', '--format', 'md', '--out', 'O'], /not a user principal name/],
    [
      ['--demo', 'kenji.watanabe@contoso.com', '--symptom', 'fax', '--format', 'md', '--out', 'O'],
      /Unknown symptom "fax"/,
    ],
  ])('exits 2 for %j', async (args, message) => {
    const result = await report(...args.map((a) => (a === 'B' ? bundle : a === 'O' ? out : a)));
    expect(result.code).toBe(REPORT_EXIT.usage);
    expect(result.code).toBe(EXIT.usage);
    expect(result.err).toMatch(message);
    expect(result.out).toBe('');
  });

  it('exits 1 when there is no Chromium for a PDF, before collecting, and says how to get one', async () => {
    vi.stubEnv('CHROMIUM_PATH', join(dir, 'no-chromium'));
    const result = await report('--demo', 'kenji.watanabe@contoso.com', '--format', 'pdf', '--out', join(dir, 'x.pdf'));
    expect(result.code).toBe(REPORT_EXIT.failed);
    expect(result.err).toContain(`CHROMIUM_PATH is ${join(dir, 'no-chromium')}, which is not an executable`);
  });

  it('exits 1 when the report cannot be written', async () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, '');
    const result = await report('--bundle', bundle, '--format', 'md', '--out', join(blocker, 'report.md'));
    expect(result.code).toBe(REPORT_EXIT.failed);
    // The file-system code says what is wrong; Node's own message would repeat the whole path.
    expect(result.err).toMatch(/^Cannot write .*a-file\/report\.md \([A-Z]+\)\.\n$/);
  });
});

describe('report with hostile strings in the evidence', () => {
  const SCRIPT = '<script>alert(1)</script>';
  const IMG = '<img src=x onerror=alert(1)>';
  const RLO = '\u202E';
  let bundleFile: string;

  beforeAll(async () => {
    // The legacy-auth user: its verdict quotes Okta's outcome reasons and the rule's name.
    const bundle = (await demoBundle(demoUserFor('LEGACY_AUTH_BLOCKED'))) as {
      okta: {
        user?: { profile?: Record<string, unknown> } | null;
        logEvents: {
          outcome?: { reason?: string | null } | null;
          client?: { userAgent?: { rawUserAgent?: string | null } | null } | null;
          actor?: { displayName?: string | null } | null;
          target?: { displayName?: string | null }[] | null;
        }[];
      };
      graph?: {
        user?: { displayName?: string } | null;
        signIns?: { userAgent?: string; userDisplayName?: string; status?: { failureReason?: string } | null }[];
      };
    };
    for (const event of bundle.okta.logEvents) {
      if (event.outcome) event.outcome.reason = `${SCRIPT} ${RLO}exe.gnp ${event.outcome.reason ?? 'denied'}`;
      if (event.client?.userAgent?.rawUserAgent)
        event.client.userAgent.rawUserAgent = `${event.client.userAgent.rawUserAgent} ${IMG}`;
      if (event.actor) event.actor.displayName = `${IMG}${RLO}Mallory`;
      for (const target of event.target ?? []) target.displayName = `${target.displayName ?? ''} ${IMG} ${RLO}`;
    }
    if (bundle.okta.user?.profile) bundle.okta.user.profile.displayName = `${SCRIPT}${RLO}Scanner`;
    if (bundle.graph?.user) bundle.graph.user.displayName = `${SCRIPT}${RLO}Scanner`;
    for (const signIn of bundle.graph?.signIns ?? []) {
      signIn.userAgent = `${signIn.userAgent ?? ''} ${IMG}`;
      signIn.userDisplayName = `${SCRIPT}${RLO}Scanner`;
      if (signIn.status) signIn.status.failureReason = `${SCRIPT} ${signIn.status.failureReason ?? ''}`;
    }
    bundleFile = join(dir, 'hostile.json');
    writeFileSync(bundleFile, JSON.stringify(bundle));
  });

  async function written(format: ReportFormat): Promise<string> {
    const out = join(dir, `hostile.${format}`);
    const result = await report('--bundle', bundleFile, '--format', format, '--out', out, '--redact', 'none');
    expect(result.err).toBe('');
    expect(result.code).toBe(REPORT_EXIT.ok);
    return out;
  }

  it('HTML holds no tag from the data and no bidi override', async () => {
    const html = readFileSync(await written('html'), 'utf8');
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain(RLO);
    // The strings are there, as text.
    expect(html).toContain(escapeHtml(SCRIPT));
    expect(html).toContain(escapeHtml(IMG));
  });

  it('the PDF shows the strings as literal text', async () => {
    const out = await written('pdf');
    const text = pdfText(out);
    const flat = normaliseSpace(text);
    // A table cell breaks lines where it must, even inside the string: compare without white space.
    expect(withoutSpace(text)).toContain(withoutSpace(SCRIPT));
    expect(withoutSpace(text)).toContain(withoutSpace(IMG));
    expect(text).not.toContain(RLO);
    expect(flat).toContain('LEGACY_AUTH_BLOCKED');
    savePdfFirstPage(out, join(SHOTS, 'hostile-strings.png'));
  });

  it('Markdown holds no raw tag and no bidi override', async () => {
    const md = readFileSync(await written('md'), 'utf8');
    expect(md).not.toMatch(/<img/i);
    expect(md).not.toMatch(/<script/i);
    expect(md).not.toContain(RLO);
    expect(md).toContain('alert(1)');
  });

  it('the ticket and JSON carry no bidi override', async () => {
    expect(readFileSync(await written('ticket'), 'utf8')).not.toContain(RLO);
    const json = readFileSync(await written('json'), 'utf8');
    expect(json).not.toContain(RLO);
    expect(() => JSON.parse(json) as unknown).not.toThrow();
  });
});

describe('report --redact external', () => {
  it('leaves no IPv4 address in the JSON and Markdown of a demo user (they are there at none)', async () => {
    const upn = demoUserFor('LEGACY_AUTH_BLOCKED');
    const texts: Record<string, string> = {};
    for (const level of ['none', 'external'] as const) {
      for (const format of ['json', 'md'] as const) {
        const out = join(dir, `redact-${level}.${format}`);
        const result = await report('--demo', upn, '--format', format, '--redact', level, '--out', out);
        expect(result.code).toBe(REPORT_EXIT.ok);
        texts[`${level}.${format}`] = readFileSync(out, 'utf8');
      }
    }
    expect(texts['none.json']).toMatch(IPV4);
    expect(texts['external.json']).not.toMatch(IPV4);
    expect(texts['external.md']).not.toMatch(IPV4);
    expect(texts['external.md']).toContain(upn);
  });

  it('leaves no other demo user in the JSON and Markdown (they are there at none)', async () => {
    const upn = demoUserFor('LEGACY_AUTH_BLOCKED');
    const others = listDemoUsers()
      .map((u) => u.upn)
      .filter((u) => u !== upn);
    // Other people in the records: a reason naming a colleague, an actor who is someone else.
    const bundle = (await demoBundle(upn)) as {
      okta: { logEvents: { outcome?: { reason?: string | null } | null; actor?: { displayName?: string } | null }[] };
    };
    bundle.okta.logEvents.forEach((event, i) => {
      const other = others[i % others.length]!;
      if (event.outcome) event.outcome.reason = `${event.outcome.reason ?? 'denied'} (reported by ${other})`;
      if (event.actor) event.actor.displayName = `Helper <${others[(i + 1) % others.length]!}>`;
    });
    const file = join(dir, 'others.json');
    writeFileSync(file, JSON.stringify(bundle));
    for (const format of ['json', 'md'] as const) {
      const none = join(dir, `others-none.${format}`);
      expect((await report('--bundle', file, '--format', format, '--redact', 'none', '--out', none)).code).toBe(0);
      expect(
        others.some((o) => readFileSync(none, 'utf8').includes(o)),
        `${format} at none names another user`,
      ).toBe(true);
      const external = join(dir, `others-external.${format}`);
      expect((await report('--bundle', file, '--format', format, '--redact', 'external', '--out', external)).code).toBe(
        0,
      );
      const text = readFileSync(external, 'utf8');
      for (const other of others) expect(text, `${format} names ${other}`).not.toContain(other);
      expect(text).not.toMatch(IPV4);
      expect(text).toContain(upn);
    }
  });
});
