import type { z } from 'zod';
import type { AccountTestDto, ConnectorSpec } from '../contract/index.ts';
import type { Repositories } from '../storage/repositories.ts';

/** An account as a connector uses it: credentials opened and parsed, settings with their defaults. */
export interface ResolvedAccount<C = Record<string, unknown>, S = Record<string, unknown>> {
  id: string;
  name: string;
  connector: string;
  credentials: C;
  settings: S;
}

/** What a test says, before the engine stamps its time. */
export type TestAnswer = Omit<AccountTestDto, 'at'>;

/** A connector's running part: its spec and the harmless call behind its Test button. */
export interface ConnectorRuntime {
  spec: ConnectorSpec;
  test(account: ResolvedAccount): Promise<TestAnswer>;
}

/** Reads accounts for the connectors' intent handlers; a missing or broken account fails the step in words. */
export function createAccountStore(repos: Repositories) {
  return {
    resolve<C extends z.ZodObject, S extends z.ZodObject>(id: string, spec: ConnectorSpec<C, S>): ResolvedAccount<z.output<C>, z.output<S>> {
      const row = repos.accounts.get(id);
      if (!row) throw new Error(`the ${spec.label} account ${id} does not exist (was it removed?): choose another in the step`);
      if (row.connector !== spec.id) throw new Error(`account "${row.name}" is a ${row.connector} account, not ${spec.label}`);
      const credentials = spec.credentials.safeParse(row.credentials);
      if (!credentials.success) throw new Error(`account "${row.name}" is incomplete: ${credentials.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      const settings = spec.settings.safeParse(row.settings);
      return {
        id: row.id,
        name: row.name,
        connector: row.connector,
        credentials: credentials.data,
        settings: settings.success ? settings.data : spec.settings.parse({}),
      };
    },
    /**
     * Stores credentials a connector renewed by itself (a provider's rotated tokens), encrypted
     * like the rest, before they are used: a crash after this keeps the new ones.
     */
    replaceSecrets(id: string, patch: Record<string, unknown>): void {
      if (!repos.accounts.mergeCredentials(id, patch)) throw new Error(`the account ${id} was removed while its tokens were being renewed`);
    },
    /** The account's name, for run logs and dry runs; null when it is gone. */
    nameOf(id: string): string | null {
      return repos.accounts.get(id)?.name ?? null;
    },
  };
}
export type AccountStore = ReturnType<typeof createAccountStore>;
