import { addCustomerTagSpec, addOrderTagSpec, addTimelineNoteSpec, type AddTagsParams } from '../../contract/index.ts';
import { defineNodeType, type StepContext } from '../node-type.ts';
import { storeWrite } from '../store/store-actions.run.ts';

async function renderTags(ctx: StepContext<AddTagsParams>): Promise<string[]> {
  const out: string[] = [];
  for (const t of ctx.params.tags) {
    const rendered = (await ctx.render(t)).trim();
    if (rendered && !out.includes(rendered)) out.push(rendered);
  }
  return out;
}

export const addOrderTagNode = defineNodeType(addOrderTagSpec, async (ctx) => {
  const tags = await renderTags(ctx);
  const orderId = ctx.data.order.id;
  if (!orderId) return { status: 'skipped', reason: 'the trigger has no stored order to tag', code: 'no_order', input: { tags } };
  if (tags.length === 0) return { status: 'skipped', reason: 'every tag rendered empty', code: 'tags_empty', input: { tags: ctx.params.tags } };
  // The tag is kept in Flowdesk either way; it reaches the platform when write-back is on.
  const onPlatform = storeWrite(ctx.data, { action: 'order.tags.add', tags }, true);
  return { status: 'done', port: 'out', input: { tags }, output: { order: ctx.data.order.number, tags }, intents: [{ kind: 'order.addTags', orderId, tags }, ...(onPlatform ? [onPlatform] : [])] };
});

export const addCustomerTagNode = defineNodeType(addCustomerTagSpec, async (ctx) => {
  const tags = await renderTags(ctx);
  const customer = ctx.data.customer;
  if (!customer) return { status: 'skipped', port: 'out', reason: 'the order has no customer email or phone, so there is no customer to tag', code: 'no_customer', input: { tags } };
  if (tags.length === 0) return { status: 'skipped', port: 'out', reason: 'every tag rendered empty', code: 'tags_empty', input: { tags: ctx.params.tags } };
  const onPlatform = ctx.data.order.customer?.platformCustomerId ? storeWrite(ctx.data, { action: 'customer.tags.add', tags }, true) : null;
  return { status: 'done', port: 'out', input: { tags }, output: { customer: customer.email, tags }, intents: [{ kind: 'customer.addTags', customerId: customer.id, tags }, ...(onPlatform ? [onPlatform] : [])] };
});

export const addTimelineNoteNode = defineNodeType(addTimelineNoteSpec, async (ctx) => {
  const text = (await ctx.render(ctx.params.text)).trim();
  const orderId = ctx.data.order.id;
  if (!orderId) return { status: 'skipped', port: 'out', reason: 'the trigger has no stored order', code: 'no_order', input: { template: ctx.params.text } };
  if (!text) return { status: 'skipped', port: 'out', reason: 'the note rendered empty', code: 'note_empty', input: { template: ctx.params.text } };
  return { status: 'done', port: 'out', input: { template: ctx.params.text }, output: { text }, intents: [{ kind: 'timeline.note', orderId, text }] };
});
