import { z } from 'zod';
import { recipientNeeds } from '../../platform-fields.ts';
import { defineNodeSpec, IN_PORT, OUT_PORT } from '../node-spec.ts';
import { accountParam } from '../email/send-email.spec.ts';

/**
 * Consultation (tin tư vấn): free text, only to a follower who wrote to the OA in the last 7
 * days. Transaction (tin giao dịch): Zalo's order template (a title, a text, a table, a
 * button), no window, for a verified OA with the transaction permission (connectors.md §1.3).
 */
export const ZaloOaMessageKind = z.enum(['consultation', 'transaction']);
export type ZaloOaMessageKind = z.infer<typeof ZaloOaMessageKind>;

const ROW_ENTRY = /^\s*([^:]{1,100}?)\s*:([\s\S]*)$/;

/** A table row entry, "Mã đơn: {{ order.number }}", split into its label and (Liquid) value. */
export function splitTableRow(entry: string): { key: string; value: string } | null {
  const m = ROW_ENTRY.exec(entry);
  return m ? { key: m[1]!, value: m[2]!.trim() } : null;
}

export const SendZaloOaParams = z
  .object({
    account: accountParam('zalo', 'Zalo OA'),
    kind: ZaloOaMessageKind.default('consultation').meta({
      title: 'Message type',
      description: 'Consultation: only within 7 days of the customer’s last message to the OA. Transaction: order updates, no window, verified OA only',
    }),
    userId: z
      .string()
      .max(500)
      .default('')
      .meta({ title: 'Zalo user', description: 'Empty: the customer’s Zalo user id (known once they wrote to the OA)', widget: 'template' }),
    header: z
      .string()
      .max(500)
      .default('')
      .meta({ title: 'Title (transaction)', description: 'e.g. Xác nhận đơn hàng {{ order.number }}', widget: 'template' }),
    text: z
      .string()
      .min(1, 'write the message')
      .max(4_000)
      .meta({ title: 'Message', description: 'e.g. Đơn {{ order.number }} đã được giao cho đơn vị vận chuyển.', widget: 'template' }),
    table: z
      .array(z.string().max(1_000).regex(ROW_ENTRY, 'write each row as Label: value'))
      .max(10)
      .default([])
      .meta({ title: 'Table rows (transaction)', description: 'One “Label: value” per row, e.g. Mã đơn: {{ order.number }}', widget: 'tags' }),
    buttonTitle: z.string().max(100).default('').meta({ title: 'Button title (transaction)', description: 'e.g. Xem đơn hàng' }),
    buttonUrl: z
      .string()
      .max(2_000)
      .default('')
      .meta({ title: 'Button link (transaction)', description: 'https://… opened by the button; Liquid allowed', widget: 'template' }),
  })
  .superRefine((p, ctx) => {
    if (p.kind !== 'transaction') return;
    if (p.header.trim() === '') ctx.addIssue({ code: 'custom', path: ['header'], message: 'a transaction message needs a title' });
    if ((p.buttonTitle === '') !== (p.buttonUrl === '')) ctx.addIssue({ code: 'custom', path: [p.buttonTitle === '' ? 'buttonTitle' : 'buttonUrl'], message: 'a button needs both a title and a link' });
  });
export type SendZaloOaParams = z.infer<typeof SendZaloOaParams>;

export const sendZaloOaSpec = defineNodeSpec({
  type: 'zalo.send_oa_message',
  version: 1,
  label: 'Send Zalo OA message',
  description:
    'Send a message from your Zalo OA to a customer who follows it. A consultation message is skipped, with the reason, when the customer has not written to the OA in 7 days (use ZNS then).',
  category: 'action',
  connector: 'zalo',
  icon: 'zalo',
  inputs: [IN_PORT],
  outputs: [OUT_PORT],
  params: SendZaloOaParams,
  needs: (p) => recipientNeeds('zaloUserId', p['userId'], /\bzaloUserId\b/),
});
