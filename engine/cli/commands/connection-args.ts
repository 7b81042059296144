import type { PlatformInfoDto } from '../../contract/index.ts';
import { CliError } from '../api-client.ts';

/** Commander's collector for a repeatable option: each `--secret` / `--setting` adds one. */
export function collect(value: string, previous: readonly string[] = []): string[] {
  return [...previous, value];
}

/** A secret name as adapters spell them (webhookSecret, appSecret, urlToken…). */
const SECRET_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * `--secret VALUE` and `--secret NAME=VALUE` into the secrets record the API takes. A value is
 * named when what precedes its first `=` is one of the platform's secret names, or looks like
 * a name and is followed by a value: base64 secrets end in `=` and must still pass as plain
 * values, while a mistyped name must reach the engine, which refuses it naming the right ones.
 */
export function secretArgs(given: readonly string[], info: PlatformInfoDto): Record<string, string> {
  const names = info.secrets.map((s) => s.name);
  const secrets: Record<string, string> = {};
  let plain: string | null = null;
  for (const raw of given) {
    const at = raw.indexOf('=');
    const name = at > 0 ? raw.slice(0, at) : '';
    const value = raw.slice(at + 1);
    if (name && (names.includes(name) || (SECRET_NAME.test(name) && value !== ''))) {
      secrets[name] = value;
      continue;
    }
    if (plain !== null) {
      throw new CliError(`only one --secret may leave out its name (it sets ${names[0] ?? 'the first secret'}); name the others: --secret NAME=VALUE, NAME one of ${names.join(', ')}`);
    }
    plain = raw;
  }
  if (plain !== null) {
    const first = names[0];
    if (!first) throw new CliError(`${info.label} connections hold no secret`);
    if (first in secrets) throw new CliError(`--secret ${first} is given twice (once by name, once as the plain value)`);
    secrets[first] = plain;
  }
  return secrets;
}

type JsonSchema = { type?: string | string[]; anyOf?: JsonSchema[]; properties?: Record<string, JsonSchema>; default?: unknown };

/** The JSON types a schema takes, or null when it does not say (then any JSON goes). */
function typesOf(schema: JsonSchema | undefined): string[] | null {
  if (!schema) return null;
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.anyOf) {
    const all = schema.anyOf.map(typesOf);
    return all.every((t): t is string[] => t !== null) ? all.flat() : null;
  }
  return null;
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v;
}

/**
 * A setting's text as the value to send: JSON when it parses, else the text itself. A text
 * setting keeps its text even when it reads as a JSON number or boolean, so an app key such as
 * `appKey=112233` stays the string the platform signs with instead of becoming a number.
 */
function settingValue(text: string, schema: JsonSchema | undefined): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text;
  }
  const types = typesOf(schema);
  const type = jsonType(parsed);
  const fits = types === null || types.includes(type) || (type === 'integer' && types.includes('number'));
  return !fits && types?.includes('string') ? text : parsed;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `--setting KEY=VALUE` over `base` (the connection's settings; {} for a new one). KEY is a
 * top-level setting, or a dotted path into one (`topic.source=event`), which edits that
 * setting starting from its current value, or its default for a new connection. The engine
 * validates the result against the platform's schema; here only unknown keys are refused,
 * because the schema would drop them without a word.
 */
export function settingsArgs(given: readonly string[], info: PlatformInfoDto, base: Record<string, unknown>): Record<string, unknown> {
  const schema = info.settingsSchema as JsonSchema;
  const known = Object.keys(schema.properties ?? {});
  const settings: Record<string, unknown> = structuredClone(base);
  for (const raw of given) {
    const at = raw.indexOf('=');
    if (at <= 0) throw new CliError(`--setting ${raw}: expected KEY=VALUE (e.g. --setting ${known[0] ?? 'key'}=value)`);
    const path = raw.slice(0, at).split('.');
    const top = path[0]!;
    if (!known.includes(top)) {
      throw new CliError(`unknown ${info.label} setting "${top}"; its settings are ${known.length > 0 ? known.join(', ') : 'none'} (flowdesk connections platforms ${info.platform})`);
    }
    if (path.some((p) => p === '')) throw new CliError(`--setting ${raw}: a dotted key has an empty part`);
    let propSchema: JsonSchema | undefined = schema.properties?.[top];
    let target = settings;
    for (const [i, key] of path.slice(0, -1).entries()) {
      const current = target[key] ?? structuredClone(i === 0 ? propSchema?.default : undefined) ?? {};
      if (!isPlainObject(current)) throw new CliError(`--setting ${raw}: "${path.slice(0, i + 1).join('.')}" is not an object, so it has no "${path[i + 1]}"`);
      target[key] = current;
      target = current;
      propSchema = propSchema?.properties?.[path[i + 1]!];
    }
    target[path.at(-1)!] = settingValue(raw.slice(at + 1), propSchema);
  }
  return settings;
}

/**
 * `--api KEY=VALUE` into a connection's API access (ConnectionApi): `writeBack=true`,
 * `reconcile=true`, `intake=polling`, `pollEverySeconds=60`, `baseUrl=https://…`, and the
 * platform's options as `options.NAME=value`. Values are JSON when they parse, else text; the
 * engine checks them.
 */
export function apiArgs(given: readonly string[]): Record<string, unknown> {
  const api: Record<string, unknown> = {};
  const options: Record<string, string> = {};
  for (const raw of given) {
    const at = raw.indexOf('=');
    if (at <= 0) throw new CliError(`--api "${raw}": write it as KEY=VALUE, e.g. --api writeBack=true`);
    const key = raw.slice(0, at);
    const text = raw.slice(at + 1);
    if (key.startsWith('options.')) {
      options[key.slice('options.'.length)] = text;
      continue;
    }
    let value: unknown = text;
    try {
      value = JSON.parse(text);
    } catch {
      // Plain text (a URL, "polling").
    }
    api[key] = value;
  }
  if (Object.keys(options).length > 0) api['options'] = options;
  return api;
}
