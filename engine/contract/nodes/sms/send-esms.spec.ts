import { z } from 'zod';
import { defineNodeSpec, IN_PORT, OUT_PORT } from '../node-spec.ts';
import { accountParam } from '../email/send-email.spec.ts';

export const SendEsmsParams = z.object({
  account: accountParam('esms', 'eSMS account'),
  phone: z
    .string()
    .max(500)
    .default('')
    .meta({ title: 'Phone', description: "Empty: the order's shipping, then billing phone, then the customer's", widget: 'template' }),
  text: z
    .string()
    .min(1, 'write the message')
    .max(1_600)
    .meta({
      title: 'Message',
      description: 'Must match a customer-care template registered with eSMS, e.g. Don hang {{ order.number }} da duoc huy',
      widget: 'template',
    }),
  stripAccents: z.boolean().default(false).meta({ title: 'Remove Vietnamese accents (cheaper: 160 characters per part)' }),
});
export type SendEsmsParams = z.infer<typeof SendEsmsParams>;

export const sendEsmsSpec = defineNodeSpec({
  type: 'sms.send_esms',
  version: 1,
  label: 'Send SMS (eSMS)',
  description: "Send a brandname SMS through eSMS.vn to the order's phone. Skipped, with the reason, when there is no valid Vietnamese mobile number.",
  category: 'action',
  connector: 'esms',
  icon: 'sms',
  // "Send SMS" takes an account of any SMS provider, eSMS's included.
  replacedBy: 'sms.send',
  inputs: [IN_PORT],
  outputs: [OUT_PORT],
  params: SendEsmsParams,
});
