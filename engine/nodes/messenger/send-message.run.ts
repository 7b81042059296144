import { isMessengerPsid, MESSENGER_MAX_TEXT, MESSENGER_WINDOW_MS, sendMessengerSpec } from '../../contract/index.ts';
import { defineNodeType, type StepResult } from '../node-type.ts';

const filled = (s: string | null | undefined): string | null => (s && s.trim() !== '' ? s.trim() : null);

/**
 * Renders the message; the Messenger connector sends it (connectors/messenger/). Preconditions
 * (connectors.md §9.2): a PSID (the step's, else the customer's), and, without a message tag,
 * the 24-hour window: the customer must have written to the page within the last 24 hours.
 * The window is known only for the customer's own PSID; another PSID is left to Facebook,
 * which says "outside of allowed window" itself (the connector skips then too).
 */
export const sendMessengerNode = defineNodeType(sendMessengerSpec, async ({ params, data, render, nowMs }): Promise<StepResult> => {
  const customerPsid = filled(data.customer?.messengerPsid) ?? filled(data.order.customer?.messengerPsid);
  const psid = (await render(params.psid)).trim() || customerPsid;
  if (!psid) return { status: 'skipped', port: 'out', reason: 'no Messenger recipient: the customer has not written to the Facebook page (no PSID)', code: 'no_messenger_psid', input: { psid: null } };
  if (!isMessengerPsid(psid)) return { status: 'skipped', port: 'out', reason: `"${psid}" is not a Messenger PSID (a number)`, code: 'bad_messenger_psid', args: { psid }, input: { psid } };

  const tag = params.messagingType === 'MESSAGE_TAG' ? params.tag : null;
  if (!tag && psid === customerPsid) {
    const at = data.customer?.messengerInteractedAt ?? null;
    const atMs = at ? Date.parse(at) : NaN;
    if (Number.isNaN(atMs)) {
      return { status: 'skipped', port: 'out', reason: 'the customer has never written to the Facebook page, so Messenger allows no message without a tag', code: 'messenger_never_wrote', input: { psid } };
    }
    if (nowMs - atMs > MESSENGER_WINDOW_MS) {
      const hours = String(Math.floor((nowMs - atMs) / 3_600_000));
      return {
        status: 'skipped',
        port: 'out',
        reason: `outside the 24-hour window: the customer last wrote to the page ${hours} hours ago; choose a message tag to send anyway`,
        code: 'messenger_window_closed',
        args: { hours },
        input: { psid, lastMessageAt: at },
      };
    }
  }

  const text = (await render(params.text)).trim();
  if (text === '') throw new Error('the message rendered empty');
  if (text.length > MESSENGER_MAX_TEXT) throw new Error(`the message is ${text.length} characters long; Messenger takes at most ${MESSENGER_MAX_TEXT}`);
  return {
    status: 'done',
    port: 'out',
    input: { psid, text },
    output: { psid, characters: text.length, messagingType: params.messagingType, ...(tag ? { tag } : {}) },
    intents: [{ kind: 'messenger.send', account: params.account, psid, text, tag }],
  };
});
