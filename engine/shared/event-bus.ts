import type { EngineEventMessage, EngineEventName, EngineEventPayload } from '../contract/index.ts';
import type { Logger } from './logger.ts';

export type EngineEventListener = (message: EngineEventMessage) => void;

/** The engine's outgoing events; one per engine, never module-level. */
export function createEventBus(logger: Logger) {
  const listeners = new Set<EngineEventListener>();
  return {
    emit<E extends EngineEventName>(event: E, payload: EngineEventPayload<E>): void {
      const message = { event, payload } as EngineEventMessage;
      for (const l of listeners) {
        try {
          l(message);
        } catch (error) {
          logger.warn('an event listener threw', { event, error: String(error) });
        }
      }
    },
    /** Whether anyone listens: building an event's payload can be skipped when nobody does. */
    listening(): boolean {
      return listeners.size > 0;
    },
    subscribe(listener: EngineEventListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type EventBus = ReturnType<typeof createEventBus>;
