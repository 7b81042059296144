import { normalizeSmsPhone, sendSmsSpec } from '../../contract/index.ts';
import { defineNodeType } from '../node-type.ts';
import { smsStep } from './sms-step.ts';

/**
 * Renders the SMS and counts its parts; the provider of the step's account sends it
 * (connectors/sms/sms-intents.ts routes by the account's connector). Precondition (seed 000):
 * a mobile number, the rendered Phone or the order's; without one the step is skipped with the
 * reason. Whether the provider reaches that number (a number abroad through a Vietnamese
 * provider) is the provider's to say when it sends. The step itself: sms-step.ts.
 */
export const sendSmsNode = defineNodeType(sendSmsSpec, smsStep(normalizeSmsPhone));
