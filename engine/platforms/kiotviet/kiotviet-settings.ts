import { z } from 'zod';
import { kiotVietVariants } from './kiotviet-signature.ts';

export const KiotVietSettings = z.object({
  lockedVariant: z
    .enum(kiotVietVariants)
    .nullable()
    .default(null)
    .meta({
      title: 'Locked signature variant',
      description:
        'Empty: observe mode, any known X-Hub-Signature variant is accepted and the one that matched is shown on each delivery. Set it to that variant to accept only it.',
    }),
  clientId: z.string().default('').meta({
    title: 'Client ID',
    description: 'KiotViet → Thiết lập cửa hàng → Thiết lập kết nối API: with the client secret, lets Flowdesk read the customer\'s email and phone.',
  }),
  apiBaseUrl: z.url().default('https://public.kiotapi.com').meta({ title: 'Public API base URL' }),
  tokenUrl: z.url().default('https://id.kiotviet.vn/connect/token').meta({ title: 'Token URL (OAuth client credentials)' }),
  utcOffset: z
    .string()
    .regex(/^[+-]\d{2}:\d{2}$/, 'an offset such as +07:00')
    .default('+07:00')
    .meta({ title: 'Time zone of the shop', description: 'KiotViet sends local times without an offset.' }),
  currency: z.string().min(3).default('VND').meta({ title: 'Currency' }),
  salesChannel: z.string().min(1).default('KiotViet').meta({ title: 'Sales channel name' }),
});
export type KiotVietSettings = z.infer<typeof KiotVietSettings>;
