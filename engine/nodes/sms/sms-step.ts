import { smsSegments, withoutVietnameseAccents } from '../../contract/index.ts';
import type { StepContext, StepResult } from '../node-type.ts';
import { customerPhone } from '../messages/recipients.ts';

/** A number an SMS step can text, in the form it is shown and sent in; or why it cannot. */
export type SmsNumber = { ok: true; phone: string } | { ok: false; reason: string };

/** The params both SMS steps have. */
interface SmsParams {
  account: string;
  phone: string;
  text: string;
  stripAccents: boolean;
}

/**
 * The run of an SMS step ("Send SMS", and the older "Send SMS (eSMS)"): renders the SMS and
 * counts its parts; the provider of the step's account sends it. Precondition (seed 000): a
 * number `numberOf` accepts, the rendered Phone or the order's; without one the step is skipped
 * with the reason. The steps differ only in which numbers they take.
 */
export function smsStep(numberOf: (raw: string) => SmsNumber) {
  return async ({ params, data, render }: StepContext<SmsParams>): Promise<StepResult> => {
    const raw = (await render(params.phone)).trim() || customerPhone(data);
    if (!raw) return { status: 'skipped', port: 'out', reason: 'no phone number: the order (shipping, billing) and its customer have none', code: 'no_phone', input: { phone: null } };
    const phone = numberOf(raw);
    if (!phone.ok) return { status: 'skipped', port: 'out', reason: phone.reason, code: 'bad_phone', args: { phone: raw }, input: { phone: raw } };

    const rendered = (await render(params.text)).trim();
    const text = params.stripAccents ? withoutVietnameseAccents(rendered) : rendered;
    if (text === '') throw new Error('the message rendered empty');
    const parts = smsSegments(text);
    return {
      status: 'done',
      port: 'out',
      input: { phone: phone.phone, text },
      output: { phone: phone.phone, segments: parts.segments, encoding: parts.encoding, characters: parts.units },
      intents: [{ kind: 'sms.send', account: params.account, phone: phone.phone, text, unicode: parts.encoding === 'unicode', segments: parts.segments }],
    };
  };
}
