import { z } from 'zod';
import { defineNodeSpec, IN_PORT, OUT_PORT } from '../node-spec.ts';
import { accountParam } from '../email/send-email.spec.ts';
import { TimeZone } from '../timing/wait.spec.ts';
import { DueParam } from './due.ts';

const trelloId = /^[0-9a-f]{24}$/i;

export const CreateTrelloCardParams = z.object({
  account: accountParam('trello', 'Trello account'),
  listId: z
    .string()
    .trim()
    .regex(trelloId, 'a list id is 24 characters, 0-9 and a-f')
    .meta({ title: 'List id', description: 'Open a card of that list, add .json to its address, and copy "idList"' }),
  name: z
    .string()
    .min(1, 'name the card')
    .max(16_384)
    .meta({ title: 'Card name', description: 'e.g. Đóng gói đơn {{ order.number }}', widget: 'template' }),
  desc: z.string().max(16_384).default('').meta({ title: 'Description', description: 'Markdown; Liquid over the order', widget: 'template' }),
  due: DueParam,
  timeZone: TimeZone,
  labels: z
    .string()
    .trim()
    .max(2_000)
    .default('')
    .refine((s) => s === '' || s.split(/\s*,\s*/).every((id) => trelloId.test(id)), 'label ids, 24 characters each, separated by commas')
    .meta({ title: 'Label ids', description: 'Optional, separated by commas: from the board’s .json, "labels"' }),
});
export type CreateTrelloCardParams = z.infer<typeof CreateTrelloCardParams>;

export const createTrelloCardSpec = defineNodeSpec({
  type: 'trello.create_card',
  version: 1,
  label: 'Create Trello card',
  description: 'Add a card to a list on your Trello board, its name and description rendered from the order.',
  category: 'action',
  connector: 'trello',
  icon: 'trello',
  inputs: [IN_PORT],
  outputs: [OUT_PORT],
  params: CreateTrelloCardParams,
});
