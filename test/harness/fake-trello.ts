import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fake got it: what the tests assert of Trello's wire format. */
export interface TrelloRequest {
  method: string;
  /** The path without the query: `/1/cards`. */
  path: string;
  query: Record<string, string>;
  contentType: string | undefined;
  body: Record<string, unknown> | null;
  atMs: number;
}

/**
 * What the fake does with the next POST /1/cards instead of making the card: a 429 (with a
 * Retry-After header when `retryAfter` is given), an HTTP status (5xx: nothing made), or a card
 * made whose answer never arrives (the socket closed, or no answer at all).
 */
export type TrelloScript = { rateLimited: true; retryAfter?: number } | { status: number } | { createThenDrop: true } | { createThenHang: true };

export const TRELLO_KEY = '0123456789abcdef0123456789abcdef';
export const TRELLO_TOKEN = 'ATTAfake0token0for0tests0000000000000000000000000000000000000000AB12CD34';
/** The lists and labels on the fake's board ("Cửa hàng An"). */
export const TRELLO_BOARD = {
  toPack: '64a1b2c3d4e5f60718293a4b',
  toCall: '64a1b2c3d4e5f60718293a4c',
  labels: { urgent: '64a1b2c3d4e5f60718293aa1', vip: '64a1b2c3d4e5f60718293aa2' },
} as const;

export interface FakeTrello {
  baseUrl: string;
  requests: TrelloRequest[];
  /** Cards actually made, in order. */
  cards: { id: string; idList: string; name: string; desc: string; due: string | null; idLabels: string[] }[];
  script(...next: TrelloScript[]): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** Trello answers most failures in plain text. */
const text = (res: ServerResponse, status: number, body: string) => void res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(body);
const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  void res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));

/**
 * The Trello REST API on 127.0.0.1: GET /1/members/me and POST /1/cards, the key and token in
 * the query string, the card's fields in a JSON (or form) body. Failures as Trello gives them:
 * 401 "invalid key" / "invalid token" in plain text, 400 "invalid value for idList", 404 for a
 * list it does not have, 429 `{"error":"API_TOKEN_LIMIT_EXCEEDED",…}`. Trello keeps no
 * idempotency key: every request that gets through is a card.
 */
export async function startFakeTrello(): Promise<FakeTrello> {
  const requests: TrelloRequest[] = [];
  const cards: FakeTrello['cards'] = [];
  const scripted: TrelloScript[] = [];
  const server: Server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const contentType = req.headers['content-type'];
      let body: Record<string, unknown> | null = null;
      if (raw !== '') {
        try {
          body = contentType?.startsWith('application/x-www-form-urlencoded') ? Object.fromEntries(new URLSearchParams(raw)) : (JSON.parse(raw) as Record<string, unknown>);
        } catch {
          return text(res, 400, 'invalid JSON');
        }
      }
      const query = Object.fromEntries(url.searchParams);
      requests.push({ method: req.method ?? '', path: url.pathname, query, contentType, body, atMs: Date.now() });
      if (query['key'] !== TRELLO_KEY) return text(res, 401, 'invalid key');
      if (query['token'] !== TRELLO_TOKEN) return text(res, 401, 'invalid token');
      if (req.method === 'GET' && url.pathname === '/1/members/me') return json(res, 200, { id: '5f0000000000000000000001', fullName: 'Cửa hàng An', username: 'cuahangan' });
      if (req.method !== 'POST' || url.pathname !== '/1/cards') return text(res, 404, 'Cannot ' + (req.method ?? '') + ' ' + url.pathname);

      const next = scripted.shift();
      if (next && 'rateLimited' in next) {
        return json(res, 429, { error: 'API_TOKEN_LIMIT_EXCEEDED', message: 'Rate limit exceeded' }, next.retryAfter !== undefined ? { 'retry-after': String(next.retryAfter) } : {});
      }
      if (next && 'status' in next) return text(res, next.status, next.status >= 500 ? 'Internal Server Error' : 'error');
      const fields = { ...query, ...body } as Record<string, unknown>;
      const idList = String(fields['idList'] ?? '');
      if (!/^[0-9a-f]{24}$/.test(idList)) return text(res, 400, 'invalid value for idList');
      if (idList !== TRELLO_BOARD.toPack && idList !== TRELLO_BOARD.toCall) return text(res, 404, 'could not find the list');
      const idLabels = typeof fields['idLabels'] === 'string' && fields['idLabels'] !== '' ? fields['idLabels'].split(',') : [];
      const known: string[] = Object.values(TRELLO_BOARD.labels);
      if (idLabels.some((l) => !known.includes(l))) return text(res, 400, 'invalid value for idLabels');
      const due = typeof fields['due'] === 'string' ? fields['due'] : null;
      if (due !== null && Number.isNaN(Date.parse(due))) return text(res, 400, 'invalid value for due');
      const id = `65${String(cards.length + 1).padStart(22, '0')}`;
      const card = { id, idList, name: String(fields['name'] ?? ''), desc: String(fields['desc'] ?? ''), due, idLabels };
      cards.push(card);
      if (next && 'createThenDrop' in next) return void req.socket.destroy();
      if (next && 'createThenHang' in next) return;
      json(res, 200, { ...card, idBoard: '64a1b2c3d4e5f60718293a00', pos: 16384 * cards.length, shortUrl: `https://trello.com/c/card${cards.length}`, url: `https://trello.com/c/card${cards.length}/1-x` });
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    cards,
    script: (...next) => void scripted.push(...next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
