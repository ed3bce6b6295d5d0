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
    /**
     * The next N requests of a route answer 503, then the route recovers: an outage that ends, so
     * a retry can be shown to succeed. "*" gives every route a burst of its own.
     */
    serverErrorBursts: z.record(z.string(), z.number().int().min(0)).default({}),
    /**
     * The next N requests of a route answer 429 (Okta: E0000047 + X-Rate-Limit-Reset; Graph and
     * Entra: Retry-After). "*" gives every route a burst of its own: a storm.
     */
    rateLimitBursts: z.record(z.string(), z.number().int().min(0)).default({}),
    /**
     * The next N requests of a route that carry an OAuth access token are refused with the
     * vendor's 401 for an expired token, although `expires_in` promised longer: a token revoked,
     * outlived by a signing-key roll-over or judged by a skewed clock, which the client still
     * believes valid. (Okta API tokens are not access tokens and are never refused.) "*" gives
     * every route a burst of its own.
     */
    expiredTokenBursts: z.record(z.string(), z.number().int().min(0)).default({}),
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
  | { readonly kind: 'expired-token'; readonly delayMs: number }
  | { readonly kind: 'hang' };

/** What the injector may know about a request beyond its route. */
export interface FaultRequest {
  /** The request carries an OAuth access token (Bearer or DPoP), not an API token. */
  readonly accessToken: boolean;
}

/**
 * Per-route countdowns. A route named in the table counts down its own number; with "*" every
 * other route starts a countdown of its own the first time it is asked about.
 */
class Bursts {
  readonly #left = new Map<string, number>();

  constructor(private readonly table: Readonly<Record<string, number>>) {}

  /** Takes one from the route's burst: true while it lasts. */
  take(key: string): boolean {
    const left = this.#left.get(key) ?? this.table[key] ?? this.table['*'] ?? 0;
    if (left <= 0) return false;
    this.#left.set(key, left - 1);
    return true;
  }
}

function pick<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return table[key] ?? table['*'];
}

/**
 * Decides, request by request, which fault applies. Deterministic for a seed and a request
 * order, so a failing test can be replayed.
 */
export class FaultInjector {
  readonly #faults: Faults;
  readonly #rateLimits: Bursts;
  readonly #expiredTokens: Bursts;
  readonly #serverErrors: Bursts;
  #state: number;

  constructor(faults: FaultsInput = {}) {
    this.#faults = faultsSchema.parse(faults);
    this.#state = this.#faults.seed;
    this.#rateLimits = new Bursts(this.#faults.rateLimitBursts);
    this.#expiredTokens = new Bursts(this.#faults.expiredTokenBursts);
    this.#serverErrors = new Bursts(this.#faults.serverErrorBursts);
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
  decide(key: string, request: FaultRequest = { accessToken: false }): FaultDecision {
    const f = this.#faults;
    if (f.hang.includes(key) || f.hang.includes('*')) return { kind: 'hang' };
    const delayMs = pick(f.latencyMs, key) ?? 0;
    if (this.#rateLimits.take(key)) return { kind: 'rate-limit', delayMs };
    // Checked after the rate limit, as a service does: throttling comes before authentication.
    if (request.accessToken && this.#expiredTokens.take(key)) return { kind: 'expired-token', delayMs };
    if (this.#serverErrors.take(key)) return { kind: 'server-error', delayMs };
    const rate = pick(f.serverErrorRate, key) ?? 0;
    if (rate > 0 && this.#random() < rate) return { kind: 'server-error', delayMs };
    return { kind: 'none', delayMs, truncate: f.truncateJson.includes(key) || f.truncateJson.includes('*') };
  }
}
