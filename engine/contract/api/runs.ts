import { z } from 'zod';
import { method } from './method.ts';

/**
 * A batch of runs started by hand: one order from its page, or a filtered list of orders. Its
 * runs go through the queue like any other; the batch says how far they have got.
 */
export const RunBatchDto = z.object({
  id: z.string(),
  flowId: z.string(),
  flowName: z.string(),
  flowVersion: z.number(),
  dryRun: z.boolean(),
  createdAt: z.string(),
  /** When someone cancelled what had not run yet; null while it goes on. */
  cancelledAt: z.string().nullable(),
  total: z.number().int(),
  /** Not started yet (cancellable). */
  queued: z.number().int(),
  running: z.number().int(),
  /** Parked at a wait; they go on at their due time. */
  waiting: z.number().int(),
  /** Ran to the end. */
  done: z.number().int(),
  /** Turned away by the flow's activation conditions, or by a missing connection. */
  skipped: z.number().int(),
  failed: z.number().int(),
  cancelled: z.number().int(),
  /** Nothing is queued or running any more (waiting runs go on by themselves). */
  finished: z.boolean(),
  /** The batch's runs, in the order of its orders (ids, for a link to each). */
  runIds: z.array(z.string()),
});
export type RunBatchDto = z.infer<typeof RunBatchDto>;

/** At most this many orders in one batch. */
export const MAX_BATCH_ORDERS = 1000;

export const runsApi = {
  /**
   * Runs a flow by hand (its active version, or `version`) on orders: those named in `orderIds`
   * (ids or numbers), or those `filter` finds (as the orders list searches). One run per order,
   * from a `manual.run` event; the flow needs a trigger that listens to it (every order trigger
   * does, and "Run by hand on an order"). With `dryRun`, every action is recorded as "would do".
   */
  'runs.manual': method(
    z
      .object({
        flowId: z.string(),
        version: z.number().int().optional(),
        orderIds: z.array(z.string().min(1)).min(1).max(MAX_BATCH_ORDERS).optional(),
        filter: z
          .object({ query: z.string().trim().max(200).optional(), limit: z.number().int().min(1).max(MAX_BATCH_ORDERS).default(100) })
          .optional(),
        dryRun: z.boolean().default(false),
      })
      .refine((a) => (a.orderIds === undefined) !== (a.filter === undefined), 'give either orderIds or a filter'),
    RunBatchDto,
  ),
  'runs.batch': method(z.object({ id: z.string() }), RunBatchDto),
  /** Cancels the batch's runs that have not started; those under way or done are left as they are. */
  'runs.cancelBatch': method(z.object({ id: z.string() }), RunBatchDto),
};
