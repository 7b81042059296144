import type { Platform } from '../../contract/index.ts';
import { Order } from '../../contract/index.ts';
import { defineAdapter, type PlatformAdapter } from '../adapter.ts';
import { sha256Hex } from '../hmac.ts';
import { applyMapping, chooseRoot } from './apply-mapping.ts';
import { buildOrder, problemsMessage } from './build-order.ts';
import type { MappedSettings, mappedSettings } from './mapped-settings.ts';
import { lookup, parsePath } from './path.ts';
import { HEADER_SECRET, URL_TOKEN, verifyUrlToken } from './url-token.ts';
import { signHeaderSecret, signUrlToken } from './url-token-sign.ts';

export interface MappedAdapterSpec {
  platform: Platform;
  storeIdLabel: string;
  settings: ReturnType<typeof mappedSettings>;
  setup: readonly string[];
  tokenLabel: string;
  headerSecretLabel: string;
}

function scalarText(payload: unknown, path: string | null | undefined): string | null {
  if (!path) return null;
  const hit = lookup(payload, parsePath(path));
  if (!hit.found) return null;
  const v = hit.value;
  return typeof v === 'string' ? v.trim() : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
}

/** The delivery's topic: the mapped topic field when it has a value, else the configured topic. */
export function topicOf(payload: unknown, s: MappedSettings): string {
  return scalarText(payload, s.topic.source) ?? s.topic.value;
}

/** The mapped order id and updated time, when the payload has both (the order's version). */
export function versionOf(payload: unknown, s: MappedSettings): { id: string; updatedAt: string } | null {
  if (payload === undefined) return null;
  const root = chooseRoot(payload, s.orderRoot);
  const rules = s.mapping.filter((r) => r.target === 'platformOrderId' || r.target === 'updatedAt');
  const { values } = applyMapping(root.value, rules, { utcOffset: s.utcOffset }, root.at);
  const id = values['platformOrderId'];
  const updatedAt = values['updatedAt'];
  return typeof id === 'string' && typeof updatedAt === 'string' ? { id, updatedAt } : null;
}

/**
 * An adapter for a source that signs nothing and whose payload the user maps: the secret
 * token in the URL (plus an optional header secret) authenticates it; the connection's field
 * mapping turns its JSON into the canonical order (state only: the events come from the change
 * of state, in domain/order-events.ts). A field that is not required and cannot be read is left
 * empty and named in the delivery's warnings.
 */
export function createMappedAdapter(spec: MappedAdapterSpec): PlatformAdapter {
  const defaults = () => spec.settings.parse({});

  return defineAdapter<MappedSettings>({
    platform: spec.platform,
    storeIdLabel: spec.storeIdLabel,
    secrets: [
      { name: URL_TOKEN, label: spec.tokenLabel },
      { name: HEADER_SECRET, label: spec.headerSecretLabel, optional: true },
    ],
    settings: spec.settings,
    setup: spec.setup,

    sign: signHeaderSecret, signRequest: signUrlToken,

    verify(delivery, connection) {
      return verifyUrlToken(delivery, connection.secrets, connection.settings.headerName);
    },

    parse(delivery) {
      const text = delivery.body.toString('utf8').replace(/^\uFEFF/, '');
      if (text.trim() === '') throw new Error('the body is empty; the sender must POST the order as JSON');
      if (/application\/x-www-form-urlencoded/i.test(delivery.headers['content-type'] ?? '')) {
        return Object.fromEntries(new URLSearchParams(text));
      }
      return JSON.parse(text) as unknown;
    },

    identify(delivery, payload, connection) {
      const s = connection?.settings ?? defaults();
      const topic = topicOf(payload, s);
      const handled = s.orderTopics.some((t) => t.toLowerCase() === topic.toLowerCase());
      const version = versionOf(payload, s);
      return {
        topic,
        deliveryKey: version ? `version:${topic}:${version.id}@${version.updatedAt}` : `sha256:${sha256Hex(delivery.body)}`,
        tenant: payload === undefined ? null : scalarText(payload, s.tenantSource),
        handled,
        ...(handled ? {} : { note: `topic "${topic}" is not one of this connection's order topics (${s.orderTopics.join(', ')}); answered 200 and not processed` }),
      };
    },

    normalize(payload, ctx) {
      const s = ctx.settings;
      const root = chooseRoot(payload, s.orderRoot);
      const mapped = applyMapping(root.value, s.mapping, { utcOffset: s.utcOffset }, root.at);
      // Only a required field fails the delivery; the rest of what could not be read is a warning.
      if (mapped.problems.length > 0) throw new Error(problemsMessage(mapped.problems));
      const { built, problems } = buildOrder(mapped.values, {
        platform: spec.platform,
        storeId: ctx.storeId,
        statuses: s.statuses,
        currency: s.currency,
        salesChannel: s.salesChannel,
        previous: ctx.previous,
      });
      if (!built) throw new Error(problemsMessage(problems));
      const warnings = [...mapped.warnings, ...built.warnings];
      return warnings.length > 0 ? { order: Order.parse(built.order), warnings } : { order: Order.parse(built.order) };
    },
  });
}
