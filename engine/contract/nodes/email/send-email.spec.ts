import { z } from 'zod';
import { recipientNeeds } from '../../platform-fields.ts';
import { defineNodeSpec, IN_PORT, OUT_PORT } from '../node-spec.ts';
import { anyAccountParam } from '../sms/send-sms.spec.ts';

/** A param that picks a connector account: the editor shows the connector's accounts (widget 'account'). */
export function accountParam(connector: string, title = 'Account') {
  return z.string().min(1, 'choose an account').max(64).meta({ title, widget: 'account', connector });
}

/** The connectors that send email (`email.send` intent): the email step lists their accounts together. */
export const EMAIL_CONNECTORS = ['smtp', 'resend'] as const;

const template = (title: string, description: string, max = 10_000) =>
  z.string().max(max).default('').meta({ title, description, widget: 'template' });

export const SendEmailParams = z.object({
  account: anyAccountParam('email', EMAIL_CONNECTORS, 'Email account'),
  from: template('From', "Empty: the account's default sender", 500),
  replyTo: template('Reply-to', 'Where replies go; empty: the sender', 500),
  to: template('To', "Empty: the customer's email (the order's, else the customer's). Several: separate with commas", 2_000),
  cc: template('Cc', 'Separate addresses with commas', 2_000),
  bcc: template('Bcc', 'Separate addresses with commas', 2_000),
  subject: z
    .string()
    .min(1, 'write the subject')
    .max(1_000)
    .meta({ title: 'Subject', description: 'e.g. Đơn hàng {{ order.number }} đã được huỷ', widget: 'template' }),
  text: template('Text', 'The plain-text body; Liquid over the order', 100_000),
  html: template('HTML', 'The HTML body (optional); Liquid over the order', 200_000),
  onlyVerified: z.boolean().default(false).meta({ title: 'Only to verified addresses' }),
});
export type SendEmailParams = z.infer<typeof SendEmailParams>;

/**
 * One email step for every provider: the account chosen decides who sends it (an SMTP server,
 * or Resend's API), so a shop changes provider by changing the account, not the flow. The type
 * keeps its first name (`email.send_smtp`) so the flows that use it run and edit unchanged.
 */
export const sendEmailSpec = defineNodeSpec({
  type: 'email.send_smtp',
  version: 1,
  label: 'Send email',
  description: "Send an email through an email account (SMTP or Resend), to the customer's address or another. Skipped, with the reason, when there is no address.",
  category: 'action',
  connector: 'email',
  icon: 'email',
  inputs: [IN_PORT],
  outputs: [OUT_PORT],
  params: SendEmailParams,
  needs: (p) => recipientNeeds('email', p['to'], /\b(customer|order)\.[\w.]*email\b/i),
});
