import { z } from 'zod';

/**
 * Faults to inject, per run. Route keys are those of the routes ("okta.logs", "graph.signIns",
 * "entra.token" …); "*" applies to every route.
 */
export const faultsSchema = z
  .object({
    /** Added delay in milliseconds, per route key. */
    latencyMs: z.record(z.string(), z.number().int().min(0).max(120_000)).default({}),
    /** Probability (0–1) that a request answers 503, per route key. */
    serverErrorRate: z.record(z.string(), z.number().min(0).max(1)).default({}),
    /** The next N requests of a route answer 429 (Okta: E0000047 + X-Rate-Limit-Reset; Graph: Retry-After). */
    rateLimitBursts: z.record(z.string(), z.number().int().min(0)).default({}),
    /** Routes that never answer (until the client gives up or the server stops). */
    hang: z.array(z.string()).default([]),
    /** Routes whose JSON body is cut in half. */
    truncateJson: z.array(z.string()).default([]),
    /** Lifetime of issued access tokens, in seconds; short values exercise 401 + re-authentication. */
    tokenLifetimeSeconds: z.number().int().min(1).max(86_400).default(3600),
    /** Seed for the random draws, so a faulty run can be replayed. */
    seed: z.number().int().default(1),
  })
  .strict();

/** Fault settings, as given. */
export type FaultsInput = z.input<typeof faultsSchema>;

/** Fault settings, with defaults. */
export type Faults = z.output<typeof faultsSchema>;

/** What the fault injector decided for one request. */
export type FaultDecision =
  | { readonly kind: 'none'; readonly delayMs: number; readonly truncate: boolean }
  | { readonly kind: 'server-error'; readonly delayMs: number }
  | { readonly kind: 'rate-limit'; readonly delayMs: number }
  | { readonly kind: 'hang' };

function pick<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return table[key] ?? table['*'];
}

/**
 * Decides, request by request, which fault applies. Deterministic for a seed and a request
 * order, so a failing test can be replayed.
 */
export class FaultInjector {
  readonly #faults: Faults;
  readonly #bursts = new Map<string, number>();
  #state: number;

  constructor(faults: FaultsInput = {}) {
    this.#faults = faultsSchema.parse(faults);
    this.#state = this.#faults.seed;
    for (const [key, n] of Object.entries(this.#faults.rateLimitBursts)) this.#bursts.set(key, n);
  }

  /** The token lifetime to issue. */
  get tokenLifetimeSeconds(): number {
    return this.#faults.tokenLifetimeSeconds;
  }

  /** mulberry32: small, fast, good enough to spread errors. */
  #random(): number {
    this.#state = (this.#state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.#state ^ (this.#state >>> 15), 1 | this.#state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Decides the fault for one request of a route. */
  decide(key: string): FaultDecision {
    const f = this.#faults;
    if (f.hang.includes(key) || f.hang.includes('*')) return { kind: 'hang' };
    const delayMs = pick(f.latencyMs, key) ?? 0;
    const burstKey = this.#bursts.has(key) ? key : this.#bursts.has('*') ? '*' : null;
    if (burstKey !== null) {
      const left = this.#bursts.get(burstKey) ?? 0;
      if (left > 0) {
        this.#bursts.set(burstKey, left - 1);
        return { kind: 'rate-limit', delayMs };
      }
    }
    const rate = pick(f.serverErrorRate, key) ?? 0;
    if (rate > 0 && this.#random() < rate) return { kind: 'server-error', delayMs };
    return { kind: 'none', delayMs, truncate: f.truncateJson.includes(key) || f.truncateJson.includes('*') };
  }
}
