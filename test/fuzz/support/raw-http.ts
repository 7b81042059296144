import { connect } from 'node:net';

/** A header as it goes on the wire: the value may hold any bytes, names may repeat. */
export type RawHeader = readonly [name: string, value: string | Buffer];

export interface RawRequest {
  method: string;
  path: string;
  headers: readonly RawHeader[];
  body: Buffer;
  /** Send the body chunked (no Content-Length) in pieces of this many bytes. */
  chunked?: number;
}

export interface RawResponse {
  /** 0: the server reset the connection before any answer could be read. */
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: any;
}

/** The request's bytes exactly as written to the socket: nothing is validated or normalized. */
export function requestBytes(r: RawRequest): Buffer {
  const lines: Buffer[] = [Buffer.from(`${r.method} ${r.path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n`, 'latin1')];
  for (const [name, value] of r.headers) {
    lines.push(Buffer.from(`${name}: `, 'latin1'), Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8'), Buffer.from('\r\n'));
  }
  if (r.chunked === undefined) {
    lines.push(Buffer.from(`Content-Length: ${r.body.length}\r\n\r\n`), r.body);
  } else {
    lines.push(Buffer.from('Transfer-Encoding: chunked\r\n\r\n'));
    const size = Math.max(1, r.chunked);
    for (let i = 0; i < r.body.length; i += size) {
      const piece = r.body.subarray(i, i + size);
      lines.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'));
    }
    lines.push(Buffer.from('0\r\n\r\n'));
  }
  return Buffer.concat(lines);
}

function dechunk(body: Buffer): Buffer {
  const out: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const eol = body.indexOf('\r\n', pos);
    if (eol < 0) break;
    const size = Number.parseInt(body.subarray(pos, eol).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    out.push(body.subarray(eol + 2, eol + 2 + size));
    pos = eol + 2 + size + 2;
  }
  return Buffer.concat(out);
}

export function parseResponse(bytes: Buffer): RawResponse {
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) throw new Error(`no complete HTTP answer: ${JSON.stringify(bytes.toString('latin1').slice(0, 200))}`);
  const [statusLine, ...headerLines] = bytes.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1]);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = bytes.subarray(end + 4);
  if (headers['transfer-encoding']?.includes('chunked')) body = dechunk(body);
  else if (headers['content-length'] !== undefined) body = body.subarray(0, Number(headers['content-length']));
  let json: any;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    json = undefined;
  }
  return { status, headers, body, json };
}

/**
 * Writes the request's raw bytes to a fresh connection and reads the answer until the server
 * closes it; an event stream (which never ends) is cut once its head has arrived.
 */
export function sendRaw(port: number, r: RawRequest | Buffer, timeoutMs = 10_000): Promise<RawResponse> {
  const bytes = Buffer.isBuffer(r) ? r : requestBytes(r);
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      const head = Buffer.concat(chunks);
      const end = head.indexOf('\r\n\r\n');
      if (end >= 0 && /^content-type:\s*text\/event-stream/im.test(head.subarray(0, end).toString('latin1'))) socket.destroy();
    });
    let failure: Error | null = null;
    // A server that refuses early (Node's 431) may reset while we still write: keep what was read.
    socket.on('error', (error) => {
      failure = error;
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const bytes = Buffer.concat(chunks);
      if (bytes.length === 0 && failure && ['ECONNRESET', 'EPIPE'].includes((failure as NodeJS.ErrnoException).code ?? '')) {
        resolve({ status: 0, headers: {}, body: bytes, json: undefined });
        return;
      }
      try {
        resolve(parseResponse(bytes));
      } catch (error) {
        reject(failure ?? (error as Error));
      }
    });
    socket.write(bytes);
  });
}
