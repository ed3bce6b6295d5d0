import { describe, expect, it } from 'vitest';
import type { SecretStore } from '../core/ports/secret-store';
import { PRODUCT_VERSION } from '../main/product';
import { EXIT, runCli } from './run-cli';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

const unusedStore: SecretStore = {
  set: () => Promise.reject(new Error('unused')),
  read: () => Promise.reject(new Error('unused')),
  delete: () => Promise.reject(new Error('unused')),
  probe: () => Promise.reject(new Error('unused')),
};

describe('CLI', () => {
  it('prints the version', async () => {
    const c = capture();
    await expect(runCli(['--version'], { io: c.io, secrets: unusedStore })).resolves.toBe(EXIT.ok);
    expect(c.out.join('')).toBe(`Sign-in Triage ${PRODUCT_VERSION}\n`);
  });

  it('prints the usage of every command on --help, report included', async () => {
    const c = capture();
    await expect(runCli(['--help'], { io: c.io, secrets: unusedStore })).resolves.toBe(EXIT.ok);
    const usage = c.out.join('');
    for (const command of [
      'diagnose <upn> --demo',
      'report (--bundle FILE | --demo UPN) --format F',
      'preflight',
      'status',
      'demo list',
    ])
      expect(usage).toContain(`  ${command}`);
    expect(usage).toContain('1 a check found a problem or a report could not be written');
  });

  it('rejects an unknown command with usage and exit 2', async () => {
    const c = capture();
    await expect(runCli(['frobnicate'], { io: c.io, secrets: unusedStore })).resolves.toBe(EXIT.usage);
    expect(c.err.join('')).toContain('Unknown command: frobnicate');
    expect(c.err.join('')).toContain('Usage: signin-triage');
  });

  it('rejects an unknown option of status', async () => {
    const c = capture();
    await expect(runCli(['status', '--yaml'], { io: c.io, secrets: unusedStore })).resolves.toBe(EXIT.usage);
    expect(c.err.join('')).toContain('--yaml');
  });
});
