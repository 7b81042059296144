import { z } from 'zod';
import { defineNodeSpec, IN_PORT, OUT_PORT } from '../node-spec.ts';

const TagList = z
  .array(z.string().min(1).max(255))
  .min(1, 'add at least one tag')
  .meta({ title: 'Tags', description: 'Each tag may use Liquid, e.g. VIP-{{ order.currency }}', widget: 'tags' });

export const AddTagsParams = z.object({ tags: TagList });
export type AddTagsParams = z.infer<typeof AddTagsParams>;

export const AddNoteParams = z.object({
  text: z
    .string()
    .min(1, 'write the note')
    .max(10_000)
    .meta({ title: 'Note', description: 'Liquid template over the trigger data', widget: 'template' }),
});
export type AddNoteParams = z.infer<typeof AddNoteParams>;

export const addOrderTagSpec = defineNodeSpec({
  type: 'flowdesk.add_order_tag',
  version: 1,
  label: 'Add order tag',
  description: 'Add tags to the order in Flowdesk, and on its platform when the connection has write-back on.',
  category: 'action',
  connector: 'flowdesk',
  icon: 'tag',
  inputs: [IN_PORT],
  outputs: [OUT_PORT],
  params: AddTagsParams,
  writesOptionally: 'order.tags.add',
});

export const addCustomerTagSpec = defineNodeSpec({
  type: 'flowdesk.add_customer_tag',
  version: 1,
  label: 'Add customer tag',
  description: "Add tags to the order's customer (found by email), and on the platform when the connection has write-back on.",
  category: 'action',
  connector: 'flowdesk',
  icon: 'customer',
  inputs: [IN_PORT],
  outputs: [OUT_PORT],
  params: AddTagsParams,
  writesOptionally: 'customer.tags.add',
});

export const addTimelineNoteSpec = defineNodeSpec({
  type: 'flowdesk.add_timeline_note',
  version: 1,
  label: 'Add a note to the timeline',
  description: "Write a note, rendered from a Liquid template, on the order's timeline.",
  category: 'action',
  connector: 'flowdesk',
  icon: 'note',
  inputs: [IN_PORT],
  outputs: [OUT_PORT],
  params: AddNoteParams,
});
