import { z } from 'zod';

/** The one error union every transport carries. */
export const ApiErrorCode = z.enum([
  'invalid_args',
  'unknown_method',
  'not_found',
  'version_conflict',
  /** The action is not allowed in the state the thing is in (a fulfillment order's transition): nothing changed. */
  'refused',
  'invalid_flow',
  'unsupported_platform',
  'unauthorized',
  'forbidden_origin',
  'internal',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

export const ApiErrorBody = z.object({
  code: ApiErrorCode,
  message: z.string(),
  details: z.unknown().optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** The envelope every call answers with, on every transport. */
export const ApiReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiErrorBody }),
]);
export type ApiReply = z.infer<typeof ApiReply>;

/** HTTP status for each error code, used by the HTTP adapter and by clients reading it. */
export const httpStatusByCode: Record<ApiErrorCode, number> = {
  invalid_args: 400,
  unknown_method: 404,
  not_found: 404,
  version_conflict: 409,
  refused: 409,
  invalid_flow: 422,
  unsupported_platform: 422,
  unauthorized: 401,
  forbidden_origin: 403,
  internal: 500,
};
