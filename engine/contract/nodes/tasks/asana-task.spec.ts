import { z } from 'zod';
import { defineNodeSpec, IN_PORT, OUT_PORT } from '../node-spec.ts';
import { accountParam } from '../email/send-email.spec.ts';
import { TimeZone } from '../timing/wait.spec.ts';
import { DueParam } from './due.ts';

export const AsanaPlace = z.enum(['project', 'workspace']);
export type AsanaPlace = z.infer<typeof AsanaPlace>;

export const CreateAsanaTaskParams = z.object({
  account: accountParam('asana', 'Asana account'),
  placeIn: AsanaPlace.default('project').meta({ title: 'Put the task in', description: 'A project, or a workspace (the task is then in nobody’s project: give it an assignee)' }),
  gid: z
    .string()
    .trim()
    .regex(/^\d{1,30}$/, 'a gid is digits: the number in the project’s address (app.asana.com/0/<gid>/…)')
    .meta({ title: 'Project or workspace gid', description: 'The number after /0/ in the project’s address; the account’s Test lists its workspaces' }),
  name: z
    .string()
    .min(1, 'name the task')
    .max(1_000)
    .meta({ title: 'Task name', description: 'e.g. Hoàn tiền đơn {{ order.number }}', widget: 'template' }),
  notes: z.string().max(60_000).default('').meta({ title: 'Notes', description: 'Liquid over the order', widget: 'template' }),
  due: DueParam,
  timeZone: TimeZone,
  assignee: z
    .string()
    .max(500)
    .default('')
    .meta({ title: 'Assignee email', description: 'Optional: the email of someone in the workspace', widget: 'template' }),
});
export type CreateAsanaTaskParams = z.infer<typeof CreateAsanaTaskParams>;

export const createAsanaTaskSpec = defineNodeSpec({
  type: 'asana.create_task',
  version: 1,
  label: 'Create Asana task',
  description: 'Create a task in an Asana project or workspace, with notes, a due date and an assignee rendered from the order.',
  category: 'action',
  connector: 'asana',
  icon: 'asana',
  inputs: [IN_PORT],
  outputs: [OUT_PORT],
  params: CreateAsanaTaskParams,
});
