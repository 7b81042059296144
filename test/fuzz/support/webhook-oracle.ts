import { expect } from 'vitest';
import type { InboxEntryDto, InboxVerdict } from '../../../engine/contract/index.ts';
import type { Engine } from '../../../engine/create-engine.ts';
import type { Dialect } from './dialects.ts';
import { v1DataHash } from './dialects.ts';
import type { RawHeader, RawResponse } from './raw-http.ts';

/** The listener's answer for each verdict (README "What the listener answers"). */
export const statusOfVerdict: Record<InboxVerdict, number> = {
  accepted: 200,
  duplicate: 200,
  ignored_topic: 200,
  ping: 200,
  bad_signature: 401,
  malformed: 400,
  too_large: 413,
  unknown_connection: 404,
  not_a_delivery: 405,
};

/** Verdicts given only after the signature was checked and found good. */
const VERIFIED: readonly InboxVerdict[] = ['accepted', 'duplicate', 'ignored_topic', 'malformed'];

/** Node's HTTP parser default (`--max-http-header-size`, 16 KB): bigger header sections get 431. */
const MAX_HEADER_BYTES = 16 * 1024;
/** Control characters other than HTAB (CR and LF never reach a value: they end the line). */
const forbiddenInValue = (text: string) => [...text].some((c) => {
  const code = c.charCodeAt(0);
  return (code < 0x20 && code !== 0x09) || code === 0x7f;
});

/**
 * Whether the request breaks HTTP/1.1 itself (a control character in a header value, RFC 9110
 * §5.5, or a header section over Node's limit). Such a request never reaches Flowdesk: Node
 * answers 400 or 431 and closes, and nothing is recorded. `maybe`: too close to the limit to say.
 */
export function httpLevel(headers: readonly RawHeader[]): 'ok' | 'reject' | 'maybe' {
  let size = 0;
  for (const [name, value] of headers) {
    const bytes = Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8');
    if (forbiddenInValue(bytes.toString('latin1'))) return 'reject';
    size += name.length + bytes.length + 4;
  }
  if (size > MAX_HEADER_BYTES + 512) return 'reject';
  return size > MAX_HEADER_BYTES - 1024 ? 'maybe' : 'ok';
}

/** The headers as the listener sees them: names lowercased, repeats joined with ", ", bytes read as latin1, OWS trimmed. */
export function asReceived(headers: readonly RawHeader[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [rawName, value] of headers) {
    const name = rawName.toLowerCase();
    const text = (Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8')).toString('latin1').replace(/^[ \t]+|[ \t]+$/g, '');
    out[name] = name in out ? `${out[name]}, ${text}` : text;
  }
  return out;
}

export interface SentDelivery {
  dialect: Dialect;
  method: string;
  /** Sent to a connection's own URL (false: to an id no connection has). */
  ownConnection: boolean;
  headers: readonly RawHeader[];
  body: Buffer;
  limit: number;
  /** Nhanh.vn v1: the `data` this case signed with a valid checksum, if it did. */
  signedData: Buffer | null;
  /** The sender did nothing a genuine platform would not (v1, where the reference cannot read the form). */
  cleanV1: boolean;
}

async function latestInbox(engine: Engine): Promise<InboxEntryDto | undefined> {
  return (await engine.call('inbox.list', { limit: 1 }))[0];
}

export async function lastInboxId(engine: Engine): Promise<number> {
  return (await latestInbox(engine))?.id ?? 0;
}

async function storedBody(engine: Engine, id: number): Promise<Buffer> {
  const d = await engine.call('inbox.get', { id });
  return Buffer.from(d.body, d.bodyEncoding === 'utf8' ? 'utf8' : 'base64');
}

/** Whether what the engine verified is what the platform signed: the reference check, or the kept `data`. */
async function verifiedIsGenuine(engine: Engine, s: SentDelivery, entry: InboxEntryDto): Promise<boolean> {
  if (s.dialect.verifiedBy !== 'data-hash') return s.dialect.genuine(asReceived(s.headers), s.body);
  if (!s.signedData) return false;
  const key = entry.deliveryKey ?? '';
  if (entry.verdict !== 'malformed' && key.startsWith('event:v1/')) return key.endsWith(`#${v1DataHash(s.signedData.toString('utf8'))}`);
  return (await storedBody(engine, entry.id)).includes(s.signedData);
}

/**
 * Checks one answer against the documented behaviour. `before` is the newest inbox id before
 * the request (requests are sent one at a time, so the new row, if any, is the newest).
 */
export async function expectDocumentedAnswer(engine: Engine, s: SentDelivery, res: RawResponse, before: number): Promise<void> {
  const http = httpLevel(s.headers);
  const latest = await latestInbox(engine);
  const added = (latest?.id ?? 0) - before;
  const what = `${s.method} ${s.dialect.label} → ${res.status} ${JSON.stringify(res.json ?? res.body.toString('latin1').slice(0, 120))}`;

  if (res.json === undefined) {
    // Not Flowdesk's answer: Node refused a request that is not valid HTTP/1.1.
    expect(http, `${what}: only a request that breaks HTTP/1.1 may get a non-JSON answer`).not.toBe('ok');
    expect([400, 431, 0], what).toContain(res.status);
    expect(added, `${what}: recorded`).toBe(0);
    return;
  }
  expect(http, `${what}: a request Node should refuse reached Flowdesk`).not.toBe('reject');
  expect(res.status, `${what}: a 5xx`).toBeLessThan(500);

  expect(added, `${what}: inbox rows added`).toBe(1);
  if (!['POST', 'GET'].includes(s.method)) {
    expect(res.status, what).toBe(405);
    expect(res.json).toMatchObject({ ok: false, verdict: 'not_a_delivery' });
    expect(latest!.verdict, what).toBe('not_a_delivery');
    return;
  }

  const entry = latest!;
  expect(res.json, what).toEqual({ ok: res.status < 300, verdict: entry.verdict, reason: entry.reason, inboxId: entry.id });
  expect(entry.httpStatus, what).toBe(res.status);
  expect(typeof entry.reason === 'string' && entry.reason.trim().length > 0, `${what}: the recorded reason is empty`).toBe(true);

  if (s.method === 'GET') {
    if (!s.ownConnection) expect(entry.verdict, what).toBe('unknown_connection');
    else if (s.dialect.label === 'haravan') expect(entry.verdict, what).toBe('bad_signature'); // no hub.challenge: 403
    else expect([entry.verdict, res.status], what).toEqual(['not_a_delivery', 405]);
    if (entry.verdict === 'unknown_connection') expect(res.status).toBe(404);
    return;
  }

  expect(res.status, `${what}: status for verdict ${entry.verdict}`).toBe(statusOfVerdict[entry.verdict]);
  expect(entry.verdict === 'too_large', `${what}: body of ${s.body.length} bytes, limit ${s.limit}`).toBe(s.body.length > s.limit);
  if (entry.verdict === 'too_large') return;
  if (!s.ownConnection) {
    expect(entry.verdict, what).toBe('unknown_connection');
    return;
  }
  expect(entry.verdict, what).not.toBe('unknown_connection');

  if (VERIFIED.includes(entry.verdict)) {
    expect(await verifiedIsGenuine(engine, s, entry), `${what}: FORGERY passed verification`).toBe(true);
    // An accepted delivery may already be taken up by a worker; nothing else is ever processed.
    expect(entry.processing === 'not_processed', `${what}: processing ${entry.processing}`).toBe(entry.verdict !== 'accepted');
  } else if (entry.verdict === 'ping') {
    const h = asReceived(s.headers);
    expect(s.dialect.label, what).toBe('woocommerce');
    expect(h['x-wc-webhook-signature'] || h['x-wc-webhook-topic'], what).toBeFalsy();
    expect(s.body.toString('latin1').trim(), what).toMatch(/^webhook_id=\d+$/);
  } else {
    expect(entry.verdict, what).toBe('bad_signature');
    const genuine = s.dialect.verifiedBy === 'data-hash' ? s.cleanV1 : s.dialect.genuine(asReceived(s.headers), s.body);
    expect(genuine, `${what}: a genuine delivery was refused (${entry.reason})`).toBe(false);
  }
}
