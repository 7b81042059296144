import { z } from 'zod';
import { defineConnectorSpec } from './connector-spec.ts';

/**
 * SpeedSMS.vn: SMS to Vietnamese numbers, HTTP Basic with the access token as the user name.
 * Reference: connectors.md §2.2.
 */
export const SpeedsmsCredentials = z.object({
  accessToken: z
    .string()
    .trim()
    .min(1, 'paste the API access token')
    .max(200)
    .meta({ title: 'Access token', description: 'From the SpeedSMS dashboard: Account → API access token', secret: true }),
  brandname: z
    .string()
    .trim()
    .max(30)
    .default('')
    .meta({
      title: 'Brandname',
      description: 'The sender name registered with SpeedSMS (message type 3); for type 5, the Android app’s device id',
    }),
});
export type SpeedsmsCredentials = z.infer<typeof SpeedsmsCredentials>;

export const SPEEDSMS_BASE_URL = 'https://api.speedsms.vn';

/** SpeedSMS `sms_type`s a shop sends customer messages with (1, 6, 7, 8 are ads and numbers not documented). */
export const SpeedsmsSmsType = z.enum(['2', '3', '4', '5']);
export type SpeedsmsSmsType = z.infer<typeof SpeedsmsSmsType>;
/** Types whose `sender` must be given: the brandname (3), the Android gateway's device id (5). */
export const speedsmsNeedsSender = (type: SpeedsmsSmsType): boolean => type === '3' || type === '5';

export const SpeedsmsSettings = z.object({
  smsType: SpeedsmsSmsType.default('2').meta({
    title: 'Message type',
    description: '2: customer care from a random number; 3: as the Brandname above; 4: the default brandname (Notify/Verify); 5: from the Android phone whose device id is above',
  }),
  baseUrl: z.url({ protocol: /^https?$/ }).default(SPEEDSMS_BASE_URL).meta({ title: 'API address' }),
  timeoutSeconds: z.number().int().min(2).max(120).default(15).meta({ title: 'Timeout (seconds)' }),
});
export type SpeedsmsSettings = z.infer<typeof SpeedsmsSettings>;

export const speedsmsConnectorSpec = defineConnectorSpec({
  id: 'speedsms',
  label: 'SMS (SpeedSMS.vn)',
  description: 'Send SMS to Vietnamese phone numbers through SpeedSMS.vn: from a brandname, a random number or your own Android phone.',
  credentials: SpeedsmsCredentials,
  settings: SpeedsmsSettings,
  test: 'Asks SpeedSMS for the account and its balance; sends nothing.',
});
