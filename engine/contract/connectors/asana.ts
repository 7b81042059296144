import { z } from 'zod';
import { defineConnectorSpec } from './connector-spec.ts';

/** An Asana user, through the REST API with a personal access token (My settings → Apps → Developer console). */
export const AsanaCredentials = z.object({
  accessToken: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9/:_-]{20,300}$/, 'paste the personal access token Asana showed once (e.g. 2/1204…/1206…:abc…)')
    .meta({ title: 'Personal access token', description: 'app.asana.com/0/my-apps → Create new token', secret: true }),
});
export type AsanaCredentials = z.infer<typeof AsanaCredentials>;

export const ASANA_BASE_URL = 'https://app.asana.com/api/1.0';

export const AsanaSettings = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }).default(ASANA_BASE_URL).meta({ title: 'API address' }),
  timeoutSeconds: z.number().int().min(2).max(120).default(15).meta({ title: 'Timeout (seconds)' }),
});
export type AsanaSettings = z.infer<typeof AsanaSettings>;

export const asanaConnectorSpec = defineConnectorSpec({
  id: 'asana',
  label: 'Asana',
  description: 'Create tasks in your Asana projects or workspace, with notes, a due date and an assignee.',
  credentials: AsanaCredentials,
  settings: AsanaSettings,
  test: 'Asks Asana who the token belongs to (GET /users/me) and shows the user and their workspaces; creates nothing.',
});

/** Asana's global ids (projects, workspaces, users): digits. */
export const isAsanaGid = (s: string): boolean => /^\d{1,30}$/.test(s);
