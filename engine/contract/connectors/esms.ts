import { z } from 'zod';
import { defineConnectorSpec } from './connector-spec.ts';

/** eSMS.vn (ViHAT): brandname customer-care SMS. Reference: connectors.md §2.1. */
export const EsmsCredentials = z.object({
  apiKey: z.string().trim().min(1, 'paste the ApiKey').max(200).meta({ title: 'ApiKey', secret: true }),
  secretKey: z.string().trim().min(1, 'paste the SecretKey').max(200).meta({ title: 'SecretKey', secret: true }),
  brandname: z
    .string()
    .trim()
    .min(1, 'enter the registered brandname')
    .max(11)
    .meta({ title: 'Brandname', description: 'The sender name registered with eSMS for customer-care messages' }),
});
export type EsmsCredentials = z.infer<typeof EsmsCredentials>;

export const ESMS_BASE_URL = 'https://rest.esms.vn/MainService.svc/json';

export const EsmsSettings = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }).default(ESMS_BASE_URL).meta({ title: 'API address' }),
  /** 2 brandname customer care (CSKH); 8 a fixed 10-digit number, no brandname. */
  smsType: z.enum(['2', '8']).default('2').meta({ title: 'Message type', description: '2: brandname customer care; 8: fixed number' }),
  /** eSMS validates the request and sends nothing, charges nothing. */
  sandbox: z.boolean().default(false).meta({ title: 'Sandbox (validate only, send nothing)' }),
  timeoutSeconds: z.number().int().min(2).max(120).default(15).meta({ title: 'Timeout (seconds)' }),
});
export type EsmsSettings = z.infer<typeof EsmsSettings>;

export const esmsConnectorSpec = defineConnectorSpec({
  id: 'esms',
  label: 'SMS (eSMS.vn)',
  description: 'Send brandname SMS to Vietnamese phone numbers through eSMS.vn.',
  credentials: EsmsCredentials,
  settings: EsmsSettings,
  test: 'Asks eSMS for the account balance; sends nothing.',
});
