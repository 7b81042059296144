import type { WriteRequestOf } from '../../../contract/index.ts';
import { StoreApiError } from '../store-api-error.ts';
import type { StoreApiContext, WriteAnswer, WriteTarget } from '../store-client.ts';
import { callKiotViet, KIOTVIET } from './kiotviet-call.ts';
import { cancelledStatus, docOf, readDoc, type KvDelivery, type KvDocument } from './kiotviet-writes.ts';

/**
 * order.fulfil, the matrix's workaround: KiotViet ships invoices, not orders. The order's invoice
 * (GET /invoices?orderId=…) gets the tracking code on its delivery through PUT /invoices/{id}
 * `{deliveryDetail: {deliveryCode, status: 2 (đang giao hàng), partnerDelivery: {name}}}`.
 */
const SHIPPING = 2;

/** The invoice a shipment goes on: the target itself, or the order's latest invoice that is not cancelled. */
async function invoiceOf(ctx: StoreApiContext, target: WriteTarget): Promise<KvDocument> {
  const d = docOf(target);
  if (d.kind === 'invoice') {
    const invoice = await readDoc(ctx, d);
    if (!invoice) throw new StoreApiError('final', `${KIOTVIET} has no invoice ${target.orderNumber} (id ${d.id}): it may have been deleted`);
    return invoice;
  }
  const list = (await callKiotViet(ctx, {
    method: 'GET',
    path: '/invoices',
    query: { orderId: d.id, includeInvoiceDelivery: 'true', orderDirection: 'Desc', pageSize: '20' },
    changes: false,
  })) as { data?: KvDocument[] } | null;
  const invoice = (list?.data ?? []).find((i) => i.status !== cancelledStatus.invoice);
  if (!invoice) {
    throw new StoreApiError('final', `${KIOTVIET} ships invoices, not orders, and order ${target.orderNumber} has no invoice yet: make its invoice in KiotViet (or complete the order), then run the step again`);
  }
  return invoice;
}

export async function fulfil(ctx: StoreApiContext, req: WriteRequestOf<'order.fulfil'>, target: WriteTarget): Promise<WriteAnswer> {
  const tracking = req.trackingNumber.trim();
  if (!tracking) throw new StoreApiError('final', `${KIOTVIET} records a shipment by its tracking code: the step has no tracking number`);
  const invoice = await invoiceOf(ctx, target);
  const was: KvDelivery = invoice.invoiceDelivery ?? {};
  const on = `invoice ${invoice.code}${docOf(target).kind === 'order' ? ` of order ${target.orderNumber}` : ''}`;
  if (was.deliveryCode === tracking) return { answer: `${KIOTVIET} ${on} already has tracking code ${tracking}` };
  // The delivery is sent whole, as KiotViet has it, with the tracking code, status and carrier
  // changed [UNVERIFIED: whether fields left out are kept or cleared].
  const { statusValue: _label, ...kept } = was;
  const deliveryDetail: KvDelivery = {
    ...kept,
    deliveryCode: tracking,
    status: SHIPPING,
    ...(req.carrier.trim() ? { partnerDelivery: { ...(was.partnerDelivery ?? {}), name: req.carrier.trim() } } : {}),
  };
  await callKiotViet(ctx, { method: 'PUT', path: `/invoices/${invoice.id}`, body: { deliveryDetail }, changes: true });
  return { answer: `${KIOTVIET} ${on} is now shipping with tracking code ${tracking}${req.carrier.trim() ? ` (${req.carrier.trim()})` : ''}` };
}

export async function fulfilApplied(ctx: StoreApiContext, req: WriteRequestOf<'order.fulfil'>, target: WriteTarget): Promise<boolean> {
  try {
    const invoice = await invoiceOf(ctx, target);
    return invoice.invoiceDelivery?.deliveryCode === req.trackingNumber.trim();
  } catch (error) {
    // No invoice: nothing was shipped.
    if (error instanceof StoreApiError && error.failure === 'final') return false;
    throw error;
  }
}
