import { z } from 'zod';
import { defineNodeSpec, IN_PORT, OUT_PORT } from '../node-spec.ts';
import { CancelReason } from '../../store-api.ts';

/**
 * Write-back steps (issue 13): each acts on the order on its own platform, through the
 * platform's API, when the order's connection has write-back on. What each platform can do is
 * `writeBackSupport` (store-api.ts); a step a flow's platforms cannot do is a problem at save.
 */
const TagList = z
  .array(z.string().min(1).max(255))
  .min(1, 'add at least one tag')
  .meta({ title: 'Tags', description: 'Each tag may use Liquid', widget: 'tags' });

export const RemoveOrderTagsParams = z.object({ tags: TagList });

export const SetOrderNoteParams = z.object({
  note: z.string().min(1, 'write the note').max(5000).meta({ title: 'Note', description: 'Liquid template over the trigger data', widget: 'template' }),
  mode: z.enum(['append', 'replace']).default('append').meta({ title: 'Mode', description: 'Append a line to the order\'s note, or replace the note' }),
});
export type SetOrderNoteParams = z.infer<typeof SetOrderNoteParams>;

export const SetOrderAttributeParams = z.object({
  key: z.string().min(1, 'name the attribute').max(255).meta({ title: 'Attribute name' }),
  value: z.string().max(5000).default('').meta({ title: 'Value', description: 'Liquid template', widget: 'template' }),
});

export const MarkPaidParams = z.object({});

export const CancelOrderParams = z.object({
  reason: CancelReason.default('other').meta({ title: 'Reason' }),
  restock: z.boolean().default(true).meta({ title: 'Restock the items' }),
  notifyCustomer: z.boolean().default(false).meta({ title: 'Notify the customer' }),
  staffNote: z.string().max(255).default('').meta({ title: 'Staff note', description: 'Seen by staff only; Liquid allowed', widget: 'template' }),
});

export const CloseOrderParams = z.object({});

export const FulfilOrderParams = z.object({
  trackingNumber: z.string().max(255).default('').meta({ title: 'Tracking number', description: 'Liquid allowed', widget: 'template' }),
  carrier: z.string().max(255).default('').meta({ title: 'Carrier', description: 'e.g. GHN, GHTK, Viettel Post' }),
  trackingUrl: z.string().max(2000).default('').meta({ title: 'Tracking URL', description: 'Liquid allowed', widget: 'template' }),
  notifyCustomer: z.boolean().default(false).meta({ title: 'Notify the customer' }),
});

export const LazadaReadyToShipParams = z.object({
  shipmentProvider: z.string().max(100).default('').meta({ title: 'Shipment provider code', description: 'Lazada\'s code (e.g. FM49); leave empty for local (TFS) and DBS stores' }),
  deliveryType: z.enum(['dropship', 'pickup', 'send_to_warehouse']).default('dropship').meta({ title: 'Delivery type' }),
});

export const LazadaCancelParams = z.object({
  reasonId: z.string().min(1, 'choose the reason id').max(50).default('10000021').meta({
    title: 'Reason id',
    description: 'From Lazada\'s cancel validation: 10000019 Sourcing Delay, 10000021 Out of Stock, 10000023 Wrong Price (ids vary by country). Out of Stock and Wrong Price set the SKU\'s stock to 0.',
  }),
});

const store = { category: 'action', connector: 'store', inputs: [IN_PORT], outputs: [OUT_PORT], version: 1 } as const;

export const removeOrderTagsSpec = defineNodeSpec({ ...store, type: 'store.remove_order_tags', label: 'Remove order tags', description: 'Remove tags from the order on its platform (and in Flowdesk).', icon: 'tag', params: RemoveOrderTagsParams, writes: 'order.tags.remove' });
export const setOrderNoteSpec = defineNodeSpec({ ...store, type: 'store.set_order_note', label: 'Set order note', description: 'Write the order\'s note on its platform.', icon: 'note', params: SetOrderNoteParams, writes: 'order.note.set' });
export const setOrderAttributeSpec = defineNodeSpec({ ...store, type: 'store.set_order_attribute', label: 'Set order attribute', description: 'Set a note attribute (Shopify, Haravan, Sapo) or meta field (WooCommerce) on the order.', icon: 'note', params: SetOrderAttributeParams, writes: 'order.attribute.set' });
export const markPaidSpec = defineNodeSpec({ ...store, type: 'store.mark_paid', label: 'Mark as paid', description: 'Record the amount still owed as paid on the order\'s platform.', icon: 'receipt', params: MarkPaidParams, writes: 'order.mark_paid' });
export const cancelOrderSpec = defineNodeSpec({ ...store, type: 'store.cancel_order', label: 'Cancel order', description: 'Cancel the order on its platform, restocking its items if asked.', icon: 'receipt', params: CancelOrderParams, writes: 'order.cancel' });
export const closeOrderSpec = defineNodeSpec({ ...store, type: 'store.close_order', label: 'Close (archive) order', description: 'Close the order on its platform.', icon: 'receipt', params: CloseOrderParams, writes: 'order.close' });
export const fulfilOrderSpec = defineNodeSpec({ ...store, type: 'store.fulfil_order', label: 'Fulfil order', description: 'Mark the order\'s items shipped on its platform, with the tracking number and carrier.', icon: 'receipt', params: FulfilOrderParams, writes: 'order.fulfil' });
export const lazadaReadyToShipSpec = defineNodeSpec({ ...store, type: 'store.lazada_ready_to_ship', label: 'Pack and set ready to ship (Lazada)', description: 'Pack the Lazada order\'s items, then set the package Ready to ship.', icon: 'lazada', params: LazadaReadyToShipParams, writes: 'marketplace.ready_to_ship', requiresPlatform: 'lazada' });
export const lazadaCancelSpec = defineNodeSpec({ ...store, type: 'store.lazada_cancel', label: 'Cancel on Lazada', description: 'Cancel the Lazada order\'s items as the seller, with a reason.', icon: 'lazada', params: LazadaCancelParams, writes: 'marketplace.cancel', requiresPlatform: 'lazada' });
