import { z } from 'zod';
import type { ApiHandlers, ApiReply } from '../contract/index.ts';
import { apiMethods, isApiMethodName } from '../contract/index.ts';
import { EngineError } from '../shared/errors.ts';
import type { Logger } from '../shared/logger.ts';

export type Dispatch = (method: string, args: unknown) => Promise<ApiReply>;

/** Validates a call against the contract, runs its handler and wraps the answer in the envelope. */
export function createDispatch(handlers: ApiHandlers, logger: Logger): Dispatch {
  return async (method, args) => {
    if (!isApiMethodName(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `no API method "${method}"` } };
    }
    const schema = apiMethods[method];
    const parsed = schema.args.safeParse(args ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid_args', message: z.prettifyError(parsed.error), details: parsed.error.issues } };
    }
    try {
      const handler = handlers[method] as (a: unknown) => unknown;
      return { ok: true, result: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof EngineError) {
        return { ok: false, error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } };
      }
      logger.error(`API ${method} failed`, { error: error instanceof Error ? error.stack : String(error) });
      return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
    }
  };
}
