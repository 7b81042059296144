import { z } from 'zod';
import type { NodeSpec, NodeSpecDto } from '../contract/index.ts';
import {
  addCustomerTagSpec, addOrderTagSpec, addTimelineNoteSpec, compareSpec,
  orderCancelledSpec, orderCreatedSpec, orderPaidSpec, orderUpdatedSpec,
} from '../contract/index.ts';
import { defineNodeType, type NodeType } from './node-executor.ts';
import { orderTriggerExecutor } from './orders/order-trigger.run.ts';
import { compareExecutor } from './logic/compare.run.ts';
import { addCustomerTagExecutor, addOrderTagExecutor, addTimelineNoteExecutor } from './flowdesk/in-app-actions.run.ts';

export const builtinNodeTypes: readonly NodeType[] = [
  defineNodeType(orderCreatedSpec, orderTriggerExecutor),
  defineNodeType(orderUpdatedSpec, orderTriggerExecutor),
  defineNodeType(orderPaidSpec, orderTriggerExecutor),
  defineNodeType(orderCancelledSpec, orderTriggerExecutor),
  defineNodeType(compareSpec, compareExecutor),
  defineNodeType(addOrderTagSpec, addOrderTagExecutor),
  defineNodeType(addCustomerTagSpec, addCustomerTagExecutor),
  defineNodeType(addTimelineNoteSpec, addTimelineNoteExecutor),
];

export interface NodeRegistry {
  get(type: string): NodeType | undefined;
  list(): readonly NodeType[];
  toDtos(): NodeSpecDto[];
}

/** The node types an engine knows. Two types with one id is a programming error, refused at once. */
export function createNodeRegistry(types: readonly NodeType[] = builtinNodeTypes): NodeRegistry {
  const byType = new Map<string, NodeType>();
  for (const t of types) {
    if (byType.has(t.spec.type)) throw new Error(`node type "${t.spec.type}" is registered twice`);
    byType.set(t.spec.type, t);
  }
  let dtos: NodeSpecDto[] | null = null;
  return {
    get: (type) => byType.get(type),
    list: () => [...byType.values()],
    toDtos() {
      dtos ??= [...byType.values()].map(({ spec }) => specToDto(spec));
      return dtos;
    },
  };
}

function specToDto(spec: NodeSpec): NodeSpecDto {
  return {
    type: spec.type,
    version: spec.version,
    label: spec.label,
    description: spec.description,
    category: spec.category,
    connector: spec.connector,
    icon: spec.icon,
    inputs: [...spec.inputs],
    outputs: [...spec.outputs],
    paramsSchema: z.toJSONSchema(spec.params, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
    ...(spec.triggers ? { triggers: [...spec.triggers] } : {}),
  };
}
