import { describe, expect, it } from 'vitest';
import { diagnose } from '../core/diagnosis/diagnose';
import { parseEvidenceBundleJson } from '../core/evidence/bundle';
import { VERDICT_CODES } from '../core/diagnosis/verdicts';
import { runDemo } from './demo-commands';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('signin-triage demo', () => {
  it('lists every demo user with the verdict code the self-check expects', async () => {
    const c = capture();
    expect(await runDemo(['list', '--json'], c.io)).toBe(0);
    const users = JSON.parse(c.out.join('')) as { upn: string; code: string }[];
    expect(users.length).toBeGreaterThan(30);
    for (const u of users) expect(VERDICT_CODES).toContain(u.code);
    expect(new Set(users.map((u) => u.upn)).size).toBe(users.length);
  });

  it('writes a demo user’s evidence bundle that validates and diagnoses to the listed verdict', async () => {
    const listed = capture();
    await runDemo(['list', '--json'], listed.io);
    const user = (JSON.parse(listed.out.join('')) as { upn: string; code: string }[]).find(
      (u) => u.code === 'IMMUTABLEID_MISMATCH',
    );
    if (user === undefined) throw new Error('no such demo user');
    const c = capture();
    expect(await runDemo(['bundle', user.upn, '--hours', '24'], c.io)).toBe(0);
    const parsed = parseEvidenceBundleJson(c.out.join(''));
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(diagnose(parsed.value).primary?.code).toBe(user.code);
  });

  it('refuses an unknown user, a bad window and an unknown subcommand with exit 2', async () => {
    for (const args of [
      ['bundle', 'nobody@contoso.com'],
      ['bundle', 'michael.chen@contoso.com', '--hours', 'ten'],
      ['frob'],
    ]) {
      const c = capture();
      expect(await runDemo(args, c.io), args.join(' ')).toBe(2);
      expect(c.err.join('')).not.toBe('');
    }
  });
});
