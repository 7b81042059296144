import { z } from 'zod';

/**
 * A connector that needs an account (an SMTP server, an SMS provider…), as data: what its
 * account form asks for and what its Test button does. Node types name it in `connector`.
 *
 * - `credentials`: what the user pastes once per account. A field that is a secret (password,
 *   API key) is marked `.meta({ secret: true })`: stored encrypted, shown back only masked,
 *   and never part of an exported flow (flows hold the account's id, nothing else).
 * - `settings`: every field has a default. Base URLs default to the real provider, so tests
 *   (and a sandbox) point them elsewhere.
 */
export interface ConnectorSpec<C extends z.ZodObject = z.ZodObject, S extends z.ZodObject = z.ZodObject> {
  id: string;
  label: string;
  description: string;
  credentials: C;
  settings: S;
  /** What the Test button does, harmless: a login, a balance check. */
  test: string;
}

export function defineConnectorSpec<C extends z.ZodObject, S extends z.ZodObject>(spec: ConnectorSpec<C, S>): ConnectorSpec<C, S> {
  return spec;
}

/** A schema as the editor's generated form reads it. */
export function formSchemaOf(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

/** The credential fields a connector marks secret. */
export function secretFieldsOf(spec: ConnectorSpec): string[] {
  const properties = (formSchemaOf(spec.credentials)['properties'] ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(properties)
    .filter(([, field]) => field['secret'] === true)
    .map(([key]) => key);
}

/** A secret as it is shown back: its last four characters at most, and only when it is long enough to spare them. */
export function maskSecretValue(secret: string): string {
  if (secret === '') return '';
  return secret.length <= 8 ? '••••' : `••••${secret.slice(-4)}`;
}
