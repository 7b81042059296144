import { z } from 'zod';
import { defineNodeSpec, IN_PORT, OUT_PORT } from '../node-spec.ts';

export const HttpRequestParams = z.object({
  method: z.enum(['POST', 'PUT', 'PATCH', 'GET', 'DELETE']).default('POST').meta({ title: 'Method' }),
  url: z
    .string()
    .min(1, 'enter the URL')
    .max(2000)
    .regex(/^(https?:\/\/|\{\{)/, 'an http:// or https:// URL (Liquid allowed)')
    .meta({ title: 'URL', description: 'Liquid allowed, e.g. https://example.com/orders/{{ order.platformOrderId }}', widget: 'template' }),
  account: z
    .string()
    .max(64)
    .default('')
    .meta({
      title: 'Credentials',
      description: 'An HTTP credentials account (Connections page): its token, password or header is added to the request, kept encrypted, never typed here',
      widget: 'account',
      connector: 'http_auth',
    }),
  headers: z
    .array(z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+:.*$/, 'write each header as Name: value'))
    .default([])
    .meta({ title: 'Headers', description: 'One "Name: value" per entry; values may use Liquid', widget: 'tags' }),
  body: z
    .string()
    .max(100_000)
    .default('')
    .meta({ title: 'Body', description: 'Liquid template; JSON is sent with Content-Type application/json', widget: 'template' }),
  timeoutSeconds: z.number().int().min(1).max(60).default(10).meta({ title: 'Timeout (seconds)' }),
});
export type HttpRequestParams = z.infer<typeof HttpRequestParams>;

export const httpRequestSpec = defineNodeSpec({
  type: 'http.request',
  version: 1,
  label: 'Send HTTP request',
  description: 'Call a URL with a body rendered from the order. Sent with an Idempotency-Key so a retry is never applied twice.',
  category: 'action',
  connector: 'http',
  icon: 'http',
  inputs: [IN_PORT],
  outputs: [OUT_PORT],
  params: HttpRequestParams,
});
