import { asJsonSchema, primaryType, titleFromKey, type JsonSchema } from './json-schema.ts';

/**
 * What control a param gets: text input, number input, select (enum), tag list (array of
 * strings), checklist (array of enum values), multiline template (`widget: 'template'`),
 * checkbox (boolean), the condition builder (`widget: 'condition'`), or raw JSON for anything else.
 */
export type FieldKind = 'text' | 'number' | 'select' | 'tags' | 'checklist' | 'template' | 'checkbox' | 'condition' | 'json';

export interface FormField {
  key: string;
  kind: FieldKind;
  title: string;
  description: string | null;
  required: boolean;
  /** The schema's default, if it has one. */
  defaultValue: unknown;
  /** The allowed values of a select or checklist. */
  options: readonly string[];
  schema: JsonSchema;
}

function kindOf(schema: JsonSchema): FieldKind {
  if (schema.widget === 'template') return 'template';
  if (schema.widget === 'condition') return 'condition';
  const type = primaryType(schema);
  if (type === 'array') {
    const items = schema.items ?? {};
    if (items.enum) return 'checklist';
    if (schema.widget === 'tags' || primaryType(items) === 'string') return 'tags';
    return 'json';
  }
  if (schema.enum) return 'select';
  if (type === 'number' || type === 'integer') return 'number';
  if (type === 'boolean') return 'checkbox';
  if (type === 'string') return 'text';
  return 'json';
}

function optionsOf(schema: JsonSchema, kind: FieldKind): readonly string[] {
  const values = kind === 'checklist' ? schema.items?.enum : kind === 'select' ? schema.enum : undefined;
  return (values ?? []).map(String);
}

/** The form a node's params schema describes, one field per property, in the schema's order. */
export function formFields(paramsSchema: unknown): FormField[] {
  const schema = asJsonSchema(paramsSchema);
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([key, raw]) => {
    const property = asJsonSchema(raw);
    const kind = kindOf(property);
    return {
      key,
      kind,
      title: property.title ?? titleFromKey(key),
      description: property.description ?? null,
      // A property with a default can be left out: the default fills it; unless the engine
      // refuses it empty when saved (`requiredOnSave`: Lazada's app key).
      required: (required.has(key) && property.default === undefined) || (property as { requiredOnSave?: unknown }).requiredOnSave === true,
      defaultValue: property.default,
      options: optionsOf(property, kind),
      schema: property,
    };
  });
}

/** A new node's params: every default the schema gives, deep-copied. */
export function defaultParams(fields: readonly FormField[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.defaultValue !== undefined) params[field.key] = structuredClone(field.defaultValue);
  }
  return params;
}
