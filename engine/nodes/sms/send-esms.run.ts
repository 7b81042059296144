import { normalizeVnPhone, sendEsmsSpec } from '../../contract/index.ts';
import { defineNodeType } from '../node-type.ts';
import { smsStep } from './sms-step.ts';

/**
 * Renders the SMS and counts its parts; the provider of the step's account sends it
 * (connectors/sms/). Precondition (seed 000): a Vietnamese mobile number, the rendered Phone
 * or the order's; without one the step is skipped with the reason. The step itself: sms-step.ts.
 */
export const sendEsmsNode = defineNodeType(
  sendEsmsSpec,
  smsStep((raw) => {
    const vn = normalizeVnPhone(raw);
    return vn.ok ? { ok: true, phone: vn.national } : vn;
  }),
);
