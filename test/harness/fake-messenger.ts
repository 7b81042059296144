import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FlowNode } from '../../engine/contract/index.ts';

/** A request as the fake got it: what the tests assert of the Send API's wire format. */
export interface MessengerRequest {
  method: string;
  /** The path without the query: `/v21.0/<page id>/messages`. */
  path: string;
  query: Record<string, string>;
  contentType: string | undefined;
  body: Record<string, unknown> | null;
  atMs: number;
}

/**
 * What the fake does with the next send instead of sending: a Graph error (code, subcode, with
 * its HTTP status), an HTTP status without Graph's body, or a message sent whose answer never
 * arrives (the socket closed mid-answer).
 */
export type MessengerScript = { error: { code: number; subcode?: number; message: string; status?: number } } | { status: number } | { sendThenDrop: true };

/** People of the page: one inside the window, one Facebook says is outside it, one who blocked the page. */
export const MESSENGER_PEOPLE = {
  person: '24680135792468',
  outsideWindow: '13579246801357',
  blocked: '11223344556677',
} as const;

export const MESSENGER_PAGE = { id: '104567891234567', name: 'Cửa hàng An' } as const;

export interface FakeMessenger {
  baseUrl: string;
  token: string;
  /** A person's token (not the page's): /me names the person. */
  userToken: string;
  requests: MessengerRequest[];
  /** Messages actually sent, in order. */
  sent: { psid: string; text: string; messagingType: unknown; tag: unknown; messageId: string }[];
  script(...next: MessengerScript[]): void;
  /** From now on the page token is expired (code 190, subcode 463). */
  expireToken(): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

let traces = 0;
/** Graph's error envelope (connectors.md §4): an `error` object with a 4xx/5xx status. */
function graphError(res: ServerResponse, status: number, code: number, message: string, subcode?: number, type = 'OAuthException'): void {
  const error = { message, type, code, ...(subcode !== undefined ? { error_subcode: subcode } : {}), fbtrace_id: `AbCdEf${++traces}` };
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', 'www-authenticate': code === 190 ? 'OAuth "Facebook Platform" "invalid_token"' : '' }).end(JSON.stringify({ error }));
}

/**
 * The Graph API's Send API on 127.0.0.1 (connectors.md §4, §9.3): `GET /<v>/me` and
 * `POST /<v>/<page id>/messages` with the Page token in `access_token`, answering with Graph's
 * error objects: 190 for a wrong or expired token, 100/2018001 for an unknown PSID, 551 for a
 * person who blocked the page, 10/2018278 for a RESPONSE outside the 24-hour window. Messenger
 * keeps no idempotency key: every request that gets through is a message.
 */
export async function startFakeMessenger(token = 'EAAGfakePageToken0123456789abcdefXYZ'): Promise<FakeMessenger> {
  const userToken = 'EAAGfakeUserToken0123456789abcdefXYZ';
  const requests: MessengerRequest[] = [];
  const sent: FakeMessenger['sent'] = [];
  const scripted: MessengerScript[] = [];
  let expired = false;
  const server: Server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const query = Object.fromEntries(url.searchParams);
      let body: Record<string, unknown> | null = null;
      if (raw !== '') {
        try {
          body = JSON.parse(raw) as Record<string, unknown>;
        } catch {
          return graphError(res, 400, 100, '(#100) param recipient must be non-empty.', undefined, 'GraphMethodException');
        }
      }
      requests.push({ method: req.method ?? '', path: url.pathname, query, contentType: req.headers['content-type'], body, atMs: Date.now() });
      const m = /^\/(v\d+\.\d)\/([^/]+)(?:\/(messages))?$/.exec(url.pathname);
      if (!m) return graphError(res, 400, 2500, 'Unknown path components', undefined, 'OAuthException');
      const accessToken = query['access_token'];
      if (accessToken !== token && accessToken !== userToken) return graphError(res, 400, 190, 'Invalid OAuth access token - Cannot parse access token');
      if (expired && accessToken === token) return graphError(res, 400, 190, 'Error validating access token: Session has expired on Monday, 07-Dec-26 01:00:00 PST.', 463);

      if (m[2] === 'me' && !m[3] && req.method === 'GET') {
        const me = accessToken === token ? MESSENGER_PAGE : { id: '10000123456789', name: 'Nguyễn Văn An' };
        const fields = (query['fields'] ?? 'id,name').split(',');
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(Object.fromEntries(Object.entries(me).filter(([k]) => fields.includes(k)))));
      }
      if (m[3] !== 'messages' || req.method !== 'POST') return graphError(res, 400, 100, 'Unsupported request', undefined, 'GraphMethodException');
      if (m[2] !== MESSENGER_PAGE.id && m[2] !== 'me') return graphError(res, 400, 100, `(#100) Object with ID '${m[2]}' does not exist, cannot be loaded due to missing permissions, or does not support this operation`, 33, 'GraphMethodException');
      if (accessToken === userToken) return graphError(res, 403, 230, '(#230) Requires pages_messaging permission to manage the object');

      const next = scripted.shift();
      if (next && 'error' in next) return graphError(res, next.error.status ?? 400, next.error.code, next.error.message, next.error.subcode);
      if (next && 'status' in next) return void res.writeHead(next.status, { 'content-type': 'text/html' }).end(`<html><body>${next.status}</body></html>`);

      const psid = String((body?.['recipient'] as { id?: unknown } | undefined)?.id ?? '');
      const type = body?.['messaging_type'];
      const text = String((body?.['message'] as { text?: unknown } | undefined)?.text ?? '');
      if (!['RESPONSE', 'UPDATE', 'MESSAGE_TAG'].includes(String(type))) return graphError(res, 400, 100, '(#100) Param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}', undefined, 'GraphMethodException');
      if (type === 'MESSAGE_TAG' && !['POST_PURCHASE_UPDATE', 'ACCOUNT_UPDATE', 'CONFIRMED_EVENT_UPDATE', 'HUMAN_AGENT'].includes(String(body?.['tag']))) {
        return graphError(res, 400, 100, '(#100) Param tag must be one of {CONFIRMED_EVENT_UPDATE, POST_PURCHASE_UPDATE, ACCOUNT_UPDATE, HUMAN_AGENT}', undefined, 'GraphMethodException');
      }
      if (psid === MESSENGER_PEOPLE.blocked) return graphError(res, 400, 551, 'This person isn\'t available right now.');
      if (!Object.values(MESSENGER_PEOPLE).includes(psid as never)) return graphError(res, 400, 100, '(#100) No matching user found', 2018001);
      if (psid === MESSENGER_PEOPLE.outsideWindow && type !== 'MESSAGE_TAG') {
        return graphError(res, 400, 10, '(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview', 2018278);
      }
      if (text === '' || text.length > 2000) return graphError(res, 400, 100, '(#100) Length of param message[text] must be less than or equal to 2000', undefined, 'GraphMethodException');
      const messageId = `m_fake${sent.length + 1}`;
      sent.push({ psid, text, messagingType: type, tag: body?.['tag'], messageId });
      if (next && 'sendThenDrop' in next) return void req.socket.destroy();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ recipient_id: psid, message_id: messageId }));
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    token,
    userToken,
    requests,
    sent,
    script: (...next) => void scripted.push(...next),
    expireToken: () => {
      expired = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A "Send Messenger message" step, for flows in tests. */
export function messengerNode(account: string, params: Record<string, unknown> = {}): FlowNode {
  return {
    id: 'messenger',
    type: 'messenger.send_message',
    typeVersion: 1,
    position: { x: 0, y: 160 },
    label: 'Tell the customer on Messenger',
    params: { account, text: 'Đơn {{ order.number }} của bạn đã được huỷ. Cửa hàng An xin lỗi vì sự bất tiện!', ...params },
  };
}
