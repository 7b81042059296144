import { z } from 'zod';
import { defineConnectorSpec } from './connector-spec.ts';

/**
 * Email over SMTP (nodemailer). `security` maps to nodemailer's options: `tls` implicit TLS
 * (port 465), `starttls` plain then upgrade, refusing to go on in clear (`requireTLS`), `none`
 * never upgrades (a local relay). Reference: connectors.md §3.1.
 */
export const SmtpCredentials = z.object({
  host: z.string().trim().min(1, 'enter the server name').max(255).meta({ title: 'Server', description: 'e.g. smtp.gmail.com' }),
  port: z.number().int().min(1).max(65_535).default(587).meta({ title: 'Port', description: '587 for STARTTLS, 465 for TLS' }),
  security: z.enum(['starttls', 'tls', 'none']).default('starttls').meta({ title: 'Security' }),
  user: z.string().max(255).default('').meta({ title: 'User name', description: 'Usually your email address; empty when the server needs no sign-in' }),
  pass: z.string().max(1024).default('').meta({ title: 'Password', description: 'An app password where the provider asks for one', secret: true }),
  from: z
    .string()
    .trim()
    .max(320)
    .default('')
    .meta({ title: 'Default sender', description: 'e.g. "Cửa hàng An <shop@example.vn>"; a step may set its own' }),
});
export type SmtpCredentials = z.infer<typeof SmtpCredentials>;

export const SmtpSettings = z.object({
  rejectUnauthorized: z.boolean().default(true).meta({ title: "Check the server's certificate" }),
  timeoutSeconds: z.number().int().min(5).max(300).default(30).meta({ title: 'Timeout (seconds)' }),
});
export type SmtpSettings = z.infer<typeof SmtpSettings>;

export const smtpConnectorSpec = defineConnectorSpec({
  id: 'smtp',
  label: 'Email (SMTP)',
  description: "Send email through your mail server or provider's SMTP relay.",
  credentials: SmtpCredentials,
  settings: SmtpSettings,
  test: 'Connects to the server and signs in; sends nothing.',
});
