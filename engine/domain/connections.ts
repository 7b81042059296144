import { z } from 'zod';
import type { ConnectionDto, Platform, PlatformInfoDto } from '../contract/index.ts';
import { apiInUse, ConnectionApi, type ConnectionApiPatch, defaultReconcileMinutes, isSapoGo, noStoreApi, platformLabels, SAPO_GO_NOTE, writeBackSupport } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { ConnectionRow } from '../storage/repos/connections-repo.ts';
import type { PlatformRegistry } from '../platforms/registry.ts';
import type { ConnectionView, PlatformAdapter } from '../platforms/adapter.ts';
import type { Clock } from '../shared/clock.ts';
import { EngineError, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';

const shapeOf = (adapter: PlatformAdapter): Record<string, z.ZodType> => (adapter.settings instanceof z.ZodObject ? (adapter.settings.shape as Record<string, z.ZodType>) : {});

/** The settings an adapter marks `requiredOnSave` in their meta: empty, the connection is refused. */
function requiredOnSave(adapter: PlatformAdapter): string[] {
  return Object.entries(shapeOf(adapter)).filter(([, schema]) => schema.meta()?.['requiredOnSave'] === true).map(([key]) => key);
}
const settingTitle = (adapter: PlatformAdapter, key: string): string => String(shapeOf(adapter)[key]?.meta()?.['title'] ?? key);

export function maskSecret(secret: string): string {
  return secret.length <= 8 ? '••••' : `••••${secret.slice(-4)}`;
}

export interface ConnectionServiceDeps {
  repos: Repositories;
  platforms: PlatformRegistry;
  clock: Clock;
  webhookBaseUrl(): string;
  /** The active flows that no connection on these platforms could serve (flows/ knows what each needs). */
  flowsLosing(remaining: Platform[]): { id: string; name: string }[];
  /** Flows turned off because their connection went: their waiting runs are cancelled. */
  onFlowsStopped(flowIds: string[]): void;
  /** What the platform's API needs (connectors/ knows; given by the composition root); undefined: it has none. */
  storeApi(platform: Platform): StoreApiNeeds | undefined;
  /** The connection's API use changed (reconciliation and polling schedules follow it). */
  onApiChanged?(connectionId: string): void;
}

/** Of a platform's API, what a connection must hold to use it. */
export interface StoreApiNeeds {
  secrets: readonly { name: string; label: string; optional?: boolean }[];
  options?: readonly { name: string; label: string; default: string }[];
  defaultBaseUrl(connection: ConnectionView): string;
}

/** Connections: the stores' platform accounts, their secrets (never shown back) and settings. */
export function createConnectionService(d: ConnectionServiceDeps) {
  const { repos } = d;
  const now = () => new Date(d.clock.now()).toISOString();

  function adapterFor(platform: Platform): PlatformAdapter {
    const adapter = d.platforms.get(platform);
    if (!adapter) throw new EngineError('unsupported_platform', `${platformLabels[platform]} connections are not supported yet`);
    return adapter;
  }

  function parseSettings(adapter: PlatformAdapter, settings: unknown): Record<string, unknown> {
    const parsed = adapter.settings.safeParse(settings ?? {});
    if (!parsed.success) {
      // One line that names each offending setting (a form, the command line and a log all
      // show it as is); the issues themselves ride along in details for a form to place.
      const problems = parsed.error.issues.map((i) => `${i.path.length > 0 ? `setting "${i.path.map(String).join('.')}"` : 'settings'}: ${i.message}`);
      throw new EngineError('invalid_args', `invalid ${platformLabels[adapter.platform]} settings: ${problems.join('; ')}`, parsed.error.issues);
    }
    const data = parsed.data as Record<string, unknown>;
    // A setting without which nothing can work (Lazada's app key: every push would be refused)
    // keeps an empty default, so connections stored before it was asked for still load, but a
    // connection is not saved without it.
    const missing = requiredOnSave(adapter).filter((key) => String(data[key] ?? '').trim() === '');
    if (missing.length > 0) {
      const names = missing.map((key) => `"${settingTitle(adapter, key)}" (setting "${key}")`).join(', ');
      throw new EngineError('invalid_args', `a ${platformLabels[adapter.platform]} connection needs ${names}: without it every delivery would be refused`, missing.map((key) => ({ path: [key], message: 'required' })));
    }
    return data;
  }

  function requireSecrets(adapter: PlatformAdapter, secrets: Record<string, string>): void {
    const missing = adapter.secrets.filter((s) => !s.optional && !secrets[s.name]);
    if (missing.length > 0) throw new EngineError('invalid_args', `missing secret: ${missing.map((s) => s.label).join(', ')}`);
  }

  /** A secret under a name the adapter never reads would be kept and silently unused: refuse it. */
  function refuseUnknownSecrets(adapter: PlatformAdapter, secrets: Record<string, string> | undefined): void {
    const known = [...adapter.secrets.map((s) => s.name), ...(d.storeApi(adapter.platform)?.secrets.map((s) => s.name) ?? [])];
    const unknown = Object.keys(secrets ?? {}).filter((name) => !known.includes(name));
    if (unknown.length === 0) return;
    throw new EngineError(
      'invalid_args',
      `unknown ${platformLabels[adapter.platform]} secret ${unknown.map((n) => `"${n}"`).join(', ')}; its secrets are ${known.join(', ')}`,
    );
  }

  /** Why this connection cannot use its platform's API, or null. */
  function noApiReason(platform: Platform, storeId: string): string | null {
    if (noStoreApi[platform]) return noStoreApi[platform] ?? null;
    if (platform === 'sapo' && isSapoGo(storeId)) return SAPO_GO_NOTE;
    return d.storeApi(platform) ? null : `${platformLabels[platform]} write-back and reconciliation are not available yet`;
  }

  /** The API use asked for, checked: a platform without one refuses it; one that is on needs its credentials. */
  function checkApi(c: Pick<ConnectionRow, 'platform' | 'storeId' | 'secrets'>, api: ConnectionApi): void {
    if (!apiInUse(api)) return;
    const reason = noApiReason(c.platform, c.storeId);
    if (reason) throw new EngineError('invalid_args', reason);
    const missing = (d.storeApi(c.platform)?.secrets ?? []).filter((s) => !s.optional && !c.secrets[s.name]);
    if (missing.length > 0) throw new EngineError('invalid_args', `API access is on: enter ${missing.map((s) => s.label).join(', ')}`);
  }

  function toDto(c: ConnectionRow): ConnectionDto {
    const hints = Object.fromEntries(Object.entries(c.secrets).map(([k, v]) => [k, maskSecret(v)]));
    return {
      id: c.id,
      platform: c.platform,
      storeId: c.storeId,
      name: c.name,
      store: c.store,
      settings: c.settings,
      webhookPath: `/hooks/${c.id}`,
      webhookUrl: `${d.webhookBaseUrl()}/hooks/${c.id}`,
      secretHint: Object.values(hints)[0] ?? '••••',
      secretHints: hints,
      api: c.api,
      apiBaseUrl: apiBaseUrl(c),
      noApiReason: noApiReason(c.platform, c.storeId),
      createdAt: c.createdAt,
    };
  }

  function apiBaseUrl(c: ConnectionRow): string | null {
    const needs = d.storeApi(c.platform);
    const adapter = d.platforms.get(c.platform);
    if (!needs || !adapter || noApiReason(c.platform, c.storeId)) return null;
    if (c.api.baseUrl) return c.api.baseUrl;
    try {
      return needs.defaultBaseUrl(viewOf(c, adapter));
    } catch {
      return null;
    }
  }

  function viewOf(c: ConnectionRow, adapter: PlatformAdapter): ConnectionView {
    const parsed = adapter.settings.safeParse(c.settings);
    return { id: c.id, platform: c.platform, storeId: c.storeId, store: c.store, secrets: c.secrets, settings: parsed.success ? (parsed.data as Record<string, unknown>) : (adapter.settings.parse({}) as Record<string, unknown>) };
  }

  function get(id: string): ConnectionRow {
    const c = repos.connections.get(id);
    if (!c) throw notFound('connection', id);
    return c;
  }

  return {
    toDto,
    list: (): ConnectionDto[] => repos.connections.list().map(toDto),
    getDto: (id: string): ConnectionDto => toDto(get(id)),
    /** The connection as its adapter sees it; settings parsed with defaults. */
    view: viewOf,
    /** The API base URL a connection uses, or null when it has no API. */
    apiBaseUrl,
    create(a: { platform: Platform; storeId: string; name?: string | undefined; store?: string | undefined; secret?: string | undefined; secrets?: Record<string, string> | undefined; settings?: Record<string, unknown> | undefined; api?: ConnectionApiPatch | undefined }): ConnectionDto {
      const adapter = adapterFor(a.platform);
      refuseUnknownSecrets(adapter, a.secrets);
      const secrets: Record<string, string> = { ...a.secrets };
      const first = adapter.secrets[0];
      if (a.secret !== undefined && first) secrets[first.name] = a.secret;
      requireSecrets(adapter, secrets);
      const name = a.name || a.storeId;
      const row: ConnectionRow = {
        id: newId('con'),
        platform: a.platform,
        storeId: a.storeId,
        name,
        store: a.store || name,
        secrets,
        settings: parseSettings(adapter, a.settings),
        api: ConnectionApi.parse(a.api ?? {}),
        createdAt: now(),
      };
      checkApi(row, row.api);
      repos.connections.insert(row);
      if (apiInUse(row.api)) d.onApiChanged?.(row.id);
      return toDto(row);
    },
    update(a: { id: string; name?: string | undefined; store?: string | undefined; secrets?: Record<string, string> | undefined; settings?: Record<string, unknown> | undefined; api?: ConnectionApiPatch | undefined }): ConnectionDto {
      const c = get(a.id);
      const adapter = adapterFor(c.platform);
      refuseUnknownSecrets(adapter, a.secrets);
      const next: ConnectionRow = {
        ...c,
        name: a.name ?? c.name,
        store: a.store ?? c.store,
        secrets: { ...c.secrets, ...a.secrets },
        settings: a.settings ? parseSettings(adapter, a.settings) : c.settings,
        api: a.api ? ConnectionApi.parse({ ...c.api, ...a.api }) : c.api,
      };
      checkApi(next, next.api);
      repos.connections.update(next);
      if (a.api) d.onApiChanged?.(next.id);
      return toDto(next);
    },
    /** Removes a connection and deactivates (keeps) the active flows no remaining connection can serve. */
    remove(id: string, dryRun = false): { id: string; deactivatedFlows: { id: string; name: string }[] } {
      get(id);
      const remaining = [...new Set(repos.connections.list().filter((c) => c.id !== id).map((c) => c.platform))];
      const affected = d.flowsLosing(remaining);
      if (dryRun) return { id, deactivatedFlows: affected };
      repos.tx(() => {
        repos.connections.remove(id, now());
        for (const flow of affected) repos.flows.setActive(flow.id, null, now());
      });
      d.onFlowsStopped(affected.map((f) => f.id));
      return { id, deactivatedFlows: affected };
    },
    platforms(): PlatformInfoDto[] {
      return d.platforms.list().map((a) => ({
        platform: a.platform,
        label: platformLabels[a.platform],
        storeIdLabel: a.storeIdLabel,
        secrets: a.secrets.map((s) => ({ name: s.name, label: s.label, optional: s.optional ?? false })),
        settingsSchema: z.toJSONSchema(a.settings, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
        setup: [...a.setup],
        api: {
          available: d.storeApi(a.platform) !== undefined && !noStoreApi[a.platform],
          note: noStoreApi[a.platform] ?? (a.platform === 'sapo' ? SAPO_GO_NOTE : null),
          secrets: (d.storeApi(a.platform)?.secrets ?? []).map((s) => ({ name: s.name, label: s.label, optional: s.optional ?? false })),
          options: [...(d.storeApi(a.platform)?.options ?? [])],
          supports: writeBackSupport[a.platform],
          reconcileMinutes: defaultReconcileMinutes(a.platform),
        },
      }));
    },
  };
}
export type ConnectionService = ReturnType<typeof createConnectionService>;
