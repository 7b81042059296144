import type { ConnectorSpec } from './connector-spec.ts';
import { esmsConnectorSpec } from './esms.ts';
import { smtpConnectorSpec } from './smtp.ts';
import { resendConnectorSpec } from './resend.ts';
import { messengerConnectorSpec } from './messenger.ts';
import { speedsmsConnectorSpec } from './speedsms.ts';
import { twilioConnectorSpec } from './twilio.ts';
import { telegramConnectorSpec } from './telegram.ts';
import { slackConnectorSpec } from './slack.ts';
import { googleSheetsConnectorSpec } from './google-sheets.ts';
import { trelloConnectorSpec } from './trello.ts';
import { asanaConnectorSpec } from './asana.ts';
import { zaloConnectorSpec } from './zalo.ts';
import { httpAuthConnectorSpec } from './http-auth.ts';

export * from './connector-spec.ts';
export * from './smtp.ts';
export * from './resend.ts';
export * from './messenger.ts';
export * from './esms.ts';
export * from './speedsms.ts';
export * from './twilio.ts';
export * from './sms-phone.ts';
export * from './telegram.ts';
export * from './slack.ts';
export * from './google-sheets.ts';
export * from './trello.ts';
export * from './asana.ts';
export * from './zalo.ts';
export * from './http-auth.ts';
export * from './sms-segments.ts';
export * from './vn-phone.ts';

/** Every connector that holds accounts, in the accounts page's order. */
export const connectorSpecs: readonly ConnectorSpec[] = [smtpConnectorSpec, resendConnectorSpec, esmsConnectorSpec, speedsmsConnectorSpec, twilioConnectorSpec, zaloConnectorSpec, telegramConnectorSpec, messengerConnectorSpec, slackConnectorSpec, googleSheetsConnectorSpec, trelloConnectorSpec, asanaConnectorSpec, httpAuthConnectorSpec];
