import type { z } from 'zod';
import { connectionsApi } from './connections.ts';
import { replayApi } from './replay.ts';
import { engineApi } from './engine.ts';
import { flowsApi } from './flows.ts';
import { inboxApi } from './inbox.ts';
import { ordersApi } from './orders.ts';
import { engineEvents } from './events.ts';
import { storageApi } from './storage.ts';
import { versionsApi } from './versions.ts';
import { galleryApi } from './gallery.ts';
import { templatesApi } from './templates.ts';
import { runsApi } from './runs.ts';
import { accountsApi } from './accounts.ts';
import { tasksApi } from './tasks.ts';
import { customerActionsApi } from './customer-actions.ts';
import { fulfillmentApi } from './fulfillment.ts';
import { timelineApi } from './timeline.ts';
import { customerPageApi } from './customer-page.ts';
import { marketplaceApi } from './marketplace.ts';
import { testDeliveryApi } from './test-delivery.ts';

/** Every API method, by name: `domain.verb` → args and result schemas. */
export const apiMethods = {
  ...connectionsApi,
  ...inboxApi,
  ...ordersApi,
  ...flowsApi,
  ...versionsApi,
  ...engineApi,
  ...storageApi,
  ...galleryApi,
  ...templatesApi,
  ...runsApi,
  ...accountsApi,
  ...tasksApi,
  ...customerActionsApi,
  ...replayApi,
  ...fulfillmentApi,
  ...timelineApi,
  ...customerPageApi,
  ...marketplaceApi,
  ...testDeliveryApi,
};

export type ApiMethods = typeof apiMethods;
export type ApiMethodName = keyof ApiMethods;
/** What a caller passes (defaults may be left out). */
export type ApiArgsInput<M extends ApiMethodName> = z.input<ApiMethods[M]['args']>;
/** What a handler receives (defaults filled in). */
export type ApiArgs<M extends ApiMethodName> = z.output<ApiMethods[M]['args']>;
export type ApiResult<M extends ApiMethodName> = z.output<ApiMethods[M]['result']>;

/** The engine API as an object of functions: what handlers implement and what clients call. */
export type ApiHandlers = { [M in ApiMethodName]: (args: ApiArgs<M>) => Promise<ApiResult<M>> | ApiResult<M> };

export function isApiMethodName(name: string): name is ApiMethodName {
  return Object.hasOwn(apiMethods, name);
}

export { engineEvents };
export type EngineEvents = typeof engineEvents;
export type EngineEventName = keyof EngineEvents;
export type EngineEventPayload<E extends EngineEventName> = z.output<EngineEvents[E]>;
export interface EngineEventMessage<E extends EngineEventName = EngineEventName> {
  event: E;
  payload: EngineEventPayload<E>;
}
