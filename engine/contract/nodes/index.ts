import type { NodeSpec } from './node-spec.ts';
import { orderCancelledSpec, orderCreatedSpec, orderPaidSpec, orderUpdatedSpec } from './orders/order-triggers.spec.ts';
import { compareSpec } from './logic/compare.spec.ts';
import { addCustomerTagSpec, addOrderTagSpec, addTimelineNoteSpec } from './flowdesk/in-app-actions.spec.ts';

/** Every built-in node spec. The engine pairs each with an executor in engine/nodes/. */
export const builtinNodeSpecs: readonly NodeSpec[] = [
  orderCreatedSpec,
  orderUpdatedSpec,
  orderPaidSpec,
  orderCancelledSpec,
  compareSpec,
  addOrderTagSpec,
  addCustomerTagSpec,
  addTimelineNoteSpec,
];
