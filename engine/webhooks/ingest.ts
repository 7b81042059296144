import type { InboxVerdict, InboxProcessing } from '../contract/index.ts';
import type { RawDelivery } from '../platforms/adapter.ts';
import type { PlatformRegistry } from '../platforms/registry.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { NewInboxEntry } from '../storage/repos/inbox-repo.ts';
import type { Queue } from '../queue/queue.ts';
import type { ConnectionService } from '../domain/connections.ts';
import type { Clock } from '../shared/clock.ts';

export interface IngestAnswer {
  status: number;
  body: { ok: boolean; verdict: InboxVerdict; reason: string | null; inboxId: number };
}

export const DELIVERY_JOB = 'delivery.process';

/**
 * Decides what a webhook request is and commits it, raw, with that verdict, before the caller
 * answers. Accepted deliveries get their processing job in the same transaction.
 */
export function createIngest(repos: Repositories, platforms: PlatformRegistry, connections: ConnectionService, queue: Queue, clock: Clock) {
  function record(
    delivery: RawDelivery | Omit<RawDelivery, 'body'>,
    base: Pick<NewInboxEntry, 'connectionId' | 'platform'>,
    verdict: InboxVerdict,
    status: number,
    reason: string | null,
    extra: Partial<NewInboxEntry> = {},
  ): IngestAnswer {
    const body = 'body' in delivery ? delivery.body : null;
    const processing: InboxProcessing = verdict === 'accepted' ? 'pending' : 'not_processed';
    const inboxId = repos.inbox.insert({
      receivedAt: new Date(clock.now()).toISOString(),
      method: delivery.method,
      path: delivery.path,
      headers: delivery.headers,
      body,
      bodySize: body?.length ?? 0,
      topic: null,
      deliveryKey: null,
      resourceVersion: null,
      duplicateOf: null,
      ...base,
      ...extra,
      verdict,
      reason,
      httpStatus: status,
      processing,
    });
    return { status, body: { ok: status < 300, verdict, reason, inboxId } };
  }

  return {
    /** A body over the size limit: recorded without its bytes. */
    tooLarge(delivery: Omit<RawDelivery, 'body'>, connectionId: string, size: number, limit: number): IngestAnswer {
      const connection = repos.connections.get(connectionId);
      return record(delivery, { connectionId, platform: connection?.platform ?? null }, 'too_large', 413,
        `body of ${size} bytes is over the ${limit}-byte limit`, { bodySize: size });
    },

    receive(delivery: RawDelivery, connectionId: string): IngestAnswer {
      const connection = repos.connections.get(connectionId);
      if (!connection) {
        return record(delivery, { connectionId, platform: null }, 'unknown_connection', 404, `no connection ${connectionId}`);
      }
      const base = { connectionId, platform: connection.platform };
      const adapter = platforms.get(connection.platform);
      if (!adapter) {
        return record(delivery, base, 'ignored_topic', 200, `no adapter for ${connection.platform} yet`);
      }
      if (adapter.isPing?.(delivery)) {
        return record(delivery, base, 'ping', 200, `${connection.platform} checked that this URL answers (an unsigned ping)`);
      }
      const verdict = adapter.verify(delivery, connections.view(connection, adapter));
      if (!verdict.ok) return record(delivery, base, 'bad_signature', 401, verdict.reason);

      let payload: unknown;
      try {
        payload = adapter.parse(delivery);
      } catch (error) {
        const id = safeIdentify(adapter, delivery);
        return record(delivery, base, 'malformed', 400, `signature valid, but the body is not valid JSON: ${(error as Error).message}`,
          { topic: id?.topic ?? null, deliveryKey: id?.deliveryKey ?? null });
      }
      const id = adapter.identify(delivery, payload);
      const extra = { topic: id.topic, deliveryKey: id.deliveryKey };
      if (!id.handled) {
        return record(delivery, base, 'ignored_topic', 200, id.note ?? `topic ${id.topic ?? '(none)'} is not one Flowdesk processes`, extra);
      }
      return repos.tx(() => {
        const original = repos.inbox.findAccepted(connectionId, id.deliveryKey);
        if (original !== undefined) {
          return record(delivery, base, 'duplicate', 200, `same ${describeKey(id.deliveryKey)} as delivery ${original}`,
            { ...extra, duplicateOf: original });
        }
        const answer = record(delivery, base, 'accepted', 200, verdict.detail, extra);
        queue.enqueue(DELIVERY_JOB, { inboxId: answer.body.inboxId });
        return answer;
      });
    },
  };
}
export type Ingest = ReturnType<typeof createIngest>;

function safeIdentify(adapter: { identify: (d: RawDelivery, p: unknown) => { topic: string | null; deliveryKey: string } }, d: RawDelivery) {
  try {
    return adapter.identify(d, undefined);
  } catch {
    return undefined;
  }
}

function describeKey(key: string): string {
  const [kind, value] = key.split(/:(.*)/s);
  if (kind === 'event') return `event id ${value}`;
  if (kind === 'webhook') return `webhook id ${value}`;
  return 'body bytes';
}
