/** The part of JSON Schema that node params use (zod's `toJSONSchema` output, `io: 'input'`). */
export interface JsonSchema {
  type?: string | string[];
  enum?: readonly unknown[];
  const?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  default?: unknown;
  title?: string;
  description?: string;
  /** A hint from the spec's zod `.meta()`: "template", "tags". */
  widget?: string;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  anyOf?: readonly JsonSchema[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads an untyped schema (as it crosses the API) as a JsonSchema, dropping what is not one. */
export function asJsonSchema(value: unknown): JsonSchema {
  return isRecord(value) ? (value as JsonSchema) : {};
}

/** The schema's own type, looking through `anyOf: [X, {type: 'null'}]` as zod writes nullable. */
export function primaryType(schema: JsonSchema): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  if (schema.enum) return typeof schema.enum[0] === 'number' ? 'number' : 'string';
  const branch = schema.anyOf?.find((s) => s.type !== 'null');
  return branch ? primaryType(branch) : undefined;
}

/** `valueType` → `Value type`, for a property without a title. */
export function titleFromKey(key: string): string {
  const spaced = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replaceAll('_', ' ').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
