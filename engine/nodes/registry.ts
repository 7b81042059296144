import { z } from 'zod';
import type { NodeSpec, NodeSpecDto } from '../contract/index.ts';
import type { NodeType } from './node-type.ts';
import { orderTriggerNodes } from './orders/order-trigger.run.ts';
import { compareNode } from './logic/compare.run.ts';
import { conditionNode } from './logic/condition.run.ts';
import { addCustomerTagNode, addOrderTagNode, addTimelineNoteNode } from './flowdesk/in-app-actions.run.ts';
import { httpRequestNode } from './http/http-request.run.ts';
import { customerActionNodes, sequenceEnrolledNode } from './customers/customer-actions.run.ts';
import { timingNodes } from './timing/wait.run.ts';
import { scheduleNode } from './schedule/schedule.run.ts';
import { sendEmailNode } from './email/send-email.run.ts';
import { sendEsmsNode } from './sms/send-esms.run.ts';
import { sendSmsNode } from './sms/send-sms.run.ts';
import { sendTelegramNode } from './telegram/send-message.run.ts';
import { sendZnsNode } from './zalo/send-zns.run.ts';
import { sendZaloOaNode } from './zalo/send-oa-message.run.ts';
import { sendMessengerNode } from './messenger/send-message.run.ts';
import { postSlackNode } from './slack/post-message.run.ts';
import { appendFileRowNode, appendGoogleRowNode } from './sheets/append-row.run.ts';
import { createTaskNode } from './tasks/create-task.run.ts';
import { createTrelloCardNode } from './tasks/trello-card.run.ts';
import { createAsanaTaskNode } from './tasks/asana-task.run.ts';
import { storeActionNodes } from './store/store-actions.run.ts';
import { fulfillmentActionNodes } from './store/fulfillment-actions.run.ts';
import { fulfillmentTriggerNodes } from './orders/fulfillment-trigger.run.ts';

/** Every built-in node type (spec + run function), in the palette's order. */
export const builtinNodeTypes: readonly NodeType[] = [
  ...orderTriggerNodes,
  ...fulfillmentTriggerNodes,
  scheduleNode,
  sequenceEnrolledNode,
  conditionNode,
  compareNode,
  ...timingNodes,
  addOrderTagNode,
  addCustomerTagNode,
  addTimelineNoteNode,
  ...customerActionNodes,
  ...storeActionNodes,
  ...fulfillmentActionNodes,
  httpRequestNode,
  sendEmailNode,
  sendSmsNode,
  sendEsmsNode,
  sendZnsNode,
  sendZaloOaNode,
  sendTelegramNode,
  sendMessengerNode,
  postSlackNode,
  appendFileRowNode,
  appendGoogleRowNode,
  createTaskNode,
  createTrelloCardNode,
  createAsanaTaskNode,
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
    ...(spec.requiresPlatform ? { requiresPlatform: spec.requiresPlatform } : {}),
    ...(spec.writes ? { writes: spec.writes } : {}),
    ...(spec.writesOptionally ? { writesOptionally: spec.writesOptionally } : {}),
    ...(spec.replacedBy ? { replacedBy: spec.replacedBy } : {}),
  };
}
