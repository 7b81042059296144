import { z } from 'zod';
import { Address } from './order.ts';

export const Customer = z.object({
  id: z.string(),
  email: z.string().nullable(),
  emailVerified: z.boolean(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  address: Address.nullable(),
  tags: z.array(z.string()),
  zaloUserId: z.string().nullable(),
  messengerPsid: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Customer = z.infer<typeof Customer>;
