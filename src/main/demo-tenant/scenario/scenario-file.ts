import { parseJsonText } from '../../../core/evidence/json-limits';
import { echoValue } from '../../../core/report/sanitize-text';
import type { Result } from '../../../shared/result';
import { describeRefusal, fsErrorCode, readCappedFile } from '../../fs/read-capped-file';
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

/**
 * Reads, parses and validates a scenario file. Never throws; the error is one line that starts
 * with the file's name (clipped, with invisible characters shown) and says what is wrong.
 */
export async function readScenarioFile(file: string): Promise<Result<Scenario, string>> {
  const name = echoValue(file, 200);
  let text: string;
  try {
    const read = await readCappedFile(file, MAX_SCENARIO_FILE_BYTES);
    if (!read.ok)
      return { ok: false, error: `Scenario ${name} ${describeRefusal(read.error, MAX_SCENARIO_FILE_BYTES)}.` };
    text = read.value;
  } catch (error: unknown) {
    return { ok: false, error: `Cannot read scenario ${name} (${fsErrorCode(error) ?? 'unreadable'}).` };
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
