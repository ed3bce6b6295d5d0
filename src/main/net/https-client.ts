import { Agent, request as httpsRequest } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';

/** A certificate authority trusted for some origins only (the demo tenant's self-signed cert). */
export interface PinnedTrust {
  /** Origins such as https://127.0.0.1:40123 that this CA may vouch for. */
  readonly origins: readonly string[];
  readonly caPem: string;
}

/** One HTTPS request. */
export interface HttpsRequest {
  readonly url: string;
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  /** Abort after this many milliseconds (connect + response). Every call has one. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

/** A fully read response. */
export interface HttpsResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** Largest response body read into memory (a System Log page of 1,000 events is ~1–2 MB). */
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/**
 * Makes HTTPS requests that trust an extra CA for listed origins only.
 *
 * The default trust store stays in force everywhere else, and TLS verification is never turned
 * off: an origin outside `trust.origins` is verified against the system CAs as usual, so a demo
 * certificate can never vouch for a real Okta org or for Microsoft.
 */
export class HttpsClient {
  readonly #agents = new Map<string, Agent>();
  readonly #defaultAgent = new Agent({ keepAlive: true });

  constructor(trust: readonly PinnedTrust[] = []) {
    for (const t of trust) {
      const agent = new Agent({ keepAlive: true, ca: t.caPem });
      for (const origin of t.origins) this.#agents.set(new URL(origin).origin, agent);
    }
  }

  /** The agent for a URL: a pinned one for a trusted origin, else the default trust store. */
  agentFor(url: string): Agent {
    return this.#agents.get(new URL(url).origin) ?? this.#defaultAgent;
  }

  /** Sends a request and reads the whole response, honouring the timeout and the signal. */
  send(req: HttpsRequest): Promise<HttpsResponse> {
    const url = new URL(req.url);
    if (url.protocol !== 'https:') return Promise.reject(new Error(`Refusing a non-HTTPS request to ${url.origin}`));
    return new Promise<HttpsResponse>((resolve, reject) => {
      if (req.signal?.aborted === true) {
        reject(abortError(req.signal));
        return;
      }
      const outgoing = httpsRequest(
        url,
        { method: req.method ?? 'GET', headers: req.headers, agent: this.agentFor(req.url), timeout: req.timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_RESPONSE_BYTES) {
              outgoing.destroy(
                new Error(`Response from ${url.origin} is larger than ${String(MAX_RESPONSE_BYTES)} bytes`),
              );
              return;
            }
            chunks.push(chunk);
          });
          res.on('end', () => {
            cleanup();
            resolve({
              status: res.statusCode ?? 0,
              statusText: res.statusMessage ?? '',
              headers: res.headers,
              body: Buffer.concat(chunks),
            });
          });
          res.on('error', fail);
        },
      );
      const timer = setTimeout(
        () =>
          outgoing.destroy(
            new Error(`Request to ${url.origin}${url.pathname} timed out after ${String(req.timeoutMs)} ms`),
          ),
        req.timeoutMs,
      );
      const onAbort = (): void => {
        outgoing.destroy(abortError(req.signal));
      };
      req.signal?.addEventListener('abort', onAbort, { once: true });
      function cleanup(): void {
        clearTimeout(timer);
        req.signal?.removeEventListener('abort', onAbort);
      }
      function fail(error: Error): void {
        cleanup();
        reject(error);
      }
      outgoing.on('timeout', () =>
        outgoing.destroy(
          new Error(`Request to ${url.origin}${url.pathname} timed out after ${String(req.timeoutMs)} ms`),
        ),
      );
      outgoing.on('error', fail);
      outgoing.end(req.body);
    });
  }

  /**
   * A WHATWG-fetch-compatible function over {@link send}, for clients built on fetch (the Graph
   * client's final handler). Bodies are read whole, which suits JSON APIs.
   */
  fetch(timeoutMs: number): (input: string | URL | Request, init?: RequestInit) => Promise<Response> {
    return async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
      const flat: Record<string, string> = {};
      headers.forEach((value, key) => {
        flat[key] = value;
      });
      const body = init?.body;
      const text =
        body === undefined || body === null
          ? undefined
          : typeof body === 'string'
            ? body
            : body instanceof URLSearchParams
              ? body.toString()
              : Buffer.from(await new Response(body).arrayBuffer());
      const res = await this.send({
        url,
        method: init?.method ?? (input instanceof Request ? input.method : 'GET'),
        headers: flat,
        ...(text === undefined ? {} : { body: text }),
        timeoutMs,
        ...(init?.signal ? { signal: init.signal } : {}),
      });
      const responseHeaders = new Headers();
      for (const [k, v] of Object.entries(res.headers)) {
        if (Array.isArray(v)) for (const item of v) responseHeaders.append(k, item);
        else if (v !== undefined) responseHeaders.set(k, v);
      }
      const noBody = res.status === 204 || res.status === 304;
      return new Response(noBody ? null : new Uint8Array(res.body), {
        status: res.status,
        statusText: res.statusText,
        headers: responseHeaders,
      });
    };
  }

  /** Closes pooled connections. */
  close(): void {
    this.#defaultAgent.destroy();
    for (const agent of new Set(this.#agents.values())) agent.destroy();
  }
}

function abortError(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new DOMException('The operation was aborted.', 'AbortError');
}
