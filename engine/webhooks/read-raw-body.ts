import type { IncomingMessage } from 'node:http';

export type RawBodyResult =
  | { ok: true; body: Buffer }
  | { ok: false; tooLarge: true; size: number }
  | { ok: false; tooLarge: false; error: string };

/**
 * Reads the request body once, as bytes, up to `limit`. Past the limit it stops keeping
 * bytes (the answer is a 413) but drains the rest so the client gets that answer.
 */
export function readRawBody(req: IncomingMessage, limit: number): Promise<RawBodyResult> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = Number.isFinite(declared) && declared > limit;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      if (!over) chunks.push(chunk);
    });
    req.on('end', () => {
      if (over) resolve({ ok: false, tooLarge: true, size: Math.max(size, Number.isFinite(declared) ? declared : 0) });
      else resolve({ ok: true, body: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size) });
    });
    req.on('error', (error) => resolve({ ok: false, tooLarge: false, error: error.message }));
  });
}
