import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fake got it: what the tests assert of eSMS's wire format. */
export interface EsmsRequest {
  method: string;
  path: string;
  contentType: string | undefined;
  body: Record<string, unknown>;
}

/** What the fake does with the next send, instead of sending: an eSMS code in HTTP 200, an HTTP status, or a dropped answer. */
export type EsmsScript = { code: string; message: string } | { status: number } | { sendThenDrop: true };

/**
 * eSMS.vn on 127.0.0.1 (connectors.md §2.1, §9.3): POST …/SendMultipleMessage_V4_post_json/ and
 * …/GetBalance_json with the keys in the JSON body; every answer HTTP 200 with `CodeResult`
 * (`CodeResponse` for the balance). Like eSMS it sends a RequestId once and answers a repeat
 * with 124. `script` makes the next sends fail as eSMS does.
 */
export interface FakeEsms {
  baseUrl: string;
  apiKey: string;
  secretKey: string;
  requests: EsmsRequest[];
  /** Messages actually sent, by RequestId. */
  sent: Map<string, { phone: string; content: string; brandname: unknown; isUnicode: unknown }>;
  script(...next: EsmsScript[]): void;
  close(): Promise<void>;
}

export const ESMS_PATH = '/MainService.svc/json';

export async function startFakeEsms(apiKey = 'esms-api-key-0001', secretKey = 'esms-secret-key-0002'): Promise<FakeEsms> {
  const requests: EsmsRequest[] = [];
  const sent: FakeEsms['sent'] = new Map();
  const scripted: EsmsScript[] = [];
  let smsIds = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"error":"Invalid request"}');
        return;
      }
      const path = req.url ?? '';
      requests.push({ method: req.method ?? '', path, contentType: req.headers['content-type'], body });
      const answer = (json: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      const authorized = body['ApiKey'] === apiKey && body['SecretKey'] === secretKey;
      if (req.method === 'POST' && path === `${ESMS_PATH}/GetBalance_json`) {
        answer(authorized ? { Balance: 36693, CodeResponse: '100', UserID: 9999 } : { Balance: 0, CodeResponse: '101', ErrorMessage: 'Authorize Failed' });
        return;
      }
      if (req.method !== 'POST' || path !== `${ESMS_PATH}/SendMultipleMessage_V4_post_json/`) {
        res.writeHead(404).end('Endpoint not found.');
        return;
      }
      if (!authorized) return answer({ CodeResult: '101', CountRegenerate: 0, ErrorMessage: 'Authorize Failed' });
      const requestId = String(body['RequestId'] ?? '');
      if (requestId && sent.has(requestId)) return answer({ CodeResult: '124', CountRegenerate: 0, ErrorMessage: 'Request exist 1', SendStatus: '5' });
      const next = scripted.shift();
      if (next && 'code' in next) return answer({ CodeResult: next.code, CountRegenerate: 0, ErrorMessage: next.message });
      if (next && 'status' in next) return void res.writeHead(next.status).end('Service Unavailable');
      sent.set(requestId || `anon-${sent.size}`, { phone: String(body['Phone']), content: String(body['Content']), brandname: body['Brandname'], isUnicode: body['IsUnicode'] });
      // Sent, but the answer never arrives: the sender cannot tell (until it asks again with the same RequestId).
      if (next && 'sendThenDrop' in next) return void req.socket.destroy();
      answer({ CodeResult: '100', CountRegenerate: 0, SMSID: `sms-${++smsIds}` });
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${ESMS_PATH}`,
    apiKey,
    secretKey,
    requests,
    sent,
    script: (...next) => void scripted.push(...next),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
