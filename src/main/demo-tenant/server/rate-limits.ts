/** One Okta-style rate-limit bucket: a request budget per window. */
interface Bucket {
  windowStart: number;
  used: number;
}

/** The headers Okta sends on every response, and whether this request is over the limit. */
export interface RateLimitDecision {
  readonly limited: boolean;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Per-route request budgets with Okta's headers (X-Rate-Limit-Limit/Remaining/Reset, Reset in
 * UTC epoch seconds). Windows are `windowSeconds` long (60 like Okta; tests use shorter ones so
 * a client honouring Reset does not wait a minute).
 */
export class RateLimits {
  readonly #buckets = new Map<string, Bucket>();

  constructor(
    private readonly limits: Readonly<Record<string, number>>,
    private readonly defaultLimit: number,
    private readonly windowSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request on a route's bucket. */
  take(key: string): RateLimitDecision {
    const limit = this.limits[key] ?? this.defaultLimit;
    const t = this.now();
    let bucket = this.#buckets.get(key);
    if (bucket === undefined || t - bucket.windowStart >= this.windowSeconds * 1000) {
      bucket = { windowStart: t, used: 0 };
      this.#buckets.set(key, bucket);
    }
    bucket.used += 1;
    const reset = Math.ceil((bucket.windowStart + this.windowSeconds * 1000) / 1000);
    const limited = bucket.used > limit;
    return {
      limited,
      headers: {
        'X-Rate-Limit-Limit': String(limit),
        'X-Rate-Limit-Remaining': String(Math.max(0, limit - bucket.used)),
        'X-Rate-Limit-Reset': String(reset),
      },
    };
  }

  /** Exhausts a bucket now, as a 429 burst fault does. */
  exhaust(key: string): void {
    const limit = this.limits[key] ?? this.defaultLimit;
    this.#buckets.set(key, { windowStart: this.now(), used: limit });
  }
}
