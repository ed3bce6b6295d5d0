import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnosis } from '../core/diagnosis/model';
import { healthyBundle } from '../core/test-support/fixtures';
import { DIAGNOSE_EXIT, runDiagnose } from './diagnose-command';

const dir = mkdtempSync(join(tmpdir(), 'diagnose-cli-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('signin-triage diagnose --bundle', () => {
  it('re-diagnoses a saved bundle, as text and as JSON', async () => {
    const file = join(dir, 'ok.json');
    writeFileSync(file, JSON.stringify(healthyBundle(undefined, 'outlook-desktop')));
    const text = capture();
    expect(await runDiagnose(['--bundle', file], text.io, false)).toBe(DIAGNOSE_EXIT.ok);
    expect(text.out.join('')).toContain('VERDICT  NO_FAILURE_FOUND');
    const json = capture();
    expect(await runDiagnose(['--bundle', file, '--json'], json.io, false)).toBe(DIAGNOSE_EXIT.ok);
    expect((JSON.parse(json.out.join('')) as Diagnosis).format).toBe('signin-triage.diagnosis/v1');
  });

  it('rejects a malformed bundle with exit 2 and a message naming the field', async () => {
    const bundle = JSON.parse(JSON.stringify(healthyBundle())) as { okta: { logEvents: { published: string }[] } };
    bundle.okta.logEvents[0]!.published = 'last tuesday';
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bundle));
    const c = capture();
    expect(await runDiagnose(['--bundle', file], c.io, false)).toBe(DIAGNOSE_EXIT.usage);
    expect(c.err.join('')).toContain('okta.logEvents[0].published');
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{ "format": ');
    const d = capture();
    expect(await runDiagnose(['--bundle', notJson], d.io, false)).toBe(DIAGNOSE_EXIT.usage);
    expect(d.err.join('')).toMatch(/not JSON/);
    const missing = capture();
    expect(await runDiagnose(['--bundle', join(dir, 'nope.json')], missing.io, false)).toBe(DIAGNOSE_EXIT.usage);
  });
});

describe('signin-triage diagnose --demo', () => {
  it('collects from the demo tenant, prints the diagnosis document and saves the bundle privately', async () => {
    const save = join(dir, 'kenji.json');
    const c = capture();
    const code = await runDiagnose(
      ['kenji.watanabe@contoso.com', '--demo', '--json', '--save-bundle', save],
      c.io,
      false,
    );
    expect(code).toBe(DIAGNOSE_EXIT.ok);
    expect((JSON.parse(c.out.join('')) as Diagnosis).primary?.code).toBe('IMMUTABLEID_MISMATCH');
    expect(c.err).toEqual([]); // no progress lines when stderr is not a terminal
    expect(statSync(save).mode & 0o777).toBe(0o600);
    expect((JSON.parse(readFileSync(save, 'utf8')) as { format: string }).format).toBe('signin-triage.evidence/v1');
  });

  it('prints progress on stderr when it is a terminal', async () => {
    const c = capture();
    expect(await runDiagnose(['michael.chen@contoso.com', '--demo'], c.io, true)).toBe(DIAGNOSE_EXIT.ok);
    expect(c.err.join('')).toMatch(/\[okta\.logEvents\] started/);
    expect(c.err.join('')).toMatch(/\[graph\.signIns\] done/);
    expect(c.out.join('')).toContain('VERDICT  NO_FAILURE_FOUND');
  });

  it.each([
    [['jane@contoso.com'], /--demo/],
    [['not-a-upn', '--demo'], /not a user principal name/],
    [['jane@contoso.com', '--demo', '--symptom', 'fax'], /Unknown symptom/],
    [['jane@contoso.com', '--demo', '--since'], /needs a value/],
    [['jane@contoso.com', '--demo', '--colour'], /Unknown option/],
    [['jane@contoso.com', '--profile', 'prod', '--demo'], /Choose one/],
    [['a@contoso.com', 'b@contoso.com', '--demo'], /exactly one/],
  ])('exits 2 for %j', async (args, message) => {
    const c = capture();
    expect(await runDiagnose(args, c.io, false)).toBe(DIAGNOSE_EXIT.usage);
    expect(c.err.join('')).toMatch(message);
  });
});

describe('signin-triage diagnose --profile and preflight', () => {
  it('says so for a profile that does not exist', async () => {
    const { ProfileStore } = await import('../main/profiles/profile-store');
    const store = new ProfileStore(join(dir, 'profiles.json'), {
      set: () => Promise.resolve(),
      read: () => Promise.resolve(null),
      delete: () => Promise.resolve(false),
      probe: () => Promise.reject(new Error('unused')),
    });
    const c = capture();
    expect(await runDiagnose(['jane@contoso.com', '--profile', 'prod'], c.io, false, store)).toBe(DIAGNOSE_EXIT.usage);
    expect(c.err.join('')).toMatch(/No tenant profile "prod"/);
  });

  it('runs the pre-flight against the demo tenant and passes', async () => {
    const { runPreflightCommand } = await import('./preflight-command');
    const { ProfileStore } = await import('../main/profiles/profile-store');
    const store = new ProfileStore(join(dir, 'profiles-2.json'), {
      set: () => Promise.resolve(),
      read: () => Promise.resolve(null),
      delete: () => Promise.resolve(false),
      probe: () => Promise.reject(new Error('unused')),
    });
    const c = capture();
    expect(await runPreflightCommand(['--demo'], c.io, store)).toBe(0);
    expect(c.out.join('')).toMatch(/\[ok {2}\] Okta: read the System Log/);
    expect(c.out.join('')).toContain('All checks passed.');
  });
});
