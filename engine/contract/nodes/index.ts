import type { NodeSpec } from './node-spec.ts';
import {
  customerCreatedSpec, customerUpdatedSpec, marketplaceStatusChangedSpec, orderCancelledSpec, orderCreatedSpec,
  orderDeletedSpec, orderFulfilledSpec, orderPaymentFailedSpec, orderPaidSpec, orderPartiallyFulfilledSpec, orderRefundedSpec, orderUpdatedSpec,
} from './orders/order-triggers.spec.ts';
import { compareSpec } from './logic/compare.spec.ts';
import { addCustomerTagSpec, addOrderTagSpec, addTimelineNoteSpec } from './flowdesk/in-app-actions.spec.ts';
import { httpRequestSpec } from './http/http-request.spec.ts';

/** Every built-in node spec. The engine pairs each with an executor in engine/nodes/. */
export const builtinNodeSpecs: readonly NodeSpec[] = [
  orderCreatedSpec,
  orderUpdatedSpec,
  orderPaidSpec,
  orderCancelledSpec,
  orderFulfilledSpec,
  orderPartiallyFulfilledSpec,
  orderRefundedSpec,
  orderPaymentFailedSpec,
  orderDeletedSpec,
  marketplaceStatusChangedSpec,
  customerCreatedSpec,
  customerUpdatedSpec,
  compareSpec,
  addOrderTagSpec,
  addCustomerTagSpec,
  addTimelineNoteSpec,
  httpRequestSpec,
];
