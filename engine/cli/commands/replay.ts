import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CaptureFile, type CapturedDelivery, type ConnectionDto } from '../../contract/index.ts';
import { CliError, type EngineClient } from '../api-client.ts';
import type { Output } from '../format.ts';
import type { ClientFor } from '../main.ts';

/** Headers a client sets itself for the connection it opens; the captured ones describe another connection. */
const hopByHop = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'keep-alive', 'expect', 'upgrade', 'proxy-connection', 'te', 'trailer']);

interface Request { url: string; headers: Record<string, string>; body: Buffer; signed: boolean }

export interface ReplayLine { index: number; platform: string; topic: string | null; url: string; signed: boolean; status: number | null; verdict: string | null; error?: string }

function readCapture(path: string): CaptureFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new CliError(`cannot read ${path} as JSON: ${(error as Error).message}`);
  }
  const parsed = CaptureFile.safeParse(json);
  if (!parsed.success) {
    throw new CliError(`${path} is not a valid capture file: ${parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

/** The captured query, without the values masked when it was stored (a token shown as ••••). */
function queryOf(path: string): string {
  const q = path.indexOf('?');
  if (q < 0) return '';
  const params = new URLSearchParams(path.slice(q + 1));
  for (const [k, v] of [...params]) if (v.includes('•')) params.delete(k);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Signs locally with `--secret` as every secret the platform knows, and the target connection's settings (or the defaults). */
async function signLocally(d: CapturedDelivery, url: URL, secret: string, settings: Record<string, unknown> | undefined): Promise<Request> {
  const { createPlatformRegistry } = await import('../../platforms/registry.ts');
  const { signDelivery } = await import('../../platforms/sign-delivery.ts');
  const adapter = createPlatformRegistry().get(d.platform);
  if (!adapter) throw new Error(`no adapter for ${d.platform}`);
  const secrets = Object.fromEntries(adapter.secrets.map((s) => [s.name, secret]));
  const parsed = adapter.settings.safeParse(settings ?? {});
  const view = { secrets, settings: (parsed.success ? parsed.data : adapter.settings.parse({})) as Record<string, unknown> };
  const signed = signDelivery(adapter, { method: d.method, path: url.pathname + url.search, headers: d.headers, body: Buffer.from(d.bodyBase64, 'base64') }, view);
  return { url: new URL(signed.path, url).toString(), headers: signed.headers, body: signed.body, signed: true };
}

function targetConnection(all: ConnectionDto[], d: CapturedDelivery, chosen: string | undefined): ConnectionDto {
  if (chosen) {
    const c = all.find((x) => x.id === chosen);
    if (!c) throw new CliError(`no connection ${chosen}; \`flowdesk connections list\` shows them`);
    return c;
  }
  const matches = all.filter((x) => x.platform === d.platform && x.storeId.trim().toLowerCase() === d.storeId.trim().toLowerCase());
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new CliError(`no ${d.platform} connection for store ${d.storeId} in the running engine: name one with --connection, or send elsewhere with --to`);
  throw new CliError(`${matches.length} connections for ${d.platform} store ${d.storeId}: name one with --connection`);
}

async function requestFor(d: CapturedDelivery, o: { to?: string; secret?: string; connection?: string }, engine: () => { api: EngineClient; connections: Promise<ConnectionDto[]> }): Promise<Request> {
  const body = Buffer.from(d.bodyBase64, 'base64');
  if (o.to) {
    const url = new URL(o.to);
    return o.secret ? signLocally(d, url, o.secret, undefined) : { url: url.toString(), headers: d.headers, body, signed: false };
  }
  const { api, connections } = engine();
  const c = targetConnection(await connections, d, o.connection);
  const url = new URL(c.webhookUrl + queryOf(d.path));
  if (o.secret) return signLocally(d, url, o.secret, c.settings);
  // The engine signs with the connection's secrets (they never leave it), only when the bytes would not verify as captured.
  const s = await api.call('connections.sign', { id: c.id, delivery: { method: d.method, path: url.pathname + url.search, headers: d.headers, bodyBase64: d.bodyBase64 } });
  if (s.verified) return { url: url.toString(), headers: d.headers, body, signed: false };
  return { url: new URL(s.path, url).toString(), headers: s.headers, body: Buffer.from(s.bodyBase64, 'base64'), signed: true };
}

async function send(d: CapturedDelivery, r: Request): Promise<{ status: number; verdict: string | null }> {
  const headers = Object.fromEntries(Object.entries(r.headers).filter(([k]) => !hopByHop.has(k.toLowerCase()) && !k.startsWith(':')));
  const res = await fetch(r.url, { method: d.method, headers, body: d.method === 'GET' || d.method === 'HEAD' ? null : r.body });
  const text = await res.text();
  let verdict: string | null = null;
  try {
    const answer = JSON.parse(text) as { verdict?: unknown };
    if (typeof answer.verdict === 'string') verdict = answer.verdict;
  } catch {
    // Not Flowdesk, or not JSON: the status says it all.
  }
  return { status: res.status, verdict };
}

/**
 * `flowdesk replay <capture>`: sends each captured delivery, bytes and headers as captured, to
 * the running engine's connection for its platform and store (or `--connection`), or to any
 * URL (`--to`: a staging Flowdesk, a request bin). With `--secret`, or when this engine's
 * connection would not verify the captured signature, it is signed as the platform would.
 */
export function replayCommand(program: Command, client: ClientFor, out: (cmd: Command) => Output): void {
  program
    .command('replay')
    .description('send the deliveries of a capture file to this Flowdesk (or any URL), signed as the platform would when needed')
    .argument('<capture>', 'a Flowdesk capture file (flowdesk inbox export)')
    .option('--to <url>', 'send to this URL instead of the running engine\'s webhook URL')
    .option('--secret <secret>', 'sign each delivery with this secret, as its platform would')
    .option('--connection <id>', 'send to this connection of the running engine (default: the one with the capture\'s platform and store)')
    .action(async function (this: Command, path: string, o: { to?: string; secret?: string; connection?: string }) {
      const file = readCapture(path);
      if (o.to) {
        try {
          new URL(o.to);
        } catch {
          throw new CliError(`--to "${o.to}" is not a URL`);
        }
      }
      let cached: { api: EngineClient; connections: Promise<ConnectionDto[]> } | undefined;
      const engine = () => {
        if (!cached) {
          const api = client(this);
          cached = { api, connections: api.call('connections.list', {}) };
        }
        return cached;
      };
      const output = out(this);
      const lines: ReplayLine[] = [];
      for (const [index, d] of file.deliveries.entries()) {
        let request: Request;
        try {
          request = await requestFor(d, o, engine);
        } catch (error) {
          if (error instanceof CliError) throw error;
          throw new CliError(`delivery ${index + 1} (${d.platform}, store ${d.storeId}): ${(error as Error).message}`);
        }
        const line: ReplayLine = { index, platform: d.platform, topic: d.topic, url: request.url.replace(/([?&]token=)[^&]*/, '$1••••'), signed: request.signed, status: null, verdict: null };
        try {
          Object.assign(line, await send(d, request));
        } catch (error) {
          line.error = (error as Error).message;
          process.exitCode = 1;
        }
        lines.push(line);
        if (!output.json) output.write(`${describe(line)}\n`);
      }
      if (output.json) output.write(`${JSON.stringify(lines, null, 2)}\n`);
    });
}

function describe(l: ReplayLine): string {
  const what = `${l.index + 1}. ${l.platform} ${l.topic ?? '(no topic)'} → ${l.url}`;
  if (l.error) return `${what}: not sent: ${l.error}`;
  return `${what}: ${l.status}${l.verdict ? ` ${l.verdict}` : ''}${l.signed ? ' (signed as the platform would)' : ''}`;
}
