import {
  apiInUse, ConnectionApi, isSapoGo, noStoreApi, SAPO_GO_NOTE, WriteAction,
  type ConnectionDto, type Intake, type PlatformInfoDto, type WriteSupport,
} from '../../engine/contract/index.ts';

/** The API access section as the form holds it: numbers as typed, secrets as typed (blank: keep or none). */
export interface ApiFormValues {
  writeBack: boolean;
  reconcile: boolean;
  intake: Intake;
  reconcileEveryMinutes: string;
  pollEverySeconds: string;
  baseUrl: string;
  options: Record<string, string>;
  secrets: Record<string, string>;
}

/** The section's values for a new connection (all off), or as a saved connection has them. */
export function apiFormFrom(info: PlatformInfoDto, api?: ConnectionApi): ApiFormValues {
  const a = api ?? ConnectionApi.parse({});
  return {
    writeBack: a.writeBack,
    reconcile: a.reconcile,
    intake: a.intake,
    reconcileEveryMinutes: a.reconcileEveryMinutes === null ? '' : String(a.reconcileEveryMinutes),
    pollEverySeconds: String(a.pollEverySeconds),
    baseUrl: a.baseUrl,
    // Blank shows the default as the placeholder; only a value of the user's own is kept.
    options: Object.fromEntries(info.api.options.map((o) => [o.name, a.options[o.name] ?? ''])),
    secrets: Object.fromEntries(info.api.secrets.map((s) => [s.name, ''])),
  };
}

/** Whether what is on needs the platform's API (and so its credentials and options). */
export const apiFormInUse = (v: Pick<ApiFormValues, 'writeBack' | 'reconcile' | 'intake'>): boolean =>
  apiInUse({ ...ConnectionApi.parse({}), writeBack: v.writeBack, reconcile: v.reconcile, intake: v.intake });

/** Why a connection cannot use its platform's API, as a key of write-back.json's `noApi` with the contract's English. */
export type NoApiReason = 'ladisales' | 'catchhook' | 'sapo_go' | 'unavailable';

/**
 * Said in the form, not found out at run time: LadiSales and a catch hook have no API, a Sapo GO
 * store (.mysapogo.com) has none though Sapo Web does, and a platform Flowdesk has no client for yet.
 */
export function noApiFor(info: PlatformInfoDto, storeId: string, connection?: Pick<ConnectionDto, 'noApiReason'>): { reason: NoApiReason; english: string } | null {
  const english = noStoreApi[info.platform];
  if (english && (info.platform === 'ladisales' || info.platform === 'catchhook')) return { reason: info.platform, english };
  if (info.platform === 'sapo' && isSapoGo(storeId)) return { reason: 'sapo_go', english: SAPO_GO_NOTE };
  if (!info.api.available) return { reason: 'unavailable', english: info.api.note ?? connection?.noApiReason ?? '' };
  if (connection?.noApiReason) return { reason: 'unavailable', english: connection.noApiReason };
  return null;
}

export type ApiNumberField = 'reconcileEveryMinutes' | 'pollEverySeconds';
export const apiNumberRange: Record<ApiNumberField, { min: number; max: number }> = {
  reconcileEveryMinutes: { min: 5, max: 24 * 60 },
  pollEverySeconds: { min: 30, max: 3600 },
};

export type ApiArgs =
  | { ok: true; api: Partial<ConnectionApi> | null; secrets: Record<string, string> }
  | { ok: false; problem: 'api_number'; field: ApiNumberField; min: number; max: number };

function whole(text: string, field: ApiNumberField): number | null | 'bad' {
  if (text.trim() === '') return null;
  const n = Number(text.trim());
  const { min, max } = apiNumberRange[field];
  return Number.isInteger(n) && n >= min && n <= max ? n : 'bad';
}

/**
 * What to send as `api` (and the API secrets typed): null when the connection has no API or a new
 * one leaves it all off. Options equal to their default are left out (the client falls back to it);
 * a number is checked only where it is shown, else the connection's own is kept.
 */
export function buildApiArgs(values: ApiFormValues, info: PlatformInfoDto, storeId: string, current?: ConnectionDto): ApiArgs {
  if (noApiFor(info, storeId, current)) return { ok: true, api: null, secrets: {} };
  const inUse = apiFormInUse(values);
  const was = current?.api ?? ConnectionApi.parse({});
  const minutes = whole(values.reconcileEveryMinutes, 'reconcileEveryMinutes');
  if (minutes === 'bad' && values.reconcile) return { ok: false, problem: 'api_number', field: 'reconcileEveryMinutes', ...apiNumberRange.reconcileEveryMinutes };
  const seconds = whole(values.pollEverySeconds, 'pollEverySeconds');
  if (seconds === 'bad' && values.intake === 'polling') return { ok: false, problem: 'api_number', field: 'pollEverySeconds', ...apiNumberRange.pollEverySeconds };
  const defaults = new Map(info.api.options.map((o) => [o.name, o.default]));
  const options = Object.fromEntries(
    Object.entries(values.options).filter(([name, value]) => value.trim() !== '' && value.trim() !== defaults.get(name)).map(([name, value]) => [name, value.trim()]),
  );
  const api: ConnectionApi = {
    writeBack: values.writeBack,
    reconcile: values.reconcile,
    intake: values.intake,
    reconcileEveryMinutes: minutes === 'bad' ? was.reconcileEveryMinutes : minutes,
    pollEverySeconds: seconds === 'bad' || seconds === null ? was.pollEverySeconds : seconds,
    baseUrl: values.baseUrl.trim(),
    options,
  };
  const secrets = inUse ? Object.fromEntries(Object.entries(values.secrets).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()])) : {};
  // A new connection that turns nothing on sends nothing: the engine's defaults are the same.
  if (!current && !inUse && JSON.stringify(api) === JSON.stringify(ConnectionApi.parse({ options: {} }))) return { ok: true, api: null, secrets };
  return { ok: true, api, secrets };
}

/** The secrets a form must ask for now: none while the API is off; one already stored is not required again. */
export function requiredApiSecret(secret: PlatformInfoDto['api']['secrets'][number], current?: Pick<ConnectionDto, 'secretHints'>): boolean {
  return !secret.optional && !current?.secretHints[secret.name];
}

export interface SupportRow {
  action: WriteAction;
  support: WriteSupport;
}

/**
 * What the platform can do through its API, the actions it can do first; marketplace actions
 * are left out for a platform that is no marketplace (they would only be a row of "no").
 */
export function supportRows(info: PlatformInfoDto): { can: SupportRow[]; cannot: WriteAction[] } {
  const rows = WriteAction.options.map((action) => ({ action, support: info.api.supports[action] ?? 'no' }));
  const marketplace = rows.some((r) => r.action.startsWith('marketplace.') && r.support !== 'no');
  return {
    can: rows.filter((r) => r.support !== 'no'),
    cannot: rows.filter((r) => r.support === 'no' && (marketplace || !r.action.startsWith('marketplace.'))).map((r) => r.action),
  };
}
