import { z } from 'zod';
import { defineConnectorSpec } from './connector-spec.ts';

/**
 * Credentials for the "Send HTTP request" step (issue 16): a token, a user and password, or one
 * header, kept encrypted like every account's secrets, instead of a raw header value typed into
 * the step (which a flow file, a run log or the canvas would carry). They are sent only to URLs
 * that start with the account's address, so a template cannot hand them to another server.
 */
export const HttpAuthScheme = z.enum(['bearer', 'basic', 'header']);
export type HttpAuthScheme = z.infer<typeof HttpAuthScheme>;

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

export const HttpAuthCredentials = z
  .object({
    scheme: HttpAuthScheme.default('bearer').meta({ title: 'Kind', description: 'Bearer token, user and password (Basic), or one header of your choice' }),
    token: z.string().trim().max(4096).default('').meta({ title: 'Token', description: 'Bearer: sent as Authorization: Bearer <token>', secret: true }),
    username: z.string().trim().max(500).default('').meta({ title: 'User name', description: 'Basic: with the password, sent as Authorization: Basic …' }),
    password: z.string().max(4096).default('').meta({ title: 'Password', secret: true }),
    headerName: z.union([z.literal(''), z.string().trim().regex(HEADER_NAME, 'a header name such as X-Api-Key')]).default('').meta({ title: 'Header name', description: 'Header: e.g. X-Api-Key' }),
    headerValue: z.string().max(4096).default('').meta({ title: 'Header value', secret: true }),
  })
  .refine((c) => c.scheme !== 'bearer' || c.token !== '', { message: 'paste the token', path: ['token'] })
  .refine((c) => c.scheme !== 'basic' || (c.username !== '' && c.password !== ''), { message: 'enter the user name and the password', path: ['username'] })
  .refine((c) => c.scheme !== 'header' || (c.headerName !== '' && c.headerValue !== ''), { message: 'enter the header name and its value', path: ['headerName'] });
export type HttpAuthCredentials = z.infer<typeof HttpAuthCredentials>;

export const HttpAuthSettings = z.object({
  urlPrefix: z
    .union([z.literal(''), z.string().trim().regex(/^https?:\/\/[^\s/?#]+(\/\S*)?$/, 'an http:// or https:// address, e.g. https://api.example.com/')])
    .default('')
    .meta({ title: 'Only for addresses starting with', description: 'e.g. https://api.example.com/: the credentials are sent only to URLs that start with it (required)' }),
});
export type HttpAuthSettings = z.infer<typeof HttpAuthSettings>;

export const httpAuthConnectorSpec = defineConnectorSpec({
  id: 'http_auth',
  label: 'HTTP credentials',
  description: 'A token, a user and password, or a header for the "Send HTTP request" step, kept encrypted and sent only to the address you name.',
  credentials: HttpAuthCredentials,
  settings: HttpAuthSettings,
  test: 'Checks that the credentials and the address are complete. Sends nothing: a request to your server could change something.',
});

/** Whether a URL is one the account's credentials may go to: it starts with the account's address. */
export function httpAuthCovers(urlPrefix: string, url: string): boolean {
  const prefix = urlPrefix.trim();
  return prefix !== '' && url.toLowerCase().startsWith(prefix.toLowerCase());
}
