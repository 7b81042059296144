import { z } from 'zod';
import { InboxVerdict } from './inbox.ts';
import { method } from './method.ts';

/**
 * The first-run guide's test delivery (issue 16): a sample order that Flowdesk signs with the
 * connection's own secret and posts to its own webhook listener, where it is verified, stored,
 * deduplicated and processed as a real delivery would be.
 */
export const TestDeliveryDto = z.object({
  /** The inbox row the listener recorded: follow it to its order and runs. */
  deliveryId: z.number().int(),
  /** How the listener judged it (accepted, when the secret and the sample agree). */
  verdict: InboxVerdict,
  reason: z.string().nullable(),
  httpStatus: z.number().int(),
  topic: z.string(),
  /** The sample order's id on its platform. */
  platformOrderId: z.string(),
  /** The sample order's name as a person reads it ("#TEST-4821"). */
  orderName: z.string(),
});
export type TestDeliveryDto = z.infer<typeof TestDeliveryDto>;

export const testDeliveryApi = {
  /**
   * Sends a sample order delivery, signed as the connection's platform would sign it, through
   * this engine's webhook listener. Lazada pushes only an order's id (the order is read from
   * Lazada), so a Lazada connection needs the id of one of its orders.
   */
  'connections.sendTestDelivery': method(
    z.object({ connectionId: z.string().min(1), orderId: z.string().trim().min(1).max(64).optional() }),
    TestDeliveryDto,
  ),
};
