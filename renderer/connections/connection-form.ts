import type { ApiArgsInput, ConnectionDto, Platform, PlatformInfoDto } from '../../engine/contract/index.ts';
import { apiFormFrom, buildApiArgs, type ApiFormValues, type ApiNumberField } from './api-access.ts';

/** What the form holds, as typed. */
export interface ConnectionFormValues {
  platform: Platform;
  storeId: string;
  name: string;
  store: string;
  secrets: Record<string, string>;
  /** The settings as the form shows them; the schema's defaults when untouched. */
  settings: Record<string, unknown>;
  /** The settings as JSON text while "Edit as JSON" is open, else null (the form is the truth). */
  settingsText: string | null;
  /** Its use of the platform's API (off unless turned on). */
  api: ApiFormValues;
}

export type CreateArgs = ApiArgsInput<'connections.create'>;

export type BuildResult =
  | { ok: true; args: CreateArgs }
  | { ok: false; problem: 'settings_invalid'; message: string }
  | { ok: false; problem: 'settings_not_object' }
  | { ok: false; problem: 'api_number'; field: ApiNumberField; min: number; max: number };

/** The settings a platform starts with: each top-level property's default, from its JSON Schema. */
export function settingsDefaults(schema: Record<string, unknown>): Record<string, unknown> {
  const properties = schema['properties'];
  if (typeof properties !== 'object' || properties === null) return {};
  const out: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties as Record<string, unknown>)) {
    if (typeof property === 'object' && property !== null && 'default' in property) {
      out[name] = (property as { default: unknown }).default;
    }
  }
  return out;
}

export function settingsDefaultText(info: PlatformInfoDto): string {
  return JSON.stringify(settingsDefaults(info.settingsSchema), null, 2);
}

export function emptyForm(info: PlatformInfoDto): ConnectionFormValues {
  return {
    platform: info.platform,
    storeId: '',
    name: '',
    store: '',
    secrets: Object.fromEntries(info.secrets.map((s) => [s.name, ''])),
    settings: structuredClone(settingsDefaults(info.settingsSchema)),
    settingsText: null,
    api: apiFormFrom(info),
  };
}

/**
 * The `connections.create` arguments for what was typed: blanks left out, secrets by name,
 * settings only when changed from the defaults (the engine fills those in itself), API use and
 * the API's secrets only when something is on.
 */
export function buildCreateArgs(values: ConnectionFormValues, info: PlatformInfoDto): BuildResult {
  const secrets = Object.fromEntries(
    info.secrets.map((s) => [s.name, values.secrets[s.name] ?? ''] as const).filter(([, value]) => value !== ''),
  );
  const args: CreateArgs = { platform: values.platform, storeId: values.storeId.trim(), secrets };
  if (values.name.trim()) args.name = values.name.trim();
  if (values.store.trim()) args.store = values.store.trim();
  const parsed = values.settingsText === null ? { ok: true as const, settings: values.settings } : parseSettingsText(values.settingsText);
  if (!parsed.ok) return parsed;
  // JSON.stringify drops what an emptied field left undefined, as the engine would.
  if (JSON.stringify(parsed.settings) !== JSON.stringify(settingsDefaults(info.settingsSchema))) {
    args.settings = JSON.parse(JSON.stringify(parsed.settings)) as Record<string, unknown>;
  }
  const api = buildApiArgs(values.api, info, values.storeId, undefined);
  if (!api.ok) return api;
  if (api.api) {
    args.api = api.api;
    args.secrets = { ...secrets, ...api.secrets };
  }
  return { ok: true, args };
}

export type ParsedSettings =
  | { ok: true; settings: Record<string, unknown> }
  | { ok: false; problem: 'settings_invalid'; message: string }
  | { ok: false; problem: 'settings_not_object' };

/** The "Edit as JSON" text as settings; blank is the defaults' place, so an empty object. */
export function parseSettingsText(text: string): ParsedSettings {
  if (text.trim() === '') return { ok: true, settings: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: 'settings_invalid', message: (error as Error).message };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, problem: 'settings_not_object' };
  return { ok: true, settings: parsed as Record<string, unknown> };
}

export interface StoreGroup {
  store: string;
  connections: ConnectionDto[];
}

/** Connections by the Flowdesk store they belong to (seed 004), stores and connections by name. */
export function groupByStore(connections: readonly ConnectionDto[]): StoreGroup[] {
  const groups = new Map<string, ConnectionDto[]>();
  for (const c of connections) groups.set(c.store, [...(groups.get(c.store) ?? []), c]);
  const byName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' });
  return [...groups.entries()]
    .sort(([a], [b]) => byName(a, b))
    .map(([store, list]) => ({ store, connections: list.sort((a, b) => byName(a.name, b.name) || byName(a.platform, b.platform)) }));
}

/** `webhookSecret` → `webhook secret`: a secret's name as words. */
export function secretWords(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** What the edit panel of a saved connection holds: blank secrets are kept as they are. */
export interface ConnectionEditValues {
  name: string;
  store: string;
  secrets: Record<string, string>;
  settings: Record<string, unknown>;
  settingsText: string | null;
}

export type UpdateArgs = { id: string; name?: string; store?: string; secrets?: Record<string, string>; settings?: Record<string, unknown> };

/** A saved connection as its edit panel starts: its name, store and settings (over the defaults), no secret typed. */
export function editFormFrom(connection: ConnectionDto, info: PlatformInfoDto): ConnectionEditValues {
  return {
    name: connection.name,
    store: connection.store,
    secrets: Object.fromEntries(info.secrets.map((s) => [s.name, ''])),
    settings: structuredClone({ ...settingsDefaults(info.settingsSchema), ...connection.settings }),
    settingsText: null,
  };
}

/**
 * The `connections.update` arguments for what changed: a name or store only when edited, the
 * secrets typed (a blank one keeps the stored secret), the settings as a whole when they differ.
 */
export function buildUpdateArgs(values: ConnectionEditValues, connection: ConnectionDto, info: PlatformInfoDto): { ok: true; args: UpdateArgs } | Exclude<ParsedSettings, { ok: true }> {
  const args: UpdateArgs = { id: connection.id };
  if (values.name.trim() && values.name.trim() !== connection.name) args.name = values.name.trim();
  if (values.store.trim() && values.store.trim() !== connection.store) args.store = values.store.trim();
  const secrets = Object.fromEntries(Object.entries(values.secrets).filter(([, v]) => v !== ''));
  if (Object.keys(secrets).length > 0) args.secrets = secrets;
  const parsed = values.settingsText === null ? { ok: true as const, settings: values.settings } : parseSettingsText(values.settingsText);
  if (!parsed.ok) return parsed;
  const settings = JSON.parse(JSON.stringify(parsed.settings)) as Record<string, unknown>;
  if (JSON.stringify(settings) !== JSON.stringify(editFormFrom(connection, info).settings)) args.settings = settings;
  return { ok: true, args };
}
