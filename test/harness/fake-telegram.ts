import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fake got it: what the tests assert of the Bot API's wire format. */
export interface TelegramRequest {
  method: string;
  /** The path, token included: `/bot<token>/sendMessage`. */
  path: string;
  contentType: string | undefined;
  body: Record<string, unknown> | null;
  atMs: number;
}

/**
 * What the fake does with the next sendMessage instead of sending: a 429 with
 * `parameters.retry_after`, an HTTP status (5xx: nothing sent), a group moved to a supergroup,
 * or a message sent whose answer never arrives (the socket closed, or no answer at all).
 */
export type TelegramScript = { retryAfter: number } | { status: number } | { migrateTo: number } | { sendThenDrop: true } | { sendThenHang: true };

/** A chat the bot may write to, and the ones that refuse it. */
export const TELEGRAM_CHATS = {
  person: 123456789,
  /** A supergroup (ids -100…). */
  group: -1001234567890,
  channel: '@cuahangan_news',
  /** This person blocked the bot. */
  blocked: 987654321,
} as const;

export interface FakeTelegram {
  baseUrl: string;
  token: string;
  requests: TelegramRequest[];
  /** Messages actually sent, in order. */
  sent: { chatId: number | string; text: string; parseMode: unknown; messageId: number }[];
  script(...next: TelegramScript[]): void;
  close(): Promise<void>;
}

const BOT = { id: 7_000_000_001, is_bot: true, first_name: 'Cửa hàng An', username: 'cuahangan_bot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** The Bot API's failure envelope (connectors.md §5). */
function failure(res: ServerResponse, code: number, description: string, parameters?: Record<string, unknown>): void {
  res.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) }));
}

/**
 * The Telegram Bot API on 127.0.0.1 (connectors.md §5, §9.3): `/bot<token>/getMe` and
 * `/bot<token>/sendMessage` with a JSON or form body, answering with Telegram's envelope and its
 * errors: 401 for another token, 400 "chat not found", 403 "bot was blocked by the user", 400 for
 * an empty or too long text or HTML it cannot read. Telegram keeps no idempotency key: every
 * request that gets through is a message.
 */
export async function startFakeTelegram(token = '7000000001:AAHfake-token-for-tests_0123456789'): Promise<FakeTelegram> {
  const requests: TelegramRequest[] = [];
  const sent: FakeTelegram['sent'] = [];
  const scripted: TelegramScript[] = [];
  const server: Server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const contentType = req.headers['content-type'];
      let body: Record<string, unknown> | null = null;
      if (raw !== '') {
        try {
          body = contentType?.startsWith('application/x-www-form-urlencoded') ? Object.fromEntries(new URLSearchParams(raw)) : (JSON.parse(raw) as Record<string, unknown>);
        } catch {
          return failure(res, 400, "Bad Request: can't parse JSON");
        }
      }
      const path = req.url ?? '';
      requests.push({ method: req.method ?? '', path, contentType, body, atMs: Date.now() });
      const m = /^\/bot([^/]+)\/(\w+)$/.exec(path);
      if (!m) return failure(res, 404, 'Not Found');
      if (m[1] !== token) return failure(res, 401, 'Unauthorized');
      const answer = (result: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result }));
      if (m[2] === 'getMe') return answer(BOT);
      if (m[2] !== 'sendMessage' || req.method !== 'POST') return failure(res, 404, 'Not Found');

      const chatId = body?.['chat_id'];
      const text = typeof body?.['text'] === 'string' ? body['text'] : '';
      const next = scripted.shift();
      if (next && 'retryAfter' in next) return failure(res, 429, `Too Many Requests: retry after ${next.retryAfter}`, { retry_after: next.retryAfter });
      if (next && 'status' in next) return void res.writeHead(next.status, { 'content-type': 'text/html' }).end(`<html><body><h1>${next.status}</h1></body></html>`);
      if (next && 'migrateTo' in next) return failure(res, 400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: next.migrateTo });
      const known: unknown[] = [TELEGRAM_CHATS.person, TELEGRAM_CHATS.group, TELEGRAM_CHATS.channel, String(TELEGRAM_CHATS.person), String(TELEGRAM_CHATS.group)];
      if (chatId === TELEGRAM_CHATS.blocked || chatId === String(TELEGRAM_CHATS.blocked)) return failure(res, 403, 'Forbidden: bot was blocked by the user');
      if (!known.includes(chatId)) return failure(res, 400, 'Bad Request: chat not found');
      if (text.trim() === '') return failure(res, 400, 'Bad Request: message text is empty');
      if (text.length > 4096) return failure(res, 400, 'Bad Request: message is too long');
      const tag = body?.['parse_mode'] === 'HTML' ? /<\/?([a-z-]+)[^>]*>/gi.exec(text) : null;
      if (tag && !['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'a', 'code', 'pre', 'tg-spoiler', 'blockquote'].includes(tag[1]!.toLowerCase())) {
        return failure(res, 400, `Bad Request: can't parse entities: Unsupported start tag "${tag[1]}" at byte offset ${tag.index}`);
      }
      const messageId = sent.length + 1;
      sent.push({ chatId: chatId as number | string, text, parseMode: body?.['parse_mode'], messageId });
      // Sent, but the bot never hears so: the answer is cut off, or never comes.
      if (next && 'sendThenDrop' in next) return void req.socket.destroy();
      if (next && 'sendThenHang' in next) return;
      const chat = typeof chatId === 'number' && chatId > 0 ? { id: chatId, first_name: 'An', type: 'private' } : { id: chatId, title: 'Cửa hàng An', type: typeof chatId === 'string' ? 'channel' : 'supergroup' };
      answer({ message_id: messageId, from: BOT, chat, date: Math.floor(Date.now() / 1000), text });
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    token,
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
