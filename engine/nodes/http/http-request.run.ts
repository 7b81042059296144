import { httpRequestSpec } from '../../contract/index.ts';
import { defineNodeType } from '../node-type.ts';

const excerpt = (text: string) => (text.length > 500 ? `${text.slice(0, 500)}…` : text);

/**
 * Renders the request; the http connector sends it (connectors/http/), so a dry run records it
 * instead. Every attempt carries the same Idempotency-Key.
 */
export const httpRequestNode = defineNodeType(httpRequestSpec, async (ctx) => {
  const { params } = ctx;
  const url = (await ctx.render(params.url)).trim();
  if (!/^https?:\/\//i.test(url)) return { status: 'skipped', port: 'out', reason: `the URL rendered as "${excerpt(url)}", not an http(s) URL`, code: 'url_not_http', args: { url: excerpt(url) }, input: { url } };
  const headers: Record<string, string> = {};
  for (const line of params.headers) {
    const at = line.indexOf(':');
    headers[line.slice(0, at).trim().toLowerCase()] = (await ctx.render(line.slice(at + 1))).trim();
  }
  const body = params.method === 'GET' || params.method === 'DELETE' ? null : await ctx.render(params.body);
  if (body !== null && !headers['content-type']) {
    headers['content-type'] = /^\s*[[{]/.test(body) ? 'application/json' : 'text/plain; charset=utf-8';
  }
  return {
    status: 'done',
    port: 'out',
    input: { method: params.method, url },
    intents: [{ kind: 'http.request', method: params.method, url, headers, body, timeoutMs: params.timeoutSeconds * 1000, ...(params.account ? { account: params.account } : {}) }],
  };
});
