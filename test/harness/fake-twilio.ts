import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fake got it: what the tests assert of Twilio's wire format. */
export interface TwilioRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  /** The raw form body, as sent ("To=%2B84…&From=…&Body=…"); '' for a GET. */
  raw: string;
  form: Record<string, string>;
}

/**
 * What the fake does with the next message instead of creating it: a Twilio error (its code
 * and HTTP status), a bare HTTP status with headers, or the answer dropped after creating it.
 */
export type TwilioScript = { code: number; status: number; message: string } | { http: number; headers?: Record<string, string>; body?: string } | { sendThenDrop: true };

export interface FakeTwilio {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  requests: TwilioRequest[];
  /** Messages actually created. */
  sent: { sid: string; to: string; from: string | undefined; messagingServiceSid: string | undefined; body: string }[];
  script(...next: TwilioScript[]): void;
  close(): Promise<void>;
}

const errorBody = (code: number, status: number, message: string) => ({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });

/**
 * Twilio's REST API on 127.0.0.1 (connectors.md §2.4, §9.3): POST
 * /2010-04-01/Accounts/{SID}/Messages.json, form-encoded, HTTP Basic SID:token, answered 201 with
 * the Message resource; GET /2010-04-01/Accounts/{SID}.json for the account. Errors are JSON
 * `{code, message, more_info, status}`. Like Twilio it has no dedupe: a resend sends again.
 */
export async function startFakeTwilio(accountSid = `AC${'0123456789abcdef'.repeat(2)}`, authToken = 'twilio-auth-token-0004'): Promise<FakeTwilio> {
  const requests: TwilioRequest[] = [];
  const sent: FakeTwilio['sent'] = [];
  const scripted: TwilioScript[] = [];
  const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '';
      const form = Object.fromEntries(new URLSearchParams(raw));
      requests.push({ method: req.method ?? '', path, authorization: req.headers.authorization, contentType: req.headers['content-type'], raw, form });
      const answer = (json: unknown, status: number) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      if (req.headers.authorization !== expected) return answer({ ...errorBody(20003, 401, 'Authenticate'), detail: 'Your AccountSid or AuthToken was incorrect.' }, 401);
      const base = `/2010-04-01/Accounts/${accountSid}`;
      if (req.method === 'GET' && path === `${base}.json`) {
        return answer({ sid: accountSid, friendly_name: 'Cửa hàng An', status: 'active', type: 'Full', date_created: 'Mon, 04 May 2026 08:00:00 +0000' }, 200);
      }
      if (req.method !== 'POST' || path !== `${base}/Messages.json`) return answer(errorBody(20404, 404, `The requested resource ${path} was not found`), 404);
      const next = scripted.shift();
      if (next && 'code' in next) return answer(errorBody(next.code, next.status, next.message), next.status);
      if (next && 'http' in next) return void res.writeHead(next.http, { 'content-type': 'application/json', ...next.headers }).end(next.body ?? '');
      const sid = `SM${String(sent.length + 1).padStart(32, '0')}`;
      sent.push({ sid, to: form['To'] ?? '', from: form['From'], messagingServiceSid: form['MessagingServiceSid'], body: form['Body'] ?? '' });
      // Created, but the answer never arrives: the sender cannot tell, and Twilio would create a resend again.
      if (next && 'sendThenDrop' in next) return void req.socket.destroy();
      answer(
        {
          sid, account_sid: accountSid, to: form['To'], from: form['From'] ?? null, messaging_service_sid: form['MessagingServiceSid'] ?? null, body: form['Body'],
          status: form['MessagingServiceSid'] ? 'accepted' : 'queued', num_segments: '1', direction: 'outbound-api', price: null, error_code: null, uri: `${base}/Messages/${sid}.json`,
        },
        201,
      );
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    requests,
    sent,
    script: (...next) => void scripted.push(...next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
