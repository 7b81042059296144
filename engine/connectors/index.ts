import type { Repositories } from '../storage/repositories.ts';
import type { Timeline } from '../domain/timeline.ts';
import type { IntentHandler } from '../nodes/intents.ts';
import { inAppIntentHandlers } from './flowdesk/in-app-intents.ts';
import { httpIntentHandlers } from './http/http-intents.ts';

export interface ConnectorDeps {
  repos: Repositories;
  timeline: Timeline;
  /** The transport for calls out; tests point it at local receivers. */
  fetch: typeof fetch;
}

/** The handler of every intent kind the built-in connectors own. */
export function builtinIntentHandlers(d: ConnectorDeps): IntentHandler[] {
  return [...inAppIntentHandlers(d.repos, d.timeline), ...httpIntentHandlers(d.fetch)];
}
