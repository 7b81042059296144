import { z } from 'zod';
import { MessengerTag } from '../../connectors/messenger.ts';
import { recipientNeeds } from '../../platform-fields.ts';
import { defineNodeSpec, IN_PORT, OUT_PORT } from '../node-spec.ts';
import { accountParam } from '../email/send-email.spec.ts';

/**
 * When Messenger lets a page write (connectors.md §4): `RESPONSE` within 24 hours of the
 * customer's last message to the page; `MESSAGE_TAG` at any time, for a non-promotional update
 * of one of the tagged kinds.
 */
export const MessengerMessagingType = z.enum(['RESPONSE', 'MESSAGE_TAG']);
export type MessengerMessagingType = z.infer<typeof MessengerMessagingType>;

export const SendMessengerParams = z.object({
  account: accountParam('messenger', 'Facebook page'),
  psid: z
    .string()
    .max(500)
    .default('')
    .meta({
      title: 'Recipient (PSID)',
      description: "Empty: the customer's Messenger id (customer.messengerPsid), known once they have written to the page",
      widget: 'template',
    }),
  text: z
    .string()
    .min(1, 'write the message')
    .max(10_000)
    .meta({ title: 'Message', description: 'At most 2000 characters, e.g. Đơn {{ order.number }} của bạn đã được giao cho đơn vị vận chuyển.', widget: 'template' }),
  messagingType: MessengerMessagingType.default('RESPONSE').meta({
    title: 'When it may be sent',
    description: "Within 24 hours of the customer's last message to the page; or at any time with a message tag, for updates that are not promotions",
  }),
  tag: MessengerTag.default('POST_PURCHASE_UPDATE').meta({ title: 'Message tag', description: 'Only with a message tag: what the update is about' }),
});
export type SendMessengerParams = z.infer<typeof SendMessengerParams>;

export const sendMessengerSpec = defineNodeSpec({
  type: 'messenger.send_message',
  version: 1,
  label: 'Send Messenger message',
  description:
    "Send a message from your Facebook page to the customer on Messenger. Skipped, with the reason, when the customer has never written to the page, or last wrote more than 24 hours ago and no message tag is chosen.",
  category: 'action',
  connector: 'messenger',
  icon: 'message',
  inputs: [IN_PORT],
  outputs: [OUT_PORT],
  params: SendMessengerParams,
  // Left empty, the step writes to the customer's PSID, which no store delivers (platform-fields.ts).
  needs: (p) => recipientNeeds('messengerPsid', p['psid'], /\bcustomer\.messengerPsid\b/),
});
