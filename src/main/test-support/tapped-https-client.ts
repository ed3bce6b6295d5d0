import type { Duplex } from 'node:stream';
import { Agent } from 'node:https';
import type { AgentOptions, RequestOptions } from 'node:https';
import { HttpsClient } from '../net/https-client';
import type { PinnedTrust } from '../net/https-client';

/*
 * The product's HTTPS client with a tap on its sockets, so a test can read the decrypted traffic
 * the real SDKs exchanged with the demo tenant: the access tokens its token endpoints issued are
 * secrets of the run too, and the suite must know them to look for them.
 *
 * Only observation is added. TLS is verified as in the product (the same pinned CA, for the
 * same origins only), and every SDK still goes through `agentFor` as it does in the app:
 * the Okta SDK's node-fetch per request, MSAL and the Graph client through `send`.
 */

/** Receives the bytes of one socket, in order; `stream` tells the sockets apart. */
export type TrafficSink = (stream: object, chunk: Buffer) => void;

/** An https.Agent that copies every byte its sockets receive to `onData`. */
class TappingAgent extends Agent {
  constructor(
    options: AgentOptions,
    private readonly onData: TrafficSink,
  ) {
    super(options);
  }

  override createConnection(
    options: RequestOptions,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    const socket = super.createConnection(options, callback);
    if (socket === null || socket === undefined) return socket;
    // Tapped at emit, not with a 'data' listener: node-fetch (the Okta SDK's transport) takes a
    // 'data' listener still attached after a chunked response as a premature close.
    const emit = socket.emit.bind(socket);
    socket.emit = (event: string | symbol, ...args: unknown[]): boolean => {
      if (event === 'data' && Buffer.isBuffer(args[0])) this.onData(socket, args[0]);
      return emit(event, ...args);
    };
    return socket;
  }
}

/** An {@link HttpsClient} whose pinned origins are reached through tapping agents. */
export class TappedHttpsClient extends HttpsClient {
  readonly #tapped = new Map<string, TappingAgent>();

  constructor(trust: readonly PinnedTrust[], onData: TrafficSink) {
    super(trust);
    for (const t of trust) {
      const agent = new TappingAgent({ keepAlive: true, ca: t.caPem }, onData);
      for (const origin of t.origins) this.#tapped.set(new URL(origin).origin, agent);
    }
  }

  override agentFor(url: string): Agent {
    return this.#tapped.get(new URL(url).origin) ?? super.agentFor(url);
  }

  override close(): void {
    super.close();
    for (const agent of new Set(this.#tapped.values())) agent.destroy();
  }
}

/**
 * All the traffic tapped clients received, socket by socket (concurrent sockets interleave
 * their chunks, and a token split between two chunks must still be found whole).
 */
export class TrafficLog {
  readonly #streams = new Map<object, Buffer[]>();

  /** The sink to give {@link TappedHttpsClient}. */
  readonly record: TrafficSink = (stream, chunk) => {
    const chunks = this.#streams.get(stream) ?? [];
    chunks.push(Buffer.from(chunk));
    this.#streams.set(stream, chunks);
  };

  /** Everything received so far, one socket after another. */
  text(): string {
    return [...this.#streams.values()].map((chunks) => Buffer.concat(chunks).toString('utf8')).join('\n');
  }
}
