import { z } from 'zod';
import { defineConnectorSpec } from './connector-spec.ts';

/**
 * A Facebook page, sending through the Messenger Send API (connectors.md §4) with a Page access
 * token from someone with the page's MESSAGE task and the `pages_messaging` permission.
 */
export const MessengerCredentials = z.object({
  pageId: z
    .string()
    .trim()
    .regex(/^\d{5,20}$/, 'the page id is a number, e.g. 104567891234567')
    .meta({ title: 'Page id', description: "The page's id: Page settings → About (Page transparency), or Meta Business Suite" }),
  pageAccessToken: z
    .string()
    .trim()
    .min(20, 'paste the Page access token')
    .max(1_000)
    .regex(/^[A-Za-z0-9_-]+$/, 'a Page access token has no spaces or punctuation (it starts with EAA…)')
    .meta({ title: 'Page access token', description: 'A token of the page (EAA…), with the pages_messaging permission', secret: true }),
});
export type MessengerCredentials = z.infer<typeof MessengerCredentials>;

export const GRAPH_BASE_URL = 'https://graph.facebook.com';

export const MessengerSettings = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }).default(GRAPH_BASE_URL).meta({ title: 'Graph API address' }),
  apiVersion: z
    .string()
    .trim()
    .regex(/^v\d{1,2}\.\d$/, 'a Graph API version such as v21.0')
    .default('v21.0')
    .meta({ title: 'Graph API version', description: 'e.g. v21.0' }),
  timeoutSeconds: z.number().int().min(2).max(120).default(20).meta({ title: 'Timeout (seconds)' }),
});
export type MessengerSettings = z.infer<typeof MessengerSettings>;

export const messengerConnectorSpec = defineConnectorSpec({
  id: 'messenger',
  label: 'Facebook Messenger',
  description: "Send Messenger messages from your Facebook page to customers who wrote to it.",
  credentials: MessengerCredentials,
  settings: MessengerSettings,
  test: "Asks Facebook which page the token belongs to (/me) and shows its name; sends nothing.",
});

/**
 * Message tags for messages outside the 24-hour window (connectors.md §4), never promotional:
 * an order's progress, a change to the customer's account, a booked event.
 */
export const MessengerTag = z.enum(['POST_PURCHASE_UPDATE', 'ACCOUNT_UPDATE', 'CONFIRMED_EVENT_UPDATE']);
export type MessengerTag = z.infer<typeof MessengerTag>;

/** The standard window: a page may answer for 24 hours after the person's last message. */
export const MESSENGER_WINDOW_MS = 24 * 3_600_000;

/** Messenger takes at most 2000 characters of text per message. */
export const MESSENGER_MAX_TEXT = 2_000;

/** A page-scoped id is a number, as a string. */
export const isMessengerPsid = (s: string): boolean => /^\d{5,25}$/.test(s);
