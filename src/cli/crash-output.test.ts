import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/*
 * The built CLI's crash path, for real: a preloaded module makes the process crash while the
 * CLI runs, and what reaches stderr is the CLI's masked report, not Node's raw one. (The crash
 * comes half a second in: the CLI's handlers are installed once its module has loaded.)
 */

const CLI = resolve(import.meta.dirname, '../../out/cli/signin-triage.js');
const TOKEN = '00abcdefghijklmnopqrstuvwxyz0123456789AB';

async function crashWith(code: string): Promise<{ exit: number; stderr: string }> {
  const preload = `data:text/javascript,${encodeURIComponent(code)}`;
  // The secret comes from the environment: in the preload's source it would be in the stack too.
  const options = { timeout: 30_000, env: { ...process.env, CRASH_TOKEN: TOKEN } };
  try {
    const { stderr } = await promisify(execFile)(process.execPath, ['--import', preload, CLI, 'demo', 'list'], options);
    return { exit: 0, stderr };
  } catch (error: unknown) {
    const e = error as { code?: unknown; stderr: string };
    if (typeof e.code !== 'number') throw error;
    return { exit: e.code, stderr: e.stderr };
  }
}

describe('the built CLI when it crashes', () => {
  it('reports an uncaught exception masked, without Node’s raw report, and exits 1', async () => {
    const { exit, stderr } = await crashWith(
      `setTimeout(() => { throw new Error('upstream echoed Authorization: SSWS ' + process.env.CRASH_TOKEN); }, 500);`,
    );
    expect(exit).toBe(1);
    expect(stderr).toMatch(
      /^signin-triage: \[crash\] uncaught exception: Error: upstream echoed Authorization: SSWS \[redacted\]/,
    );
    expect(stderr).not.toContain(TOKEN);
    expect(stderr).not.toContain('Node.js v');
  });

  it('reports an unhandled rejection masked and goes on', async () => {
    const { exit, stderr } = await crashWith(
      `setTimeout(() => { void Promise.reject(new Error('client_secret=' + process.env.CRASH_TOKEN)); }, 500);`,
    );
    expect(stderr).toMatch(/signin-triage: \[crash\] unhandled rejection: Error: client_secret=\[redacted\]/);
    expect(stderr).not.toContain(TOKEN);
    // `demo list` still finished: the rejection was one failed operation, not the process.
    expect(exit).toBe(0);
  });
});
