import { z } from 'zod';
import { recipientNeeds } from '../../platform-fields.ts';
import { defineNodeSpec, IN_PORT, OUT_PORT } from '../node-spec.ts';
import { accountParam } from '../email/send-email.spec.ts';
import { SMS_CONNECTORS } from '../sms/send-sms.spec.ts';

/** "customer_name: {{ customer.name }}": a template param's name (as registered with Zalo), a colon, its Liquid value. */
const PARAM_ENTRY = /^\s*([A-Za-z_][A-Za-z0-9_]{0,63})\s*:([\s\S]*)$/;

/** A ZNS param entry split into its name and its (Liquid) value; null when it is not written "name: value". */
export function splitZnsParam(entry: string): { name: string; value: string } | null {
  const m = PARAM_ENTRY.exec(entry);
  return m ? { name: m[1]!, value: m[2]!.trim() } : null;
}

export const SendZnsParams = z
  .object({
    account: accountParam('zalo', 'Zalo OA'),
    templateId: z
      .string()
      .trim()
      .regex(/^\d{1,20}$/, 'the template id is a number, e.g. 231785')
      .meta({ title: 'ZNS template', description: 'The id of a template Zalo approved for your OA (ZNS in the Zalo Cloud Account), e.g. 231785' }),
    templateData: z
      .array(z.string().max(2_000).regex(PARAM_ENTRY, 'write each param as name: value, e.g. order_code: {{ order.number }}'))
      .min(1, 'add the template’s params, one “name: value” each')
      .max(50)
      .meta({
        title: 'Template params',
        description: 'One “name: value” per param, with the names the template has; values may use Liquid, e.g. customer_name: {{ customer.name }}',
        widget: 'tags',
      }),
    phone: z
      .string()
      .max(500)
      .default('')
      .meta({ title: 'Phone', description: "Empty: the order's shipping, then billing phone, then the customer's. Sent as 84xxxxxxxxx", widget: 'template' }),
    smsFallback: z.boolean().default(false).meta({ title: 'Send an SMS instead when the customer has no Zalo' }),
    fallbackAccount: z
      .string()
      .max(64)
      .default('')
      .meta({ title: 'SMS account for the fallback', widget: 'account', connector: 'sms', connectors: [...SMS_CONNECTORS] }),
    fallbackText: z
      .string()
      .max(1_600)
      .default('')
      .meta({
        title: 'Fallback SMS',
        description: 'Sent once, to the same phone, when Zalo says the number has no Zalo account or refuses ZNS, e.g. Don hang {{ order.number }} da duoc xac nhan',
        widget: 'template',
      }),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.templateData.forEach((entry, n) => {
      const name = splitZnsParam(entry)?.name;
      if (name && seen.has(name)) ctx.addIssue({ code: 'custom', path: ['templateData', n], message: `the param “${name}” is given twice` });
      if (name) seen.add(name);
    });
    if (!p.smsFallback) return;
    if (p.fallbackAccount === '') ctx.addIssue({ code: 'custom', path: ['fallbackAccount'], message: 'choose the SMS account that sends the fallback' });
    if (p.fallbackText.trim() === '') ctx.addIssue({ code: 'custom', path: ['fallbackText'], message: 'write the SMS sent instead' });
  });
export type SendZnsParams = z.infer<typeof SendZnsParams>;

export const sendZnsSpec = defineNodeSpec({
  type: 'zalo.send_zns',
  version: 1,
  label: 'Send Zalo ZNS',
  description:
    "Send an approved ZNS template message to the order's phone through your Zalo OA. When the number has no Zalo, an SMS is sent instead if you set one; otherwise the step is skipped with the reason.",
  category: 'action',
  connector: 'zalo',
  icon: 'zalo',
  inputs: [IN_PORT],
  outputs: [OUT_PORT],
  params: SendZnsParams,
  needs: (p) => recipientNeeds('phone', p['phone'], /\b(customer|order)\.[\w.]*phone\b/i),
});
