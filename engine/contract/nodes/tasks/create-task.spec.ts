import { z } from 'zod';
import { defineNodeSpec, IN_PORT, OUT_PORT } from '../node-spec.ts';
import { TimeZone } from '../timing/wait.spec.ts';
import { DueParam } from './due.ts';

const template = (title: string, description: string, max: number) => z.string().max(max).default('').meta({ title, description, widget: 'template' });

export const CreateTaskParams = z.object({
  title: z
    .string()
    .min(1, 'write what is to be done')
    .max(500)
    .meta({ title: 'Task', description: 'e.g. Gọi lại cho {{ order.customer.name }} về đơn {{ order.number }}', widget: 'template' }),
  assignee: template('Assignee', 'Who does it: a name, e.g. Lan; empty: nobody yet', 200),
  due: DueParam,
  timeZone: TimeZone,
  notes: template('Notes', 'Anything the person doing it should know; Liquid over the order', 10_000),
});
export type CreateTaskParams = z.infer<typeof CreateTaskParams>;

export const createTaskSpec = defineNodeSpec({
  type: 'flowdesk.create_task',
  version: 1,
  label: 'Create task',
  description: "Add a task to the order's task list in Flowdesk: who does it, by when, ticked off on the order page.",
  category: 'action',
  connector: 'flowdesk',
  icon: 'task',
  inputs: [IN_PORT],
  outputs: [OUT_PORT],
  params: CreateTaskParams,
});
