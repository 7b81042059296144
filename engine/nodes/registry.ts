import { z } from 'zod';
import type { NodeSpec, NodeSpecDto } from '../contract/index.ts';
import { builtinNodeSpecs } from '../contract/index.ts';
import { defineNodeType, type NodeExecutor, type NodeType } from './node-executor.ts';
import { orderTriggerExecutor } from './orders/order-trigger.run.ts';
import { compareExecutor } from './logic/compare.run.ts';
import { addCustomerTagExecutor, addOrderTagExecutor, addTimelineNoteExecutor } from './flowdesk/in-app-actions.run.ts';
import { httpRequestExecutor } from './http/http-request.run.ts';

/** The function that runs each built-in spec, by type id. Triggers share one. */
const executors: Record<string, NodeExecutor<never>> = {
  'logic.compare': compareExecutor,
  'flowdesk.add_order_tag': addOrderTagExecutor,
  'flowdesk.add_customer_tag': addCustomerTagExecutor,
  'flowdesk.add_timeline_note': addTimelineNoteExecutor,
  'http.request': httpRequestExecutor,
};

export const builtinNodeTypes: readonly NodeType[] = builtinNodeSpecs.map((spec) => {
  const executor = spec.category === 'trigger' ? orderTriggerExecutor : executors[spec.type];
  if (!executor) throw new Error(`no executor for built-in node type ${spec.type}`);
  return defineNodeType(spec, executor as NodeExecutor<never>);
});

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
    ...(spec.requiresPlatform ? { requiresPlatform: spec.requiresPlatform } : {}),
  };
}
