import { z } from 'zod';
import { defineConnectorSpec } from './connector-spec.ts';

/**
 * A Trello member, through the REST API with an API key and a token the member granted
 * (trello.com/power-ups/admin → API key, then "Token"). Both go in the query string of every
 * call, so both are kept secret and never said in a message.
 */
export const TrelloCredentials = z.object({
  apiKey: z
    .string()
    .trim()
    .regex(/^[0-9a-f]{32}$/i, 'the API key is 32 characters, 0-9 and a-f')
    .meta({ title: 'API key', description: 'From trello.com/power-ups/admin: your Power-Up → API key', secret: true }),
  token: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{32,200}$/, 'paste the token Trello showed after “Allow” (ATTA…)')
    .meta({ title: 'Token', description: 'The “Token” link beside the API key; allow read and write', secret: true }),
});
export type TrelloCredentials = z.infer<typeof TrelloCredentials>;

export const TRELLO_BASE_URL = 'https://api.trello.com';

export const TrelloSettings = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }).default(TRELLO_BASE_URL).meta({ title: 'API address' }),
  timeoutSeconds: z.number().int().min(2).max(120).default(15).meta({ title: 'Timeout (seconds)' }),
});
export type TrelloSettings = z.infer<typeof TrelloSettings>;

export const trelloConnectorSpec = defineConnectorSpec({
  id: 'trello',
  label: 'Trello',
  description: 'Create cards on your Trello boards: a card per order to pack, to call back, to refund.',
  credentials: TrelloCredentials,
  settings: TrelloSettings,
  test: 'Asks Trello whose token it is (GET /1/members/me) and shows the member; creates nothing.',
});

/** Trello's object ids (boards, lists, labels): 24 hexadecimal characters. */
export const isTrelloId = (s: string): boolean => /^[0-9a-f]{24}$/i.test(s);
