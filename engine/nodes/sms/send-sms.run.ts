import { normalizeSmsPhone, sendSmsSpec, smsSegments, withoutVietnameseAccents } from '../../contract/index.ts';
import { defineNodeType } from '../node-type.ts';
import { customerPhone } from '../messages/recipients.ts';

/**
 * Renders the SMS and counts its parts; the provider of the step's account sends it
 * (connectors/sms/sms-intents.ts routes by the account's connector). Precondition (seed 000):
 * a mobile number, the rendered Phone or the order's; without one the step is skipped with the
 * reason. Whether the provider reaches that number (a number abroad through a Vietnamese
 * provider) is the provider's to say when it sends.
 */
export const sendSmsNode = defineNodeType(sendSmsSpec, async ({ params, data, render }) => {
  const raw = (await render(params.phone)).trim() || customerPhone(data);
  if (!raw) return { status: 'skipped', port: 'out', reason: 'no phone number: the order (shipping, billing) and its customer have none', code: 'no_phone', input: { phone: null } };
  const phone = normalizeSmsPhone(raw);
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
});
