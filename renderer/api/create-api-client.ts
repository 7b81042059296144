import {
  ApiReply,
  apiMethods,
  engineEvents,
  isApiMethodName,
  type ApiArgsInput,
  type ApiMethodName,
  type ApiResult,
  type EngineEventName,
  type EngineEventPayload,
} from '../../engine/contract/index.ts';
import { ApiError } from './api-error.ts';
import type { LinkStatus, Transport } from './transport.ts';

export interface ApiClient {
  readonly transportKind: Transport['kind'];
  /** Calls one engine API method; rejects with an ApiError. */
  call<M extends ApiMethodName>(method: M, args: ApiArgsInput<M>): Promise<ApiResult<M>>;
  /** Receives one kind of engine event; returns the function that stops it. */
  subscribe<E extends EngineEventName>(event: E, handler: (payload: EngineEventPayload<E>) => void): () => void;
  /** Follows the link to the engine; returns the function that stops it. */
  onStatus(listener: (status: LinkStatus) => void): () => void;
  /** The link as it stands now. */
  status(): LinkStatus;
}

export interface ApiClientOptions {
  /**
   * Checks results and event payloads against the contract's schemas. Arguments are checked
   * by the engine either way.
   */
  validate?: boolean;
}

type AnyHandler = (payload: unknown) => void;

export function createApiClient(transport: Transport, options: ApiClientOptions = {}): ApiClient {
  const validate = options.validate ?? false;
  const handlers = new Map<string, Set<AnyHandler>>();
  const statusListeners = new Set<(status: LinkStatus) => void>();
  let linkStatus: LinkStatus = { state: 'connecting', detail: null };
  let stopListening: (() => void) | null = null;

  function deliver(name: string, payload: unknown): void {
    const set = handlers.get(name);
    if (!set || set.size === 0 || !Object.hasOwn(engineEvents, name)) return;
    let value = payload;
    if (validate) {
      const parsed = engineEvents[name as EngineEventName].safeParse(payload);
      if (!parsed.success) {
        console.warn(`Flowdesk: dropped a ${name} event that does not match the contract`, parsed.error.issues);
        return;
      }
      value = parsed.data;
    }
    for (const handler of [...set]) handler(value);
  }

  function setStatus(status: LinkStatus): void {
    linkStatus = status;
    for (const listener of [...statusListeners]) listener(status);
  }

  function startOrStop(): void {
    const wanted = statusListeners.size > 0 || [...handlers.values()].some((set) => set.size > 0);
    if (wanted && !stopListening) {
      stopListening = transport.listen({ event: deliver, status: setStatus });
    } else if (!wanted && stopListening) {
      stopListening();
      stopListening = null;
      linkStatus = { state: 'connecting', detail: null };
    }
  }

  async function call<M extends ApiMethodName>(method: M, args: ApiArgsInput<M>): Promise<ApiResult<M>> {
    if (!isApiMethodName(method)) throw new ApiError('unknown_method', `There is no API method ${method}.`, { method });
    const raw = await transport.invoke(method, args);
    const reply = ApiReply.safeParse(raw);
    if (!reply.success) {
      throw new ApiError('bad_reply', `The engine's answer to ${method} is not an API reply.`, {
        method,
        details: reply.error.issues,
      });
    }
    if (!reply.data.ok) {
      const { code, message, details } = reply.data.error;
      throw new ApiError(code, message, { method, details });
    }
    if (!validate) return reply.data.result as ApiResult<M>;
    const result = apiMethods[method].result.safeParse(reply.data.result);
    if (!result.success) {
      throw new ApiError('bad_reply', `The engine's result for ${method} does not match the contract.`, {
        method,
        details: result.error.issues,
      });
    }
    return result.data as ApiResult<M>;
  }

  return {
    transportKind: transport.kind,
    call,
    subscribe(event, handler) {
      const set = handlers.get(event) ?? new Set<AnyHandler>();
      handlers.set(event, set);
      const entry = handler as AnyHandler;
      set.add(entry);
      startOrStop();
      return () => {
        set.delete(entry);
        startOrStop();
      };
    },
    onStatus(listener) {
      statusListeners.add(listener);
      startOrStop();
      return () => {
        statusListeners.delete(listener);
        startOrStop();
      };
    },
    status: () => linkStatus,
  };
}
