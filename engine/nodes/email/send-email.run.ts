import { sendEmailSpec } from '../../contract/index.ts';
import { defineNodeType } from '../node-type.ts';
import { customerEmail, isEmailAddress, splitAddresses } from '../messages/recipients.ts';

/**
 * Renders the email; the SMTP connector sends it (connectors/email/), a dry run records it.
 * Precondition (seed 000): an address to send to, the rendered To or the customer's; without
 * one the step is skipped with the reason, never silently and never failed.
 */
export const sendEmailNode = defineNodeType(sendEmailSpec, async ({ params, data, render }) => {
  const rendered = splitAddresses(await render(params.to));
  const customer = rendered.length === 0 ? customerEmail(data) : null;
  const to = rendered.length > 0 ? rendered : customer ? [customer.address] : [];
  if (to.length === 0) return { status: 'skipped', port: 'out', reason: 'no email address: the order and its customer have none', code: 'no_email', input: { to: [] } };
  if (customer && params.onlyVerified && !customer.verified) {
    return { status: 'skipped', port: 'out', reason: `the customer's email address ${customer.address} is not verified`, code: 'email_unverified', args: { address: customer.address }, input: { to } };
  }
  const cc = splitAddresses(await render(params.cc));
  const bcc = splitAddresses(await render(params.bcc));
  const bad = [...to, ...cc, ...bcc].find((a) => !isEmailAddress(a));
  if (bad) return { status: 'skipped', port: 'out', reason: `"${bad}" is not an email address`, code: 'bad_email', args: { address: bad }, input: { to, cc, bcc } };

  const subject = (await render(params.subject)).replace(/\s+/g, ' ').trim();
  if (subject === '') throw new Error('the subject rendered empty');
  const text = await render(params.text);
  const html = await render(params.html);
  if (text.trim() === '' && html.trim() === '') throw new Error('the email has no body: write the text or the HTML');
  const from = (await render(params.from)).trim();
  const replyTo = (await render(params.replyTo)).trim();
  return {
    status: 'done',
    port: 'out',
    input: { to, cc, bcc, subject },
    intents: [{ kind: 'email.send', account: params.account, from, replyTo, to, cc, bcc, subject, text, html }],
  };
});
