import { open } from 'node:fs/promises';
import { parseJsonText } from '../../../core/evidence/json-limits';
import { echoValue } from '../../../core/report/sanitize-text';
import type { Result } from '../../../shared/result';
import { parseScenario } from './scenario-schema';
import type { Scenario } from './scenario-schema';

/*
 * Reading a demo scenario from a file (`signin-triage demo … --scenario FILE`): a trainer's own
 * tenant, or a customer's case written down to reproduce it. The file is input from outside,
 * so it is read with limits (size, nesting, how much it renders) and every refusal says which
 * file and, through parseScenario, which field: `users[3].happenings[1].at: …`.
 */

/** The largest scenario file read. The built-in Contoso scenario is ~40 KB; 16 MB is room for any hand-written one. */
export const MAX_SCENARIO_FILE_BYTES = 16 * 1024 * 1024;

/**
 * The most sign-in attempts a scenario may render. Each happening's `repeat` can be 100,000 and
 * a spray multiplies it by its addresses and attempts, so a short file could otherwise ask for
 * billions of events and exhaust memory; the scale benchmarks, which need more, build their
 * tenants in code (scale.ts), not from files.
 */
export const MAX_SCENARIO_ATTEMPTS = 250_000;

/** How many sign-in attempts a parsed scenario renders (an upper bound; each may have an Entra half). */
export function scenarioAttempts(scenario: Scenario): number {
  let total = 0;
  for (const user of scenario.users)
    for (const h of user.happenings) total += h.repeat * ('ips' in h ? h.ips * h.attemptsPerIp : 1);
  return total;
}

/** Reads at most `limit + 1` bytes, so an oversized file (or a device that never ends) costs no more. */
async function readCapped(file: string, limit: number): Promise<Result<string, string>> {
  const handle = await open(file, 'r');
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, error: 'is not a file' };
    if (info.size > limit) return { ok: false, error: `is larger than ${String(limit / 1024 / 1024)} MB` };
    const buffer = Buffer.alloc(limit + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > limit) return { ok: false, error: `is larger than ${String(limit / 1024 / 1024)} MB` };
    }
    return { ok: true, value: buffer.toString('utf8', 0, length) };
  } finally {
    await handle.close();
  }
}

/** A file-system error's code (ENOENT, EACCES…): it says what is wrong without a stack. */
function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unreadable';
}

/**
 * Reads, parses and validates a scenario file. Never throws; the error is one line that starts
 * with the file's name (clipped, with invisible characters shown) and says what is wrong.
 */
export async function readScenarioFile(file: string): Promise<Result<Scenario, string>> {
  const name = echoValue(file, 200);
  let text: string;
  try {
    const read = await readCapped(file, MAX_SCENARIO_FILE_BYTES);
    if (!read.ok) return { ok: false, error: `Scenario ${name} ${read.error}.` };
    text = read.value;
  } catch (error: unknown) {
    return { ok: false, error: `Cannot read scenario ${name} (${codeOf(error)}).` };
  }
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, error: `Scenario ${name} is ${json.error}.` };
  const parsed = parseScenario(json.value);
  if (!parsed.ok) return { ok: false, error: `Scenario ${name} is not valid: ${parsed.error}` };
  const attempts = scenarioAttempts(parsed.value);
  if (attempts > MAX_SCENARIO_ATTEMPTS)
    return {
      ok: false,
      error: `Scenario ${name} renders ${String(attempts)} sign-in attempts; at most ${String(MAX_SCENARIO_ATTEMPTS)} (lower "repeat", "ips" or "attemptsPerIp").`,
    };
  return { ok: true, value: parsed.value };
}
