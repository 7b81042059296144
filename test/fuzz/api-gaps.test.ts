import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiReply } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { sendRaw, type RawHeader, type RawResponse } from './support/raw-http.ts';

/**
 * Minimal reproductions of what the API fuzz found against the contract ("errors in the
 * envelope", "no internal except bugs"). Each Each case is a bug the fuzz found, kept as its reproduction since the fix.
 */
describe('engine API: cases the fuzz found outside the contract', () => {
  let t: TempEngine;
  let port: number;
  let auth: RawHeader;

  beforeAll(async () => {
    t = await startTempEngine();
    port = Number(new URL(t.apiUrl).port);
    auth = ['Authorization', `Bearer ${t.engine.token}`];
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (path: string, headers: RawHeader[], body = Buffer.from('{}')) => sendRaw(port, { method: 'POST', path, headers: [auth, ...headers], body });
  function expectRefusedInEnvelope(res: RawResponse): void {
    const reply = ApiReply.parse(res.json);
    expect(reply.ok).toBe(false);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  }

  // Found: body-parser refuses the charset with a 415 error; the transport's error handler maps
  // only 400/413 to invalid_args, so the answer is 500 {"code":"internal","message":"unsupported charset \"LATIN1\""}.
  // Should: a 4xx in the envelope (invalid_args, or a 415 code).
  it('a JSON body declared in an unsupported charset is refused as a client error, not internal', async () => {
    expectRefusedInEnvelope(await post('/api/engine.status', [['Content-Type', 'application/json; charset=latin1']]));
  });

  // Found: same for `Content-Encoding: x-unknown` (415 encoding.unsupported → 500 internal).
  it('a body in an unsupported Content-Encoding is refused as a client error, not internal', async () => {
    expectRefusedInEnvelope(await post('/api/engine.status', [['Content-Type', 'application/json'], ['Content-Encoding', 'x-unknown']]));
  });

  // Found: with the right token, paths under /api that are not `POST /api/<method>` or
  // `GET /api/events` (POST /api/, POST /api/a/b, GET /api/flows.list) fall through to
  // Express's HTML "Cannot POST /api/a/b" 404. Should: the envelope (`unknown_method`, 404).
  it('other paths under /api answer in the envelope', async () => {
    for (const res of [
      await post('/api/', [['Content-Type', 'application/json']]),
      await post('/api/flows/list', [['Content-Type', 'application/json']]),
      await sendRaw(port, { method: 'GET', path: '/api/flows.list', headers: [auth], body: Buffer.alloc(0) }),
    ]) {
      expect(res.status).toBe(404);
      expectRefusedInEnvelope(res);
    }
  });
});
