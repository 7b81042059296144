import { z } from 'zod';
import { defineConnectorSpec } from './connector-spec.ts';

/**
 * Twilio Programmable Messaging: SMS to any country, HTTP Basic with the Account SID and Auth
 * Token. A message goes out from a number (or an alphanumeric sender id where the country
 * allows one), or through a Messaging Service that picks the sender. Reference: connectors.md §2.4.
 */
export const TwilioCredentials = z
  .object({
    accountSid: z
      .string()
      .trim()
      .regex(/^AC[0-9a-fA-F]{32}$/, 'paste the Account SID: AC followed by 32 characters')
      .meta({ title: 'Account SID', description: 'On the Twilio Console’s home page, e.g. AC1f2e…' }),
    authToken: z.string().trim().min(1, 'paste the Auth Token').max(200).meta({ title: 'Auth Token', secret: true }),
    from: z
      .string()
      .trim()
      .regex(/^(\+[1-9]\d{6,14}|[A-Za-z0-9 ]{1,11})?$/, 'a phone number with its country code (+1…) or a sender name of up to 11 letters')
      .default('')
      .meta({ title: 'From', description: 'Your Twilio number with its country code, e.g. +15017122661, or an alphanumeric sender id' }),
    messagingServiceSid: z
      .string()
      .trim()
      .regex(/^(MG[0-9a-fA-F]{32})?$/, 'a Messaging Service SID starts with MG')
      .default('')
      .meta({ title: 'Messaging Service SID', description: 'Instead of From: the service picks the sender (MG…)' }),
  })
  .refine((c) => c.from !== '' || c.messagingServiceSid !== '', { message: 'give a From number or a Messaging Service SID' });
export type TwilioCredentials = z.infer<typeof TwilioCredentials>;

export const TWILIO_BASE_URL = 'https://api.twilio.com';

export const TwilioSettings = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }).default(TWILIO_BASE_URL).meta({ title: 'API address' }),
  timeoutSeconds: z.number().int().min(2).max(120).default(15).meta({ title: 'Timeout (seconds)' }),
});
export type TwilioSettings = z.infer<typeof TwilioSettings>;

export const twilioConnectorSpec = defineConnectorSpec({
  id: 'twilio',
  label: 'SMS (Twilio)',
  description: 'Send SMS to phone numbers in Vietnam and abroad through Twilio.',
  credentials: TwilioCredentials,
  settings: TwilioSettings,
  test: 'Reads the Twilio account (its name and status); sends nothing.',
});
