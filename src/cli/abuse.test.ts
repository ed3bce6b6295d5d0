import { execFile } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SecretStore } from '../core/ports/secret-store';
import { listDemoUsers } from '../main/demo-tenant/demo-users';
import {
  FORBIDDEN_IN_OUTPUT,
  HOSTILE_BUNDLE_EDITS,
  HOSTILE_NAME_UPNS,
  HOSTILE_SCENARIO_EDITS,
  HOSTILE_TEXT,
  longString,
  MALFORMED_JSON_FILES,
  MAX_ERROR_MESSAGE,
  ONE_MB,
  OVERSIZED_BUNDLE,
  OVERSIZED_SCENARIO,
  QUERY_INJECTION_UPNS,
} from '../main/test-support/hostile-inputs';
import type { HostileFile, HostileRow } from '../main/test-support/hostile-inputs';
import { runCli } from './run-cli';

/*
 * The abuse suite through the CLI: every row of src/main/test-support/hostile-inputs.ts that
 * enters through the command line, run in-process through runCli (the same code the built CLI
 * runs, with its terminal filter), and a few through the built CLI as a child process, for what
 * only a real process shows: the exit code, the bytes on stderr, no stack trace.
 */

const root = mkdtempSync(join(tmpdir(), 'cli-abuse-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const unusedStore: SecretStore = {
  set: () => Promise.reject(new Error('unused')),
  read: () => Promise.reject(new Error('unused')),
  delete: () => Promise.reject(new Error('unused')),
  probe: () => Promise.reject(new Error('unused')),
};

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the CLI in-process, as the command line would, and answers with its exit code and output. */
async function cli(...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    io: { out: (t) => out.push(t), err: (t) => err.push(t) },
    secrets: unusedStore,
  });
  return { code, out: out.join(''), err: err.join('') };
}

/**
 * A refusal: exit 2, nothing on stdout, a message on stderr that says what is wrong, inert, with
 * no line longer than {@link MAX_ERROR_MESSAGE} (some messages are followed by the usage text).
 */
function expectRefused(run: Run, message: RegExp, code = 2): void {
  expect(run.code, run.err.slice(0, 300)).toBe(code);
  expect(run.out).toBe('');
  expect(run.err).toMatch(message);
  for (const line of run.err.split('\n'))
    expect(line.length, 'the message is short, whatever the input').toBeLessThanOrEqual(MAX_ERROR_MESSAGE);
  expect(run.err).not.toMatch(FORBIDDEN_IN_OUTPUT);
  expect(run.err, 'no stack trace').not.toMatch(/\n\s+at /);
}

let fileCount = 0;

/** Writes a hostile file (or makes the folder, or nothing) and answers with its path. */
function place(file: HostileFile, ext = 'json'): string {
  const path = join(root, `hostile-${String(++fileCount)}.${ext}`);
  if (file.kind === 'text') writeFileSync(path, file.text);
  else if (file.kind === 'sparse') {
    writeFileSync(path, '');
    truncateSync(path, file.bytes);
  } else if (file.kind === 'folder') mkdirSync(path);
  return path;
}

/** A fresh empty folder for one test's reports. */
function folder(name: string): string {
  const path = join(root, `${name}-${String(++fileCount)}`);
  mkdirSync(path);
  return path;
}

const DEMO_UPNS = listDemoUsers().map((u) => u.upn.toLowerCase());

/** A valid demo bundle to edit, from `demo bundle` (parsed). */
let baseBundle: Record<string, unknown>;
/** The built-in scenario file's JSON, to edit. */
let baseScenario: Record<string, unknown>;
beforeAll(async () => {
  const run = await cli('demo', 'bundle', 'dmitri.volkov@contoso.com');
  expect(run.code).toBe(0);
  baseBundle = JSON.parse(run.out) as Record<string, unknown>;
  baseScenario = JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../../resources/demo/contoso.scenario.json'), 'utf8'),
  ) as Record<string, unknown>;
});

const cliRows = (rows: readonly HostileRow[]) => rows.filter((r) => r.ways.includes('cli'));

describe('UPN injection: diagnose <upn> --demo', () => {
  it.each(cliRows(QUERY_INJECTION_UPNS))('$name', async (row) => {
    const run = await cli('diagnose', row.value, '--demo', '--json');
    if (row.outcome.kind === 'refused') {
      expectRefused(run, row.outcome.message);
      return;
    }
    expect(run.code, run.err).toBe(0);
    const diagnosis = JSON.parse(run.out) as {
      subject: { upn: string };
      primary: { code: string } | null;
      timeline: unknown[];
      gaps: unknown[];
    };
    // The UPN went out and came back as the same literal, and matched nobody: no query was
    // malformed (a 400 would be a gap), and no other user's evidence leaked into the answer.
    expect(diagnosis.subject.upn).toBe(row.value);
    expect(diagnosis.primary?.code).toBe('OKTA_USER_NOT_FOUND');
    // The only gap allowed is Okta's own refusal of a keyword longer than 40 characters (the
    // System Log is searched by keyword for a login Okta does not know): a 400 that is honest.
    for (const gap of diagnosis.gaps as { source: string; reason: string }[]) {
      expect(gap.source).toBe('okta.logEvents');
      expect(gap.reason).toMatch(/longer than 40 characters/);
    }
    expect(diagnosis.timeline).toEqual([]);
    const lower = run.out.toLowerCase();
    for (const upn of DEMO_UPNS) expect(lower).not.toContain(`"${upn}"`);
  });
});

describe('hostile text on the command line is echoed short and inert', () => {
  const values = [...cliRows(HOSTILE_TEXT), { name: '1 MB argument', value: longString(ONE_MB) }];
  it.each(values)('$name: as a command, a --symptom, a --format, an option, a demo user', async ({ value }) => {
    const runs = [
      await cli(value),
      await cli('diagnose', 'jane@contoso.com', '--demo', '--symptom', value),
      await cli('report', '--demo', 'jane@contoso.com', '--format', value, '--out', root),
      await cli('diagnose', `--${value}`),
      await cli('demo', 'bundle', value),
    ];
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.out).toBe('');
      expect(run.err).not.toMatch(FORBIDDEN_IN_OUTPUT);
      expect(run.err, 'no stack trace').not.toMatch(/\n\s+at /);
      // The usage text follows some messages; the line that quotes the value is short.
      const first = run.err.split('\n')[0] ?? '';
      expect(first.length).toBeLessThanOrEqual(MAX_ERROR_MESSAGE);
    }
  });

  it('shows an invisible character as an escape, so the technician sees why a UPN was refused', async () => {
    const run = await cli('diagnose', 'michael.chen\u200b@contoso.com', '--demo');
    expect(run.err).toContain('"michael.chen\\u200b@contoso.com" is not a user principal name');
  });
});

describe('evidence bundles: diagnose --bundle and report --bundle', () => {
  const malformed = [...MALFORMED_JSON_FILES, OVERSIZED_BUNDLE];
  it.each(malformed)('$name', async (row) => {
    if (row.outcome.kind !== 'refused') throw new Error('a malformed file is refused');
    const file = place(row.file);
    const out = folder('reports');
    const diagnose = await cli('diagnose', '--bundle', file);
    const report = await cli('report', '--bundle', file, '--format', 'md', '--out', `${out}/`);
    for (const run of [diagnose, report]) {
      expectRefused(run, row.outcome.message);
      expect(run.err, 'the message names the file').toContain(file);
    }
    expect(readdirSync(out), 'no report was written').toEqual([]);
  });

  it.each(HOSTILE_BUNDLE_EDITS)('$name', async (row) => {
    const file = place({ kind: 'text', text: row.edit(baseBundle) });
    const out = folder('reports');
    const diagnose = await cli('diagnose', '--bundle', file, '--json');
    const report = await cli('report', '--bundle', file, '--format', 'html', '--out', `${out}/`);
    expect(({} as Record<string, unknown>).polluted, 'Object.prototype is untouched').toBeUndefined();
    if (row.outcome.kind === 'refused') {
      for (const run of [diagnose, report]) {
        expectRefused(run, row.outcome.message);
        expect(run.err).toContain(file);
      }
      expect(readdirSync(out)).toEqual([]);
      return;
    }
    expect(diagnose.code, diagnose.err).toBe(0);
    expect(report.code, report.err).toBe(0);
    expect(readdirSync(out)).toHaveLength(1);
    // The duplicate-key row: JSON.parse keeps the last "subject", the bundle's own.
    expect((JSON.parse(diagnose.out) as { subject: { upn: string } }).subject.upn).toBe('dmitri.volkov@contoso.com');
  });
});

describe('export names: report --bundle with a hostile user principal name, --out a folder', () => {
  it.each(HOSTILE_NAME_UPNS)('$name', async (row) => {
    const sandbox = folder('sandbox');
    const out = join(sandbox, 'out');
    mkdirSync(out);
    const bundle = join(sandbox, 'bundle.json');
    writeFileSync(
      bundle,
      JSON.stringify({ ...baseBundle, subject: { ...(baseBundle.subject as object), upn: row.value } }),
    );
    for (const format of ['md', 'json', 'ticket', 'html'] as const) {
      const run = await cli('report', '--bundle', bundle, '--format', format, '--out', out);
      expect(run.code, run.err).toBe(0);
      const written = run.out.trim();
      expect(written.startsWith(`${out}/`), written).toBe(true);
    }
    const names = readdirSync(out);
    expect(names).toHaveLength(4);
    for (const name of names) {
      expect(name).toMatch(/^signin-triage-[A-Za-z0-9._@-]+\.(md|json|txt|html)$/);
      expect(name).not.toContain('..');
      expect(name.length).toBeLessThanOrEqual(120);
    }
    // Nothing was written anywhere else in the sandbox (nor at the absolute paths the names aim at).
    expect(readdirSync(sandbox).sort()).toEqual(['bundle.json', 'out']);
    expect(existsSync('/etc/cron.d/evil@x.com')).toBe(false);
    expect(existsSync('/tmp/evil@x.com')).toBe(false);
  });
});

/**
 * Where `report --out` writes. The documented behaviour (README, `report` usage): a file named on
 * the command line is written there, replacing what was there; a folder gets the report under
 * its own name, never over an existing file.
 */
describe('report --out', () => {
  const write = (out: string) => cli('report', '--bundle', bundleFile(), '--format', 'md', '--out', out);
  let bundlePath: string | undefined;
  const bundleFile = (): string => (bundlePath ??= place({ kind: 'text', text: JSON.stringify(baseBundle) }));

  it('a folder: the report under its own name; a second in the same minute does not replace the first', async () => {
    const out = folder('out');
    const first = await write(out);
    const second = await write(`${out}/`);
    expect([first.code, second.code]).toEqual([0, 0]);
    const [a, b] = [first.out.trim(), second.out.trim()];
    expect(a).not.toBe(b);
    expect(b.replace(/-2\.md$/, '.md')).toBe(a);
    expect(readdirSync(out).sort()).toHaveLength(2);
  });

  it('a folder that does not exist yet, with a trailing slash: made, and the report named inside', async () => {
    const out = join(folder('parent'), 'new', 'deeper');
    const run = await write(`${out}/`);
    expect(run.code, run.err).toBe(0);
    expect(readdirSync(out)).toHaveLength(1);
  });

  it('an existing file: replaced, as documented; no temp file left behind', async () => {
    const out = folder('out');
    const file = join(out, 'mine.md');
    writeFileSync(file, 'old');
    const run = await write(file);
    expect(run.code, run.err).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('dmitri.volkov@contoso.com');
    expect(readdirSync(out)).toEqual(['mine.md']);
  });

  it('a symlink to a file elsewhere: the link is replaced, the file it pointed at is untouched', async () => {
    const out = folder('out');
    const elsewhere = join(folder('elsewhere'), 'precious.txt');
    writeFileSync(elsewhere, 'precious');
    const link = join(out, 'report.md');
    symlinkSync(elsewhere, link);
    const run = await write(link);
    expect(run.code, run.err).toBe(0);
    expect(readFileSync(elsewhere, 'utf8')).toBe('precious');
    expect(lstatSync(link).isSymbolicLink()).toBe(false);
  });

  it('a symlink to a folder: the folder the technician pointed at gets the named report', async () => {
    const target = folder('target');
    const link = join(folder('links'), 'to-target');
    symlinkSync(target, link);
    const run = await write(link);
    expect(run.code, run.err).toBe(0);
    expect(readdirSync(target)).toHaveLength(1);
  });

  it('a 1 MB path: exit 1 with a short message, nothing written', async () => {
    const run = await write(join(root, longString(ONE_MB)));
    expectRefused(run, /Cannot write .*more characters.*ENAMETOOLONG/, 1);
  });
});

describe('--scenario FILE', () => {
  const commands = (file: string): readonly (readonly string[])[] => [
    ['demo', 'list', '--scenario', file],
    ['demo', 'serve', '--scenario', file],
    ['demo', 'bundle', 'michael.chen@contoso.com', '--scenario', file],
    ['diagnose', 'michael.chen@contoso.com', '--demo', '--scenario', file],
    ['report', '--demo', 'michael.chen@contoso.com', '--scenario', file, '--format', 'md', '--out', `${root}/`],
  ];

  it.each([...MALFORMED_JSON_FILES, OVERSIZED_SCENARIO])('$name: refused by every command', async (row) => {
    if (row.outcome.kind !== 'refused') throw new Error('a malformed file is refused');
    const file = place(row.file);
    for (const args of commands(file)) {
      const run = await cli(...args);
      expectRefused(run, row.outcome.message);
      expect(run.err, `${args.join(' ')} names the file`).toContain(file);
    }
  });

  it.each(HOSTILE_SCENARIO_EDITS.filter((r) => r.outcome.kind === 'refused'))(
    '$name: refused with the JSON path of the problem',
    async (row) => {
      if (row.outcome.kind !== 'refused') return;
      const file = place({ kind: 'text', text: row.edit(baseScenario) });
      for (const args of commands(file)) expectRefused(await cli(...args), row.outcome.message);
    },
  );

  it('hostile display names and titles are data: listed exactly as JSON, inert as text', async () => {
    const row = HOSTILE_SCENARIO_EDITS.find((r) => r.outcome.kind === 'data');
    if (row === undefined) throw new Error('no data row');
    const file = place({ kind: 'text', text: row.edit(baseScenario) });
    const json = await cli('demo', 'list', '--json', '--scenario', file);
    expect(json.code, json.err).toBe(0);
    const listed = JSON.parse(json.out) as { displayName: string; title: string }[];
    expect(listed[0]?.displayName).toBe('<img src=x onerror="window.__pwned=1">\u202Eevil');
    expect(listed[0]?.title).toBe('line one\n\u001b[2Jline two');
    const text = await cli('demo', 'list', '--scenario', file);
    expect(text.code).toBe(0);
    expect(text.out).not.toMatch(FORBIDDEN_IN_OUTPUT);
    expect(text.out.trim().split('\n')).toHaveLength(listed.length);
    // One line per user: the title's line break is a space there, and its escape sequence is gone.
    expect(text.out).toContain('line one [2Jline two');
  });

  it('serves the scenario it is given: a two-user file lists two users and diagnoses them to their verdicts', async () => {
    const users = (baseScenario.users as { upn: string; expectedVerdict: string }[]).filter((u) =>
      ['michael.chen@contoso.com', 'dmitri.volkov@contoso.com'].includes(u.upn),
    );
    expect(users).toHaveLength(2);
    const file = place({ kind: 'text', text: JSON.stringify({ ...baseScenario, users }) });
    const list = await cli('demo', 'list', '--json', '--scenario', file);
    expect((JSON.parse(list.out) as { upn: string }[]).map((u) => u.upn).sort()).toEqual(
      users.map((u) => u.upn).sort(),
    );
    for (const user of users) {
      const run = await cli('diagnose', user.upn, '--demo', '--json', '--scenario', file);
      expect(run.code, run.err).toBe(0);
      expect((JSON.parse(run.out) as { primary: { code: string } }).primary.code).toBe(user.expectedVerdict);
    }
    // A user of the built-in scenario who is not in the file is not a demo user of it.
    const other = await cli('demo', 'bundle', 'scan-to-email@contoso.com', '--scenario', file);
    expectRefused(other, /is not a demo user/);
  });

  it('--scenario goes with --demo only', async () => {
    const file = place({ kind: 'text', text: JSON.stringify(baseScenario) });
    expectRefused(
      await cli('diagnose', '--bundle', file, '--scenario', file),
      /takes no user, no --demo and no --scenario/,
    );
    expectRefused(
      await cli('diagnose', 'jane@contoso.com', '--profile', 'x', '--scenario', file),
      /--scenario goes with --demo/,
    );
  });
});

describe('the built CLI as a child process', () => {
  const CLI = resolve(import.meta.dirname, '../../out/cli/signin-triage.js');
  const run = async (...args: string[]): Promise<{ code: number; stdout: Buffer; stderr: Buffer }> => {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], {
        encoding: 'buffer',
        timeout: 60_000,
      });
      return { code: 0, stdout, stderr };
    } catch (error: unknown) {
      const e = error as { code?: unknown; stdout: Buffer; stderr: Buffer };
      if (typeof e.code !== 'number') throw error;
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  /** Whether bytes hold what acts on a terminal: C0 but tab and line feed, DEL, and C1 as UTF-8 (C2 80–C2 9F). */
  const hasTerminalControl = (bytes: Buffer): boolean =>
    bytes.some(
      (b, i) =>
        (b < 0x20 && b !== 0x09 && b !== 0x0a) ||
        b === 0x7f ||
        (b === 0xc2 && (bytes[i + 1] ?? 0) >= 0x80 && (bytes[i + 1] ?? 0) <= 0x9f),
    );

  it('writes no terminal control byte, whatever the input, and exits 2', async () => {
    const hostile = 'x\u001b[2J\u001b]0;pwned\u0007\u009b31m\u202e@contoso.com';
    const runs = [
      await run('diagnose', hostile, '--demo'),
      await run(hostile),
      await run('diagnose', 'jane@contoso.com', '--demo', '--symptom', hostile),
    ];
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.stdout.length).toBe(0);
      expect(hasTerminalControl(r.stderr)).toBe(false);
      expect(r.stderr.toString('utf8')).toContain('\\u001b[2J');
    }
  });

  it('refuses a bundle nested 100,000 levels deep with exit 2 and one line, no stack', async () => {
    const file = place({ kind: 'text', text: HOSTILE_BUNDLE_EDITS[0]?.edit(baseBundle) ?? '' });
    for (const args of [
      ['diagnose', '--bundle', file],
      ['report', '--bundle', file, '--format', 'json', '--out', `${root}/deep.json`],
    ]) {
      const r = await run(...args);
      expect(r.code).toBe(2);
      const stderr = r.stderr.toString('utf8');
      expect(stderr).toMatch(/nested more than 64 levels/);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(existsSync(`${root}/deep.json`)).toBe(false);
  });

  it('keeps JSON output valid JSON while escaping C1 and bidi characters in it', async () => {
    const row = HOSTILE_SCENARIO_EDITS.find((r) => r.outcome.kind === 'data');
    const file = place({ kind: 'text', text: row?.edit(baseScenario) ?? '' });
    const r = await run('demo', 'list', '--json', '--scenario', file);
    expect(r.code).toBe(0);
    expect(hasTerminalControl(r.stdout)).toBe(false);
    expect(r.stdout.toString('utf8')).not.toContain('\u202e');
    const listed = JSON.parse(r.stdout.toString('utf8')) as { displayName: string }[];
    expect(listed[0]?.displayName).toBe('<img src=x onerror="window.__pwned=1">\u202Eevil');
  });
});
