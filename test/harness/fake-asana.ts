import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fake got it: what the tests assert of Asana's wire format. */
export interface AsanaRequest {
  method: string;
  /** The path under the API's root, query left out: `/tasks`, `/users/me`. */
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  contentType: string | undefined;
  body: Record<string, unknown> | null;
  atMs: number;
}

/** What the fake does with the next POST /tasks instead of making the task. */
export type AsanaScript = { retryAfter: number } | { status: number } | { createThenDrop: true } | { createThenHang: true };

export const ASANA_TOKEN = '2/1200000000000001/1209999999999999:0123456789abcdef0123456789abcdef';
export const ASANA_WORKSPACE = { gid: '1200000000000100', name: 'Cửa hàng An' } as const;
export const ASANA_PROJECT = '1200000000000200';
/** People in the workspace, by email. */
export const ASANA_PEOPLE: Record<string, string> = { 'lan@cuahangan.vn': '1200000000000011', 'minh@cuahangan.vn': '1200000000000012' };

export interface FakeAsana {
  /** The API's root, as the account's setting takes it: `http://127.0.0.1:<port>/api/1.0`. */
  baseUrl: string;
  requests: AsanaRequest[];
  tasks: Record<string, unknown>[];
  script(...next: AsanaScript[]): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** Asana's error envelope (developers.asana.com/docs/errors). */
function errors(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify({ errors: [{ message, ...(status >= 500 ? { phrase: '6 sad squid snuggle softly' } : {}) }] }));
}

const ROOT = '/api/1.0';

/**
 * The Asana REST API on 127.0.0.1: GET /users/me and POST /tasks with `{"data":{…}}`, the
 * token as a Bearer header; answers wrapped in `data`, failures in `errors` with the status
 * that means them (401 Not Authorized, 404 Unknown object, 400 for a field it cannot read,
 * 429 with Retry-After). Asana keeps no idempotency key: every request that gets through is a task.
 */
export async function startFakeAsana(): Promise<FakeAsana> {
  const requests: AsanaRequest[] = [];
  const tasks: Record<string, unknown>[] = [];
  const scripted: AsanaScript[] = [];
  const server: Server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const contentType = req.headers['content-type'];
      let body: Record<string, unknown> | null = null;
      if (raw !== '') {
        try {
          body = JSON.parse(raw) as Record<string, unknown>;
        } catch {
          return errors(res, 400, 'Could not parse request data, invalid JSON');
        }
      }
      const path = url.pathname.startsWith(ROOT) ? url.pathname.slice(ROOT.length) : url.pathname;
      requests.push({ method: req.method ?? '', path, query: Object.fromEntries(url.searchParams), authorization: req.headers.authorization, contentType, body, atMs: Date.now() });
      if (req.headers.authorization !== `Bearer ${ASANA_TOKEN}`) return errors(res, 401, 'Not Authorized');
      const answer = (status: number, data: unknown) => void res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ data }));
      if (req.method === 'GET' && path === '/users/me') {
        return answer(200, { gid: ASANA_PEOPLE['lan@cuahangan.vn'], resource_type: 'user', name: 'Lan Nguyễn', email: 'lan@cuahangan.vn', workspaces: [{ gid: ASANA_WORKSPACE.gid, resource_type: 'workspace', name: ASANA_WORKSPACE.name }] });
      }
      if (req.method !== 'POST' || path !== '/tasks') return errors(res, 404, 'No matching route for request');

      const next = scripted.shift();
      if (next && 'retryAfter' in next) return errors(res, 429, 'You have made too many requests recently. Please, be chill.', { 'retry-after': String(next.retryAfter) });
      if (next && 'status' in next) return errors(res, next.status, 'Server Error');
      const data = body?.['data'] as Record<string, unknown> | undefined;
      if (!data || typeof data !== 'object') return errors(res, 400, 'data: Missing input');
      const projects = Array.isArray(data['projects']) ? (data['projects'] as string[]) : [];
      if (projects.length === 0 && typeof data['workspace'] !== 'string') return errors(res, 400, 'workspace: Missing input');
      const unknown = projects.find((p) => p !== ASANA_PROJECT);
      if (unknown) return errors(res, 404, `project: Unknown object: ${unknown}`);
      if (typeof data['workspace'] === 'string' && data['workspace'] !== ASANA_WORKSPACE.gid) return errors(res, 404, `workspace: Unknown object: ${data['workspace']}`);
      if (typeof data['name'] !== 'string' || data['name'] === '') return errors(res, 400, 'name: Missing input');
      if (typeof data['due_on'] === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(data['due_on'])) return errors(res, 400, `due_on: Invalid date string: ${data['due_on']}`);
      const assignee = data['assignee'];
      if (typeof assignee === 'string' && !ASANA_PEOPLE[assignee]) return errors(res, 400, `assignee: Not a recognized ID: ${assignee}`);
      const gid = `12000000000${String(tasks.length + 1).padStart(5, '0')}`;
      const task = { gid, resource_type: 'task', ...data, permalink_url: `https://app.asana.com/0/${projects[0] ?? '0'}/${gid}` };
      tasks.push(task);
      if (next && 'createThenDrop' in next) return void req.socket.destroy();
      if (next && 'createThenHang' in next) return;
      answer(201, { gid, name: data['name'], permalink_url: task.permalink_url, resource_type: 'task' });
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${ROOT}`,
    requests,
    tasks,
    script: (...next) => void scripted.push(...next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
