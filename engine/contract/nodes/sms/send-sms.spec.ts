import { z } from 'zod';
import { recipientNeeds } from '../../platform-fields.ts';
import { defineNodeSpec, IN_PORT, OUT_PORT } from '../node-spec.ts';

/** The connectors that send SMS (`sms.send` intent): the SMS step lists their accounts together. */
export const SMS_CONNECTORS = ['esms', 'speedsms', 'twilio'] as const;

/**
 * A param that picks an account of any of several connectors (widget 'account'): the editor
 * lists them all, grouped by provider. `connector` names the group for what reads only one.
 */
export function anyAccountParam(group: string, connectors: readonly string[], title: string) {
  return z.string().min(1, 'choose an account').max(64).meta({ title, widget: 'account', connector: group, connectors: [...connectors] });
}

export const SendSmsParams = z.object({
  account: anyAccountParam('sms', SMS_CONNECTORS, 'SMS account'),
  phone: z
    .string()
    .max(500)
    .default('')
    .meta({
      title: 'Phone',
      description: "Empty: the order's shipping, then billing phone, then the customer's. A number abroad (Twilio only) with its country code: +65…",
      widget: 'template',
    }),
  text: z
    .string()
    .min(1, 'write the message')
    .max(1_600)
    .meta({
      title: 'Message',
      description: 'With a brandname (eSMS, SpeedSMS) it must match a template registered with the provider, e.g. Don hang {{ order.number }} da duoc huy',
      widget: 'template',
    }),
  stripAccents: z.boolean().default(false).meta({ title: 'Remove Vietnamese accents (cheaper: 160 characters per part)' }),
});
export type SendSmsParams = z.infer<typeof SendSmsParams>;

/**
 * One SMS step for every provider: the account chosen decides who sends it (eSMS.vn,
 * SpeedSMS.vn, Twilio), so a shop changes provider by changing the account, not the flow.
 */
export const sendSmsSpec = defineNodeSpec({
  type: 'sms.send',
  version: 1,
  label: 'Send SMS',
  description:
    "Send an SMS to the order's phone through an SMS account: eSMS.vn, SpeedSMS.vn or Twilio. Skipped, with the reason, when there is no mobile number it can reach.",
  category: 'action',
  connector: 'sms',
  icon: 'sms',
  inputs: [IN_PORT],
  outputs: [OUT_PORT],
  params: SendSmsParams,
  needs: (p) => recipientNeeds('phone', p['phone'], /\b(customer|order)\.[\w.]*phone\b/i),
});
