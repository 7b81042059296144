import type { ConnectorSpec } from './connector-spec.ts';
import { esmsConnectorSpec } from './esms.ts';
import { smtpConnectorSpec } from './smtp.ts';

export * from './connector-spec.ts';
export * from './smtp.ts';
export * from './esms.ts';
export * from './sms-segments.ts';
export * from './vn-phone.ts';

/** Every connector that holds accounts, in the accounts page's order. */
export const connectorSpecs: readonly ConnectorSpec[] = [smtpConnectorSpec, esmsConnectorSpec];
