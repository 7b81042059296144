import type { InboxEntryDto, InboxVerdict } from '../contract/index.ts';
import type { ConnectionView, PlatformAdapter, RawDelivery } from '../platforms/adapter.ts';
import type { PlatformRegistry } from '../platforms/registry.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { NewInboxEntry } from '../storage/repos/inbox-repo.ts';
import type { Queue } from '../queue/queue.ts';
import type { ConnectionService } from '../domain/connections.ts';
import type { Clock } from '../shared/clock.ts';
import { EngineError, notFound } from '../shared/errors.ts';
import { signDelivery } from '../platforms/sign-delivery.ts';

export interface IngestAnswer {
  status: number;
  body: { ok: boolean; verdict: InboxVerdict; reason: string | null; inboxId: number };
  entry: InboxEntryDto;
  /** For a URL check: the text the platform expects back. */
  text?: string;
}

export const DELIVERY_JOB = 'delivery.process';

type Decision = Omit<NewInboxEntry, 'receivedAt' | 'processing' | 'duplicateOf'>;

interface Pending {
  decision: Decision;
  receivedAt: string;
  resolve(answer: IngestAnswer): void;
  reject(error: unknown): void;
}

/**
 * Decides what a webhook request is, then commits it, raw, with that verdict, before the
 * caller answers. Accepted deliveries get their processing job in the same transaction.
 *
 * Requests that arrive together are committed together (group commit): each waits for the
 * one transaction that holds its row, so the promise of "stored before 200" is kept while
 * the cost of a commit is shared. Duplicates are decided inside that transaction, in
 * arrival order, so two copies in one batch still make one accepted delivery.
 */
export function createIngest(repos: Repositories, platforms: PlatformRegistry, connections: ConnectionService, queue: Queue, clock: Clock) {
  let batch: Pending[] = [];
  let lastRequestMs = 0;

  function flush(): void {
    const pending = batch;
    batch = [];
    let answers: IngestAnswer[];
    try {
      answers = repos.tx(() => pending.map((p) => commit(p)));
    } catch (error) {
      for (const p of pending) p.reject(error);
      return;
    }
    pending.forEach((p, i) => p.resolve(answers[i]!));
  }

  function commit({ decision, receivedAt }: Pick<Pending, 'decision' | 'receivedAt'>, source: 'webhook' | 'imported' = 'webhook'): IngestAnswer {
    let d = decision;
    let duplicateOf: number | null = null;
    const from = source === 'webhook' ? {} : { source };
    let inboxId: number | null = null;
    if (d.verdict === 'accepted' && d.connectionId && d.deliveryKey) {
      // Stored unless its live copy already is (the unique index says so at the insert).
      inboxId = repos.inbox.insertAccepted({ ...d, verdict: 'accepted', connectionId: d.connectionId, deliveryKey: d.deliveryKey, receivedAt, duplicateOf: null, processing: 'pending', ...from });
      if (inboxId === null) {
        const original = repos.inbox.findAccepted(d.connectionId, d.deliveryKey)!;
        duplicateOf = original;
        d = { ...d, verdict: 'duplicate', reason: `same ${describeKey(d.deliveryKey)} as delivery ${original}` };
      }
    }
    const processing = d.verdict === 'accepted' ? 'pending' : 'not_processed';
    inboxId ??= repos.inbox.insert({ ...d, receivedAt, duplicateOf, processing, ...from });
    if (d.verdict === 'accepted') queue.enqueue(DELIVERY_JOB, { inboxId });
    const entry: InboxEntryDto = {
      source,
      id: inboxId,
      receivedAt,
      connectionId: d.connectionId,
      platform: d.platform,
      topic: d.topic,
      deliveryKey: d.deliveryKey,
      verdict: d.verdict,
      reason: d.reason,
      duplicateOf,
      httpStatus: d.httpStatus,
      bodySize: d.bodySize,
      processing,
      outcome: null,
      orderId: null,
    };
    return { status: d.httpStatus, body: { ok: d.httpStatus < 300, verdict: d.verdict, reason: d.reason, inboxId }, entry };
  }

  function enqueue(decision: Decision): Promise<IngestAnswer> {
    lastRequestMs = clock.now();
    return new Promise((resolve, reject) => {
      if (batch.length === 0) setImmediate(flush);
      batch.push({ decision, receivedAt: new Date(clock.now()).toISOString(), resolve, reject });
    });
  }

  function decide(delivery: RawDelivery, connectionId: string): Decision {
    const base = {
      method: delivery.method,
      path: redactPath(delivery.path),
      headers: delivery.headers,
      body: delivery.body,
      bodySize: delivery.body.length,
      connectionId,
      platform: null,
      topic: null,
      deliveryKey: null,
      resourceVersion: null,
    } satisfies Partial<Decision>;
    const verdict = (v: InboxVerdict, httpStatus: number, reason: string | null, extra: Partial<Decision> = {}): Decision =>
      ({ ...base, ...extra, verdict: v, httpStatus, reason });

    const connection = repos.connections.get(connectionId);
    if (!connection) return verdict('unknown_connection', 404, `no connection ${connectionId}`);
    const known = { platform: connection.platform };
    const adapter = platforms.get(connection.platform);
    if (!adapter) return verdict('ignored_topic', 200, `no adapter for ${connection.platform} yet`, known);
    try {
      return decideWith(adapter, connection, delivery, verdict, known);
    } catch (error) {
      // An adapter that throws on strange bytes (a body nested too deep to hash…) must not
      // cost the delivery its record: it is kept, answered as unreadable.
      return verdict('malformed', 400, `the body could not be read: ${(error as Error).message}`, known);
    }
  }

  function decideWith(
    adapter: PlatformAdapter,
    connection: NonNullable<ReturnType<typeof repos.connections.get>>,
    delivery: RawDelivery,
    verdict: (v: InboxVerdict, httpStatus: number, reason: string | null, extra?: Partial<Decision>) => Decision,
    known: { platform: Decision['platform'] },
  ): Decision {
    if (adapter.isPing?.(delivery)) {
      return verdict('ping', 200, `${connection.platform} checked that this URL answers (an unsigned ping)`, known);
    }
    const view = connections.view(connection, adapter);
    const check = adapter.verify(delivery, view);
    if (!check.ok) return verdict('bad_signature', 401, check.reason, known);

    let payload: unknown;
    try {
      payload = adapter.identifiesByHeaders ? undefined : adapter.parse(delivery);
    } catch (error) {
      const id = safeIdentify(adapter, delivery, view);
      return verdict('malformed', 400, `signature valid, but the body is not valid JSON: ${(error as Error).message}`,
        { ...known, topic: id?.topic ?? null, deliveryKey: id?.deliveryKey ?? null });
    }
    const id = adapter.identify(delivery, payload, view);
    const extra = { ...known, topic: id.topic, deliveryKey: id.deliveryKey };
    if (!id.handled) return verdict('ignored_topic', 200, id.note ?? `topic ${id.topic ?? '(none)'} is not one Flowdesk processes`, extra);
    return verdict('accepted', 200, check.detail, extra);
  }

  return {
    /** How long since the last request was recorded (storage upkeep waits for a quiet moment). */
    quietForMs: (): number => clock.now() - lastRequestMs,
    /** Whether webhooks are arriving (one in the last second): background work then gives way to them. */
    arriving: (): boolean => clock.now() - lastRequestMs < 1_000,
    /** A body over the size limit: recorded without its bytes. */
    tooLarge(delivery: Omit<RawDelivery, 'body'>, connectionId: string, size: number, limit: number): Promise<IngestAnswer> {
      const connection = repos.connections.get(connectionId);
      return enqueue({
        ...delivery, path: redactPath(delivery.path), body: null, bodySize: size, connectionId, platform: connection?.platform ?? null,
        topic: null, deliveryKey: null, resourceVersion: null,
        verdict: 'too_large', httpStatus: 413, reason: `body of ${size} bytes is over the ${limit}-byte limit`,
      });
    },

    receive(delivery: RawDelivery, connectionId: string): Promise<IngestAnswer> {
      return enqueue(decide(delivery, connectionId));
    },

    /**
     * Deliveries from a capture file or a HAR (issue 15), decided exactly as the listener decides
     * a request (verify with the connection's secret, identify, dedupe) and committed with their
     * processing jobs in one transaction: all of them or none. Each is marked imported.
     */
    importMany(items: readonly { delivery: RawDelivery; connectionId: string }[]): IngestAnswer[] {
      const receivedAt = new Date(clock.now()).toISOString();
      const decisions = items.map((i) => decide(i.delivery, i.connectionId));
      return repos.tx(() => decisions.map((decision) => commit({ decision, receivedAt }, 'imported')));
    },

    /**
     * A request as the connection's platform would sign it with the connection's secrets
     * (`flowdesk replay` to this engine), and whether it verified as it was.
     */
    sign(connectionId: string, delivery: RawDelivery): { verified: boolean; delivery: RawDelivery } {
      const connection = repos.connections.get(connectionId);
      if (!connection) throw notFound('connection', connectionId);
      const adapter = platforms.get(connection.platform);
      if (!adapter) throw new EngineError('unsupported_platform', `no adapter for ${connection.platform}`);
      const view = connections.view(connection, adapter);
      let verified = false;
      try {
        verified = adapter.verify(delivery, view).ok;
      } catch {
        // Bytes the adapter cannot read do not verify; signing them is still asked for.
      }
      if (verified) return { verified, delivery };
      try {
        return { verified, delivery: signDelivery(adapter, delivery, view) };
      } catch (error) {
        throw new EngineError('invalid_args', `cannot sign for connection ${connectionId}: ${(error as Error).message}`);
      }
    },

    /** A request that is not a delivery (another method, an unreadable URL): kept, with why. */
    notADelivery(delivery: RawDelivery, connectionId: string | null, httpStatus: number, reason: string): Promise<IngestAnswer> {
      const connection = connectionId ? repos.connections.get(connectionId) : undefined;
      return enqueue({
        ...delivery, path: redactPath(delivery.path), bodySize: delivery.body.length, connectionId,
        platform: connection?.platform ?? null, topic: null, deliveryKey: null, resourceVersion: null,
        verdict: 'not_a_delivery', httpStatus, reason,
      });
    },

    /** A platform's GET check of the callback URL; recorded like any request. */
    async challenge(delivery: RawDelivery, connectionId: string): Promise<IngestAnswer> {
      const base = { ...delivery, path: redactPath(delivery.path), bodySize: 0, connectionId, platform: null, topic: null, deliveryKey: null, resourceVersion: null };
      const connection = repos.connections.get(connectionId);
      if (!connection) return enqueue({ ...base, verdict: 'unknown_connection', httpStatus: 404, reason: `no connection ${connectionId}` });
      const adapter = platforms.get(connection.platform);
      const known = { ...base, platform: connection.platform };
      if (!adapter?.challenge) {
        return enqueue({ ...known, verdict: 'not_a_delivery', httpStatus: 405, reason: `${connection.platform} webhooks are delivered with POST; nothing answers a GET here` });
      }
      const query = new URL(delivery.path, 'http://local').searchParams;
      const result = adapter.challenge(query, connections.view(connection, adapter));
      if (!result.ok) return enqueue({ ...known, verdict: 'bad_signature', httpStatus: 403, reason: result.reason });
      const answer = await enqueue({ ...known, verdict: 'ping', httpStatus: 200, reason: `${connection.platform} checked the callback URL; answered its challenge` });
      return { ...answer, text: result.answer };
    },
  };
}
export type Ingest = ReturnType<typeof createIngest>;

function safeIdentify(adapter: PlatformAdapter, d: RawDelivery, view: ConnectionView) {
  try {
    return adapter.identify(d, undefined, view);
  } catch {
    return undefined;
  }
}

const secretParams = /^(token|secret|key|hub\.verify_token|access_token|api_key|apikey)$/i;

/** The path as recorded: secrets carried in the query string (LadiSales' token…) are masked. */
export function redactPath(path: string): string {
  const q = path.indexOf('?');
  if (q < 0) return path;
  const params = new URLSearchParams(path.slice(q + 1));
  let changed = false;
  for (const name of [...new Set(params.keys())]) {
    if (secretParams.test(name)) {
      params.set(name, '••••');
      changed = true;
    }
  }
  return changed ? `${path.slice(0, q)}?${params.toString()}` : path;
}

function describeKey(key: string): string {
  const [kind, value] = key.split(/:(.*)/s);
  if (kind === 'event') return `event id ${value}`;
  if (kind === 'webhook') return `webhook id ${value}`;
  if (kind === 'sha256') return 'body bytes';
  return `delivery key ${key}`;
}
