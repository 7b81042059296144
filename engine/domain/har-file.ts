import { z } from 'zod';

/**
 * The part of a HAR 1.2 file (W3C draft "HTTP Archive") a delivery is read from: each entry's
 * request. Browsers, proxies (mitmproxy, Charles) and request bins export it.
 */
const HarHeader = z.object({ name: z.string(), value: z.string() });
const HarRequest = z.object({
  method: z.string().min(1).max(16),
  url: z.string().min(1).max(8000),
  headers: z.array(HarHeader).default([]),
  postData: z.object({
    mimeType: z.string().optional(),
    text: z.string().max(20_000_000).optional(),
    /** HAR 1.2 lets a body be base64 (the spec names it on content; many tools write it here too). */
    encoding: z.string().optional(),
  }).optional(),
});
export const HarFile = z.object({
  log: z.object({
    entries: z.array(z.object({ request: HarRequest, startedDateTime: z.string().optional() })).min(1, 'the HAR holds no entry').max(100_000),
  }),
});
export type HarFile = z.infer<typeof HarFile>;
export type HarRequest = z.infer<typeof HarRequest>;

/** A HAR request as the listener would have seen it: header names lowercased (repeats joined, HTTP/2 pseudo-headers left out), path with its query. */
export function harRequestParts(r: HarRequest): { method: string; path: string; headers: Record<string, string>; body: Buffer; hookId: string | null } {
  const headers: Record<string, string> = {};
  for (const h of r.headers) {
    const name = h.name.toLowerCase();
    if (name.startsWith(':')) continue;
    headers[name] = name in headers ? `${headers[name]}, ${h.value}` : h.value;
  }
  const url = new URL(r.url, 'http://capture.invalid');
  const text = r.postData?.text ?? '';
  const body = r.postData?.encoding?.toLowerCase() === 'base64' ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8');
  const hookId = /^\/hooks\/([^/?#]+)/.exec(url.pathname)?.[1];
  return { method: r.method.toUpperCase(), path: url.pathname + url.search, headers, body, hookId: hookId ? decoded(hookId) : null };
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
