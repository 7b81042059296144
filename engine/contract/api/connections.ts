import { z } from 'zod';
import { Platform } from '../platform.ts';
import { method } from './method.ts';

export const ConnectionDto = z.object({
  id: z.string(),
  platform: Platform,
  storeId: z.string(),
  name: z.string(),
  /** The path on the webhook listener, `/hooks/<id>`. */
  webhookPath: z.string(),
  /** The full URL on this engine's webhook listener; behind a tunnel, swap the origin. */
  webhookUrl: z.string(),
  /** The secret, masked: never returned in full. */
  secretHint: z.string(),
  createdAt: z.string(),
});
export type ConnectionDto = z.infer<typeof ConnectionDto>;

export const connectionsApi = {
  'connections.create': method(
    z.object({
      platform: Platform,
      storeId: z.string().trim().min(1, 'the store identity is required').max(255),
      name: z.string().trim().max(200).optional(),
      secret: z.string().min(1, 'the webhook secret is required').max(1024),
    }),
    ConnectionDto,
  ),
  'connections.list': method(z.object({}), z.array(ConnectionDto)),
  'connections.get': method(z.object({ id: z.string() }), ConnectionDto),
};
