import type { ZodError } from 'zod';
import { CAPTURE_FORMAT, CaptureFile, type CapturedDelivery, type DeliveryFilter, type InboxEntryDto } from '../contract/index.ts';
import type { RawDelivery } from '../platforms/adapter.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { ConnectionRow } from '../storage/repos/connections-repo.ts';
import type { Clock } from '../shared/clock.ts';
import { EngineError } from '../shared/errors.ts';
import { HarFile, harRequestParts } from './har-file.ts';

/** The listener's decision path, for deliveries that come from a file (webhooks/ingest.ts importMany). */
export interface DeliveryImporter {
  importMany(items: readonly { delivery: RawDelivery; connectionId: string }[]): { entry: InboxEntryDto }[];
  sign(connectionId: string, delivery: RawDelivery): { verified: boolean; delivery: RawDelivery };
}

export interface CaptureDeps {
  repos: Repositories;
  clock: Clock;
  importer?: DeliveryImporter | undefined;
  /** Told of each delivery an import recorded (the inbox screen's live list). */
  onRecorded?: ((entry: InboxEntryDto) => void) | undefined;
}

const EXPORT_LIMIT = 10_000;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** How many problems a refusal lists before "and N more". */
const SHOWN = 20;

function refuse(what: string, problems: string[]): never {
  const more = problems.length > SHOWN ? `; and ${problems.length - SHOWN} more` : '';
  throw new EngineError('invalid_args', `${what}: ${problems.slice(0, SHOWN).join('; ')}${more}`, { problems });
}

function zodProblems(error: ZodError): string[] {
  return error.issues.map((i) => {
    const path = i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    return path ? `${path}: ${i.message}` : i.message;
  });
}

/** Capture files (docs/capture-files.md): export deliveries as stored, import a capture or a HAR through the listener's own decisions. */
export function createCaptureFiles(d: CaptureDeps) {
  const { repos } = d;

  function exportFile(a: { ids?: number[] | undefined; filter?: DeliveryFilter | undefined }): CaptureFile {
    const ids = a.ids ?? repos.inbox.search(a.filter ?? {}, EXPORT_LIMIT).map((e) => e.id);
    if (ids.length === 0) throw new EngineError('not_found', 'no delivery matches the filter: nothing to export');
    const deliveries: CapturedDelivery[] = [];
    const missing: number[] = [];
    const pruned: number[] = [];
    const storeless: number[] = [];
    for (const id of [...new Set(ids)].sort((x, y) => x - y)) {
      const r = repos.inbox.get(id);
      if (!r) {
        missing.push(id);
        continue;
      }
      if (r.body === null) {
        pruned.push(id);
        continue;
      }
      const connection = r.connectionId ? repos.connections.get(r.connectionId) : undefined;
      const platform = r.platform ?? connection?.platform;
      if (!connection || !platform) {
        storeless.push(id);
        continue;
      }
      deliveries.push({
        platform, storeId: connection.storeId, topic: r.topic, receivedAt: r.receivedAt, method: r.method, path: r.path,
        headers: r.headers, bodyBase64: r.body.toString('base64'), verdict: r.verdict,
      });
    }
    const problems = [
      missing.length ? `no delivery ${missing.join(', ')}` : '',
      pruned.length ? `the body of ${plural(pruned)} is no longer kept (removed by retention, or too large to store): it cannot be exported` : '',
      storeless.length ? `${plural(storeless)} came in on no connection Flowdesk still has, so its store is unknown` : '',
    ].filter(Boolean);
    if (problems.length > 0) refuse('nothing exported', problems);
    return { format: CAPTURE_FORMAT, exportedAt: new Date(d.clock.now()).toISOString(), deliveries };
  }

  interface Placed { delivery: RawDelivery; connectionId: string }

  function placeCapture(file: unknown, connectionId: string | undefined): Placed[] {
    const parsed = CaptureFile.safeParse(file);
    if (!parsed.success) refuse('not a valid capture file, nothing imported', zodProblems(parsed.error));
    const chosen = connectionId === undefined ? undefined : connectionOr404(connectionId);
    const all = repos.connections.list();
    const problems: string[] = [];
    const placed: Placed[] = [];
    parsed.data.deliveries.forEach((c, i) => {
      const name = `delivery ${i} (${c.platform}, store ${c.storeId})`;
      if (!BASE64.test(c.bodyBase64.replace(/\s+/g, ''))) return void problems.push(`${name}: bodyBase64 is not base64`);
      if (c.method.toUpperCase() !== 'POST') return void problems.push(`${name}: a ${c.method} request is not a delivery (webhooks are POSTed)`);
      let connection: ConnectionRow | undefined = chosen;
      if (chosen && chosen.platform !== c.platform) return void problems.push(`${name}: connection ${chosen.id} is a ${chosen.platform} connection`);
      if (!connection) {
        const matches = all.filter((x) => x.platform === c.platform && sameStore(x.storeId, c.storeId));
        if (matches.length === 0) return void problems.push(`${name}: no ${c.platform} connection for store ${c.storeId} (add one, or name a connection)`);
        if (matches.length > 1) return void problems.push(`${name}: ${matches.length} connections for this store (${matches.map((m) => m.id).join(', ')}): name the one to import into`);
        connection = matches[0]!;
      }
      const headers = Object.fromEntries(Object.entries(c.headers).map(([k, v]) => [k.toLowerCase(), v]));
      placed.push({ connectionId: connection.id, delivery: { method: 'POST', path: c.path, headers, body: Buffer.from(c.bodyBase64, 'base64') } });
    });
    if (problems.length > 0) refuse('nothing imported', problems);
    return placed;
  }

  function placeHar(file: unknown, connectionId: string | undefined): Placed[] {
    const parsed = HarFile.safeParse(file);
    if (!parsed.success) refuse('not a valid HAR file, nothing imported', zodProblems(parsed.error));
    const chosen = connectionId === undefined ? undefined : connectionOr404(connectionId);
    const problems: string[] = [];
    const placed: Placed[] = [];
    parsed.data.log.entries.forEach((e, i) => {
      const name = `entry ${i} (${e.request.method} ${e.request.url.slice(0, 200)})`;
      let parts;
      try {
        parts = harRequestParts(e.request);
      } catch (error) {
        return void problems.push(`${name}: ${(error as Error).message}`);
      }
      if (parts.method !== 'POST') return void problems.push(`${name}: a ${parts.method} request is not a delivery (webhooks are POSTed)`);
      if (e.request.postData?.encoding && e.request.postData.encoding.toLowerCase() === 'base64' && !BASE64.test((e.request.postData.text ?? '').replace(/\s+/g, ''))) {
        return void problems.push(`${name}: postData.text is marked base64 but is not`);
      }
      const connection = chosen ?? (parts.hookId ? repos.connections.get(parts.hookId) : undefined);
      if (!connection) {
        return void problems.push(parts.hookId
          ? `${name}: no connection ${parts.hookId} here (name the connection to import into)`
          : `${name}: the URL has no /hooks/<connection id> (name the connection to import into)`);
      }
      placed.push({ connectionId: connection.id, delivery: { method: 'POST', path: parts.path, headers: parts.headers, body: parts.body } });
    });
    if (problems.length > 0) refuse('nothing imported', problems);
    return placed;
  }

  function connectionOr404(id: string): ConnectionRow {
    const c = repos.connections.get(id);
    if (!c) throw new EngineError('not_found', `connection ${id} does not exist`);
    return c;
  }

  return {
    export: exportFile,
    sign(connectionId: string, c: Pick<CapturedDelivery, 'method' | 'path' | 'headers' | 'bodyBase64'>) {
      if (!d.importer) throw new Error('signing is not available in this engine');
      const headers = Object.fromEntries(Object.entries(c.headers).map(([k, v]) => [k.toLowerCase(), v]));
      const { verified, delivery } = d.importer.sign(connectionId, { method: c.method, path: c.path, headers, body: Buffer.from(c.bodyBase64, 'base64') });
      return { verified, path: delivery.path, headers: delivery.headers, bodyBase64: delivery.body.toString('base64') };
    },
    /** Every delivery is placed (its connection found) before any is recorded; then all are recorded in one transaction. */
    import(a: { file: unknown; format: 'capture' | 'har'; connectionId?: string | undefined }): { imported: number; entries: InboxEntryDto[] } {
      if (!d.importer) throw new Error('importing is not available in this engine');
      const placed = a.format === 'har' ? placeHar(a.file, a.connectionId) : placeCapture(a.file, a.connectionId);
      const entries = d.importer.importMany(placed).map((answer) => answer.entry);
      for (const e of entries) d.onRecorded?.(e);
      return { imported: entries.length, entries };
    },
  };
}

function sameStore(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function plural(ids: number[]): string {
  return ids.length === 1 ? `delivery ${ids[0]}` : `deliveries ${ids.join(', ')}`;
}
