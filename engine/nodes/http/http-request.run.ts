import type { HttpRequestParams } from '../../contract/index.ts';
import { RetryableStepError, type NodeExecutor } from '../node-executor.ts';

const excerpt = (text: string) => (text.length > 500 ? `${text.slice(0, 500)}…` : text);

/**
 * Calls a URL. External effects cannot share the step's transaction, so they are at least
 * once: every attempt of a step carries the same Idempotency-Key, which the receiver uses to
 * apply it once.
 */
export const httpRequestExecutor: NodeExecutor<HttpRequestParams> = {
  async run(ctx) {
    const { params } = ctx;
    const url = (await ctx.render(params.url)).trim();
    if (!/^https?:\/\//i.test(url)) return { status: 'skipped', port: 'out', reason: `the URL rendered as "${excerpt(url)}", not an http(s) URL`, input: { url } };
    const headers = new Headers({ 'Idempotency-Key': ctx.idempotencyKey, 'User-Agent': 'Flowdesk' });
    for (const line of params.headers) {
      const at = line.indexOf(':');
      headers.set(line.slice(0, at).trim(), (await ctx.render(line.slice(at + 1))).trim());
    }
    const body = params.method === 'GET' || params.method === 'DELETE' ? undefined : await ctx.render(params.body);
    if (body !== undefined && !headers.has('content-type')) {
      headers.set('content-type', /^\s*[[{]/.test(body) ? 'application/json' : 'text/plain; charset=utf-8');
    }
    const input = { method: params.method, url, headers: Object.fromEntries(headers), body: body ?? null };
    let res: Response;
    try {
      res = await ctx.fetch(url, { method: params.method, headers, ...(body !== undefined ? { body } : {}), signal: AbortSignal.timeout(params.timeoutSeconds * 1000) });
    } catch (error) {
      throw new RetryableStepError(`${params.method} ${url} failed: ${(error as Error).message}`);
    }
    const text = excerpt(await res.text().catch(() => ''));
    if (res.status >= 500 || res.status === 429) throw new RetryableStepError(`${params.method} ${url} answered ${res.status}: ${text}`);
    if (res.status >= 400) throw new Error(`${params.method} ${url} answered ${res.status}: ${text}`);
    return { status: 'done', port: 'out', input, output: { status: res.status, body: text } };
  },
};
