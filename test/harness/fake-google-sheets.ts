import { generateKeyPairSync, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A service account for the tests: a key file as Google gives it, and the public half the fake verifies with. */
export function makeServiceAccount(clientEmail = 'flowdesk-orders@cua-hang-an.iam.gserviceaccount.com') {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const keyFile = {
    type: 'service_account',
    project_id: 'cua-hang-an',
    private_key_id: '3f1c0a9e5b7d2c4e6f8a0b1c2d3e4f5a6b7c8d9e',
    private_key: privateKey,
    client_email: clientEmail,
    client_id: '112233445566778899001',
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: 'https://oauth2.googleapis.com/token',
  };
  return { keyJson: JSON.stringify(keyFile, null, 2), clientEmail, privateKeyId: keyFile.private_key_id, publicKey };
}

export interface SheetsRequest {
  method: string;
  /** The raw path, percent-encoding as sent. */
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  contentType: string | undefined;
  body: unknown;
  atMs: number;
}

export interface TokenGrant {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  grantType: string | null;
  signatureValid: boolean;
  token: string | null;
}

/** What the fake does with the next append instead of writing it. */
export type SheetsScript = { status: 429; retryAfter?: number } | { status: 500 | 503 } | { serviceDisabled: true } | { appendThenDrop: true };

export interface FakeSpreadsheet {
  title: string;
  tabs: Record<string, unknown[][]>;
  sharedWith: string[];
}

export interface FakeGoogleSheets {
  tokenUrl: string;
  baseUrl: string;
  requests: SheetsRequest[];
  grants: TokenGrant[];
  spreadsheets: Map<string, FakeSpreadsheet>;
  /** The `expires_in` of the next tokens (seconds). */
  tokenLifetime: number;
  /** Every token issued so far now answers 401 (expired by Google's clock). */
  expireTokens(): void;
  script(...next: SheetsScript[]): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  void res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers }).end(JSON.stringify(body));
const googleError = (res: ServerResponse, code: number, status: string, message: string, headers?: Record<string, string>) => send(res, code, { error: { code, message, status } }, headers);

const column = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : column(Math.floor((n - 1) / 26)) + column(((n - 1) % 26) + 1));

/**
 * Google's token endpoint and the Sheets API v4 on 127.0.0.1 (connectors.md §7, §9.3.6): the
 * token endpoint verifies the JWT's RS256 signature with the service account's public key and
 * its claims; the API keeps rows in memory per spreadsheet tab, answers values.append like
 * Google (`updates.updatedRange`), spreadsheets.get with `fields=properties.title`, and
 * Google's errors: 401 for an unknown or expired token, 403 PERMISSION_DENIED for a
 * spreadsheet not shared with the account, 404, 400 "Unable to parse range" for a missing tab.
 */
export async function startFakeGoogleSheets(publicKey: string): Promise<FakeGoogleSheets> {
  const requests: SheetsRequest[] = [];
  const grants: TokenGrant[] = [];
  const spreadsheets = new Map<string, FakeSpreadsheet>();
  const tokens = new Map<string, { email: string; valid: boolean }>();
  const scripted: SheetsScript[] = [];
  let tokenUrl = '';
  const self: Partial<FakeGoogleSheets> = { tokenLifetime: 3599 };

  function grant(raw: string, res: ServerResponse): void {
    const form = new URLSearchParams(raw);
    const [h = '', c = '', s = ''] = (form.get('assertion') ?? '').split('.');
    const decode = (part: string) => {
      try {
        return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
      } catch {
        return {};
      }
    };
    const header = decode(h);
    const claims = decode(c);
    const signatureValid = verify('sha256', Buffer.from(`${h}.${c}`), publicKey, Buffer.from(s, 'base64url'));
    const record: TokenGrant = { header, claims, grantType: form.get('grant_type'), signatureValid, token: null };
    grants.push(record);
    if (record.grantType !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') return send(res, 400, { error: 'unsupported_grant_type', error_description: 'Invalid grant_type: ' });
    if (!signatureValid || header['alg'] !== 'RS256') return send(res, 400, { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' });
    const now = Math.floor(Date.now() / 1000);
    const iat = Number(claims['iat']);
    const exp = Number(claims['exp']);
    if (claims['aud'] !== tokenUrl) return send(res, 400, { error: 'invalid_grant', error_description: 'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.' });
    if (!(exp > now && exp - iat <= 3600 && Math.abs(iat - now) < 300)) return send(res, 400, { error: 'invalid_grant', error_description: 'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.' });
    if (claims['scope'] !== 'https://www.googleapis.com/auth/spreadsheets') return send(res, 400, { error: 'invalid_scope', error_description: 'Invalid OAuth scope or ID token audience provided.' });
    const token = `ya29.fake-${grants.length}-${Math.random().toString(36).slice(2, 10)}`;
    tokens.set(token, { email: String(claims['iss']), valid: true });
    record.token = token;
    send(res, 200, { access_token: token, expires_in: self.tokenLifetime, token_type: 'Bearer' });
  }

  const server: Server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const url = new URL(req.url ?? '/', 'http://fake');
      if (url.pathname === '/token' && req.method === 'POST') return grant(raw, res);
      let body: unknown;
      try {
        body = raw === '' ? null : JSON.parse(raw);
      } catch {
        return googleError(res, 400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.');
      }
      const path = (req.url ?? '').split('?')[0]!;
      requests.push({ method: req.method ?? '', path, query: Object.fromEntries(url.searchParams), authorization: req.headers.authorization, contentType: req.headers['content-type'], body, atMs: Date.now() });
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const who = bearer ? tokens.get(bearer) : undefined;
      if (!who || !who.valid) return googleError(res, 401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.');
      const m = /^\/v4\/spreadsheets\/([^/]+)(?:\/values\/([^/]+):append)?$/.exec(path);
      if (!m) return googleError(res, 404, 'NOT_FOUND', 'Requested entity was not found.');
      const sheet = spreadsheets.get(decodeURIComponent(m[1]!));
      if (!sheet) return googleError(res, 404, 'NOT_FOUND', 'Requested entity was not found.');
      if (!sheet.sharedWith.includes(who.email)) return googleError(res, 403, 'PERMISSION_DENIED', 'The caller does not have permission');
      if (!m[2]) return req.method === 'GET' ? send(res, 200, { properties: { title: sheet.title } }) : googleError(res, 404, 'NOT_FOUND', 'Requested entity was not found.');

      const next = scripted.shift();
      if (next && 'status' in next && next.status === 429) return googleError(res, 429, 'RESOURCE_EXHAUSTED', "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user'", next.retryAfter !== undefined ? { 'retry-after': String(next.retryAfter) } : {});
      if (next && 'status' in next) return googleError(res, next.status, next.status === 503 ? 'UNAVAILABLE' : 'INTERNAL', 'The service is currently unavailable.');
      if (next && 'serviceDisabled' in next) return googleError(res, 403, 'PERMISSION_DENIED', 'Google Sheets API has not been used in project 1234567 before or it is disabled.');
      const range = decodeURIComponent(m[2]);
      const rm = /^(?:'((?:[^']|'')+)'!)?A1$/.exec(range);
      const tabName = rm?.[1]?.replaceAll("''", "'") ?? Object.keys(sheet.tabs)[0]!;
      const tab = rm ? sheet.tabs[tabName] : undefined;
      if (!tab) return googleError(res, 400, 'INVALID_ARGUMENT', `Unable to parse range: ${range}`);
      const values = (body as { values?: unknown[][] } | null)?.values ?? [];
      tab.push(...values);
      const width = Math.max(...values.map((v) => v.length));
      const first = tab.length - values.length + 1;
      const quoted = `'${tabName.replaceAll("'", "''")}'`;
      // The row is written; the answer never arrives.
      if (next && 'appendThenDrop' in next) return void req.socket.destroy();
      send(res, 200, {
        spreadsheetId: m[1],
        tableRange: first > 1 ? `${quoted}!A1:${column(width)}${first - 1}` : '',
        updates: { spreadsheetId: m[1], updatedRange: `${quoted}!A${first}:${column(width)}${tab.length}`, updatedRows: values.length, updatedColumns: width, updatedCells: values.length * width },
      });
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  tokenUrl = `http://127.0.0.1:${port}/token`;
  return Object.assign(self, {
    tokenUrl,
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    grants,
    spreadsheets,
    expireTokens: () => tokens.forEach((t) => (t.valid = false)),
    script: (...next: SheetsScript[]) => void scripted.push(...next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  }) as FakeGoogleSheets;
}
