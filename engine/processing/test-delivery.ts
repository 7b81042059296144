import type { InboxVerdict, TestDeliveryDto } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { PlatformRegistry } from '../platforms/registry.ts';
import { signDelivery } from '../platforms/sign-delivery.ts';
import type { ConnectionService } from '../domain/connections.ts';
import type { Clock } from '../shared/clock.ts';
import { platformLabels } from '../contract/index.ts';
import { EngineError, notFound } from '../shared/errors.ts';
import { sampleDelivery } from './test-delivery-samples.ts';

export interface TestDeliveryDeps {
  repos: Repositories;
  platforms: PlatformRegistry;
  connections: ConnectionService;
  clock: Clock;
  /** This engine's own webhook listener (loopback), not the public URL a tunnel shows. */
  listenerUrl(): string;
  /** Posts to the listener; the global fetch unless a test swaps it. */
  fetch?: typeof fetch;
}

/**
 * The first-run guide's test delivery (issue 16): a sample order, signed with the connection's
 * own secret as its platform would sign it, posted to this engine's webhook listener. It goes
 * the way a real delivery goes (verified, deduplicated, stored in the inbox, queued, processed
 * into an order, runs started), so what the guide shows arriving is what a real one would do.
 */
export function createTestDeliveries(d: TestDeliveryDeps) {
  let last = 0;
  const post = d.fetch ?? fetch;

  return {
    async send(a: { connectionId: string; orderId?: string | undefined }): Promise<TestDeliveryDto> {
      const connection = d.repos.connections.get(a.connectionId);
      if (!connection) throw notFound('connection', a.connectionId);
      const label = platformLabels[connection.platform];
      const adapter = d.platforms.get(connection.platform);
      if (!adapter) throw new EngineError('unsupported_platform', `${label} connections are not supported yet`);
      if (connection.platform === 'lazada' && !a.orderId) {
        throw new EngineError('invalid_args', 'Lazada pushes only an order\'s id and Flowdesk reads the order from Lazada: give the id of one of your Lazada orders (orderId)');
      }
      const serial = (last = Math.max(last + 1, d.clock.now()));
      const sample = sampleDelivery(connection.platform, { serial, nowMs: d.clock.now(), storeId: connection.storeId, orderId: a.orderId });
      if (!sample) throw new EngineError('unsupported_platform', `Flowdesk has no sample ${label} order to send yet: send one from ${label} itself`);
      if (Object.values(connection.secrets).every((s) => !s)) {
        throw new EngineError('invalid_args', `connection ${connection.id} has no secret, so Flowdesk cannot sign a delivery as ${label} would: add the connection's secret first`);
      }
      const base = d.listenerUrl();
      if (!base) throw new EngineError('refused', 'the webhook listener is not running, so there is nowhere to send the test delivery');

      const path = `/hooks/${connection.id}`;
      let signed;
      try {
        signed = signDelivery(adapter, { method: 'POST', path, headers: sample.headers, body: Buffer.from(JSON.stringify(sample.body)) }, d.connections.view(connection, adapter));
      } catch (error) {
        throw new EngineError('invalid_args', `cannot sign a ${label} delivery for connection ${connection.id}: ${(error as Error).message}`);
      }
      const headers = { ...signed.headers, 'user-agent': 'Flowdesk test delivery' };
      let answer: { verdict?: InboxVerdict; reason?: string | null; inboxId?: number };
      let status: number;
      try {
        const response = await post(`${base}${signed.path}`, { method: 'POST', headers, body: new Uint8Array(signed.body) });
        status = response.status;
        answer = (await response.json()) as typeof answer;
      } catch (error) {
        throw new EngineError('internal', `the webhook listener did not answer the test delivery: ${(error as Error).message}`);
      }
      if (typeof answer.inboxId !== 'number' || !answer.verdict) {
        throw new EngineError('internal', `the webhook listener answered ${status} without recording the test delivery: ${answer.reason ?? 'no reason given'}`);
      }
      return {
        deliveryId: answer.inboxId,
        verdict: answer.verdict,
        reason: answer.reason ?? null,
        httpStatus: status,
        topic: sample.topic,
        platformOrderId: sample.platformOrderId,
        orderName: sample.name,
      };
    },
  };
}
export type TestDeliveries = ReturnType<typeof createTestDeliveries>;
