import { z } from 'zod';
import { method } from './method.ts';

/** What a connector's account form asks for (accounts.connectors). */
export const ConnectorInfoDto = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string(),
  /** JSON Schema of the credentials; fields with `secret: true` are shown masked and kept if left empty on update. */
  credentialsSchema: z.record(z.string(), z.unknown()),
  /** JSON Schema of the settings, each with its default (base URLs: the real provider). */
  settingsSchema: z.record(z.string(), z.unknown()),
  secretFields: z.array(z.string()),
  /** What the Test button does, in words. */
  test: z.string(),
});
export type ConnectorInfoDto = z.infer<typeof ConnectorInfoDto>;

/** A test's answer: whether it worked, a code the editor words, and the provider's own answer. */
export const AccountTestDto = z.object({
  ok: z.boolean(),
  /**
   * ok; auth_failed (wrong user or keys); unreachable (no connection); tls; timeout; refused (another answer);
   * unchecked (the provider offers no harmless call, e.g. a Slack incoming webhook: only the settings' shape was checked).
   */
  code: z.enum(['ok', 'auth_failed', 'unreachable', 'tls', 'timeout', 'refused', 'unchecked']),
  /** Plain English, for logs and the command line; the editor words `code` and shows `answer`. */
  message: z.string(),
  /** What the provider said, verbatim (a server line, a code and message). */
  answer: z.string().nullable(),
  /** Facts the test learned: the balance, the server's name. */
  facts: z.record(z.string(), z.union([z.string(), z.number()])),
  at: z.string(),
});
export type AccountTestDto = z.infer<typeof AccountTestDto>;

export const AccountDto = z.object({
  id: z.string(),
  connector: z.string(),
  name: z.string(),
  /** The credentials that are not secret, as stored (server, user, brandname…). */
  fields: z.record(z.string(), z.unknown()),
  /** Each secret, masked ("••••abcd"); empty when none was given. Never the secret itself. */
  secretHints: z.record(z.string(), z.string()),
  settings: z.record(z.string(), z.unknown()),
  lastTest: AccountTestDto.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AccountDto = z.infer<typeof AccountDto>;

const FlowRef = z.object({ id: z.string(), name: z.string(), active: z.boolean() });

export const accountsApi = {
  /** Every connector that holds accounts, with what its form asks for. */
  'accounts.connectors': method(z.object({}), z.array(ConnectorInfoDto)),
  'accounts.list': method(z.object({ connector: z.string().optional() }), z.array(AccountDto)),
  'accounts.create': method(
    z.object({
      connector: z.string().min(1),
      name: z.string().trim().min(1, 'name the account').max(200),
      credentials: z.record(z.string(), z.unknown()),
      settings: z.record(z.string(), z.unknown()).optional(),
    }),
    AccountDto,
  ),
  'accounts.update': method(
    z.object({
      id: z.string(),
      name: z.string().trim().min(1).max(200).optional(),
      /** Replaces the named credentials; a secret left out or empty keeps the stored one. */
      credentials: z.record(z.string(), z.unknown()).optional(),
      /** Replaces the settings as a whole (defaults fill what is left out). */
      settings: z.record(z.string(), z.unknown()).optional(),
    }),
    AccountDto,
  ),
  /**
   * Removes the account and its credentials. The flows whose steps use it are named; the
   * active ones are turned off (kept). With dryRun nothing changes: the answer says what would.
   */
  'accounts.remove': method(
    z.object({ id: z.string(), dryRun: z.boolean().default(false) }),
    z.object({ id: z.string(), usedBy: z.array(FlowRef), deactivatedFlows: z.array(FlowRef), removed: z.boolean() }),
  ),
  /** A harmless call with the stored credentials (SMTP sign-in, eSMS balance); the answer is kept as `lastTest`. */
  'accounts.test': method(z.object({ id: z.string() }), AccountTestDto),
};
