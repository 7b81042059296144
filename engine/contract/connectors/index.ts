import type { ConnectorSpec } from './connector-spec.ts';
import { esmsConnectorSpec } from './esms.ts';
import { smtpConnectorSpec } from './smtp.ts';
import { speedsmsConnectorSpec } from './speedsms.ts';
import { twilioConnectorSpec } from './twilio.ts';
import { telegramConnectorSpec } from './telegram.ts';
import { slackConnectorSpec } from './slack.ts';

export * from './connector-spec.ts';
export * from './smtp.ts';
export * from './esms.ts';
export * from './speedsms.ts';
export * from './twilio.ts';
export * from './sms-phone.ts';
export * from './telegram.ts';
export * from './slack.ts';
export * from './sms-segments.ts';
export * from './vn-phone.ts';

/** Every connector that holds accounts, in the accounts page's order. */
export const connectorSpecs: readonly ConnectorSpec[] = [smtpConnectorSpec, esmsConnectorSpec, speedsmsConnectorSpec, twilioConnectorSpec, telegramConnectorSpec, slackConnectorSpec];
