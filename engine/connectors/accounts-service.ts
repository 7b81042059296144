import type { z } from 'zod';
import {
  formSchemaOf,
  maskSecretValue,
  secretFieldsOf,
  type AccountDto,
  type AccountTestDto,
  type ConnectorInfoDto,
  type ConnectorSpec,
  type FlowDocument,
} from '../contract/index.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { AccountRow } from '../storage/repos/accounts-repo.ts';
import type { Clock } from '../shared/clock.ts';
import { EngineError, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import type { ConnectorRuntime, ResolvedAccount } from './account-store.ts';

export interface AccountsServiceDeps {
  repos: Repositories;
  registry: NodeRegistry;
  clock: Clock;
  runtimes: readonly ConnectorRuntime[];
  /** Flows turned off because their account went: their waiting runs are cancelled. */
  onFlowsStopped(flowIds: string[]): void;
}

type FlowRef = { id: string; name: string; active: boolean };

/**
 * Connector accounts: credentials checked against the connector's schema, kept encrypted,
 * shown back only masked; a Test per account; removal names the flows that use it.
 */
export function createAccountsService(d: AccountsServiceDeps) {
  const { repos } = d;
  const byId = new Map(d.runtimes.map((r) => [r.spec.id, r]));
  const now = () => new Date(d.clock.now()).toISOString();

  function runtimeOf(connector: string): ConnectorRuntime {
    const r = byId.get(connector);
    if (!r) throw new EngineError('invalid_args', `unknown connector "${connector}"; the connectors are ${[...byId.keys()].join(', ')}`);
    return r;
  }

  function parse<T extends z.ZodType>(spec: ConnectorSpec, what: 'credentials' | 'settings', schema: T, value: unknown): z.output<T> {
    const parsed = schema.safeParse(value ?? {});
    if (parsed.success) return parsed.data;
    const problems = parsed.error.issues.map((i) => `${i.path.length > 0 ? `"${i.path.map(String).join('.')}"` : what}: ${i.message}`);
    throw new EngineError('invalid_args', `invalid ${spec.label} ${what}: ${problems.join('; ')}`, parsed.error.issues);
  }

  /** Keys the schema does not know would be kept and never read: refused. */
  function refuseUnknown(spec: ConnectorSpec, what: 'credentials' | 'settings', value: Record<string, unknown> | undefined): void {
    const known = Object.keys(spec[what].shape);
    const unknown = Object.keys(value ?? {}).filter((k) => !known.includes(k));
    if (unknown.length > 0) throw new EngineError('invalid_args', `unknown ${spec.label} ${what} ${unknown.map((k) => `"${k}"`).join(', ')}; they are ${known.join(', ')}`);
  }

  function toDto(row: AccountRow): AccountDto {
    const spec = byId.get(row.connector)?.spec;
    const secrets = new Set(spec ? secretFieldsOf(spec) : Object.keys(row.credentials));
    const fields: Record<string, unknown> = {};
    const secretHints: Record<string, string> = {};
    for (const [k, v] of Object.entries(row.credentials)) {
      if (secrets.has(k)) secretHints[k] = maskSecretValue(typeof v === 'string' ? v : String(v ?? ''));
      else fields[k] = v;
    }
    return { id: row.id, connector: row.connector, name: row.name, fields, secretHints, settings: row.settings, lastTest: (row.lastTest as AccountTestDto | null) ?? null, createdAt: row.createdAt, updatedAt: row.updatedAt };
  }

  function get(id: string): AccountRow {
    const row = repos.accounts.get(id);
    if (!row) throw notFound('account', id);
    return row;
  }

  /** The params of each node type that hold an account id (widget 'account'). */
  const accountParams = new Map<string, string[]>();
  for (const dto of d.registry.toDtos()) {
    const properties = (dto.paramsSchema['properties'] ?? {}) as Record<string, Record<string, unknown>>;
    const keys = Object.entries(properties).filter(([, p]) => p['widget'] === 'account').map(([k]) => k);
    if (keys.length > 0) accountParams.set(dto.type, keys);
  }
  const uses = (doc: FlowDocument | undefined, id: string) =>
    doc?.nodes.some((n) => (accountParams.get(n.type) ?? []).some((k) => n.params[k] === id)) ?? false;

  /** Flows whose latest or active version has a step using the account. */
  function flowsUsing(id: string): FlowRef[] {
    return repos.flows
      .list()
      .filter((f) => uses(repos.flows.getVersion(f.id, f.latestVersion), id) || (f.activeVersion !== null && uses(repos.flows.getVersion(f.id, f.activeVersion), id)))
      .map((f) => ({ id: f.id, name: f.name, active: f.activeVersion !== null }));
  }

  return {
    connectors(): ConnectorInfoDto[] {
      return d.runtimes.map(({ spec }) => ({
        id: spec.id,
        label: spec.label,
        description: spec.description,
        credentialsSchema: formSchemaOf(spec.credentials),
        settingsSchema: formSchemaOf(spec.settings),
        secretFields: secretFieldsOf(spec),
        test: spec.test,
      }));
    },
    list: (connector?: string): AccountDto[] => repos.accounts.list(connector).map(toDto),
    create(a: { connector: string; name: string; credentials: Record<string, unknown>; settings?: Record<string, unknown> | undefined }): AccountDto {
      const { spec } = runtimeOf(a.connector);
      refuseUnknown(spec, 'credentials', a.credentials);
      refuseUnknown(spec, 'settings', a.settings);
      const at = now();
      const row: AccountRow = {
        id: newId('acc'),
        connector: spec.id,
        name: a.name,
        credentials: parse(spec, 'credentials', spec.credentials, a.credentials),
        settings: parse(spec, 'settings', spec.settings, a.settings),
        lastTest: null,
        createdAt: at,
        updatedAt: at,
      };
      repos.accounts.insert(row);
      return toDto(row);
    },
    update(a: { id: string; name?: string | undefined; credentials?: Record<string, unknown> | undefined; settings?: Record<string, unknown> | undefined }): AccountDto {
      const row = get(a.id);
      const { spec } = runtimeOf(row.connector);
      refuseUnknown(spec, 'credentials', a.credentials);
      refuseUnknown(spec, 'settings', a.settings);
      const secrets = new Set(secretFieldsOf(spec));
      // A secret left empty in the form means "keep the one stored": it is never sent back to fill the field.
      const given = Object.fromEntries(Object.entries(a.credentials ?? {}).filter(([k, v]) => !(secrets.has(k) && (v === '' || v === undefined || v === null))));
      const credentials = a.credentials ? parse(spec, 'credentials', spec.credentials, { ...row.credentials, ...given }) : row.credentials;
      const changed = a.credentials !== undefined || a.settings !== undefined;
      const next: AccountRow = {
        ...row,
        name: a.name ?? row.name,
        credentials,
        settings: a.settings ? parse(spec, 'settings', spec.settings, a.settings) : row.settings,
        // A test said something of the old credentials, not of these.
        lastTest: changed ? null : row.lastTest,
        updatedAt: now(),
      };
      repos.accounts.update(next);
      return toDto(next);
    },
    remove(id: string, dryRun = false): { id: string; usedBy: FlowRef[]; deactivatedFlows: FlowRef[]; removed: boolean } {
      get(id);
      const usedBy = flowsUsing(id);
      const deactivated = usedBy.filter((f) => f.active);
      if (dryRun) return { id, usedBy, deactivatedFlows: deactivated, removed: false };
      repos.tx(() => {
        repos.accounts.remove(id);
        for (const f of deactivated) repos.flows.setActive(f.id, null, now());
      });
      if (deactivated.length > 0) d.onFlowsStopped(deactivated.map((f) => f.id));
      return { id, usedBy, deactivatedFlows: deactivated.map((f) => ({ ...f, active: false })), removed: true };
    },
    async test(id: string): Promise<AccountTestDto> {
      const row = get(id);
      const runtime = runtimeOf(row.connector);
      const credentials = runtime.spec.credentials.safeParse(row.credentials);
      const at = now();
      let result: AccountTestDto;
      if (!credentials.success) {
        result = { ok: false, code: 'refused', message: `the account is incomplete: ${credentials.error.issues.map((i) => i.message).join('; ')}`, answer: null, facts: {}, at };
      } else {
        const settings = runtime.spec.settings.safeParse(row.settings);
        const account: ResolvedAccount = {
          id: row.id, name: row.name, connector: row.connector, credentials: credentials.data as Record<string, unknown>,
          settings: (settings.success ? settings.data : runtime.spec.settings.parse({})) as Record<string, unknown>,
        };
        result = { ...(await runtime.test(account)), at: now() };
      }
      repos.accounts.setLastTest(id, result);
      return result;
    },
  };
}
export type AccountsService = ReturnType<typeof createAccountsService>;
