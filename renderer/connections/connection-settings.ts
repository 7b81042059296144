import { asJsonSchema, primaryType, titleFromKey, type JsonSchema } from '../canvas/core/json-schema.ts';
import { formFields, type FormField } from '../canvas/core/schema-form.ts';

/** A column of a settings table: a property of the rows' objects; `list` when it holds several codes. */
export interface SettingColumn {
  key: string;
  title: string;
  description: string | null;
  list: boolean;
}

/**
 * The control an adapter setting gets, from its JSON Schema: the account forms' field kinds, plus
 * a select that may be left empty (a nullable enum), a two-column table for a record of text
 * (status → status), a table for a list of flat rows (Lazada's status mapping), and JSON for the rest.
 */
export type SettingControl =
  | { kind: 'text' | 'number' | 'checkbox' | 'tags' }
  | { kind: 'select'; options: readonly string[]; nullable: boolean }
  | { kind: 'record' }
  | { kind: 'rows'; columns: readonly SettingColumn[] }
  | { kind: 'json' };

export interface SettingField {
  field: FormField;
  control: SettingControl;
  /** Shown first, outside "More settings": required, or text no default can stand for (an app key). */
  upFront: boolean;
}

const isStringList = (s: JsonSchema) => primaryType(s) === 'array' && primaryType(s.items ?? {}) === 'string' && !s.items?.enum;

function rowColumns(schema: JsonSchema): SettingColumn[] | null {
  const items = schema.items;
  if (!items || primaryType(items) !== 'object' || !items.properties) return null;
  const columns: SettingColumn[] = [];
  for (const [key, raw] of Object.entries(items.properties)) {
    const property = asJsonSchema(raw);
    const list = isStringList(property);
    if (!list && (primaryType(property) !== 'string' || property.enum || property.anyOf)) return null;
    columns.push({ key, title: property.title ?? titleFromKey(key), description: property.description ?? null, list });
  }
  return columns;
}

function controlOf(field: FormField): SettingControl {
  const schema = field.schema;
  const enumBranch = schema.anyOf?.find((s) => s.enum);
  if (enumBranch) return { kind: 'select', options: enumBranch.enum!.map(String), nullable: schema.anyOf!.some((s) => s.type === 'null') };
  if (field.kind === 'select') return { kind: 'select', options: field.options, nullable: false };
  if (field.kind === 'text' || field.kind === 'number' || field.kind === 'checkbox' || field.kind === 'tags') return { kind: field.kind };
  const additional = (schema as { additionalProperties?: unknown }).additionalProperties;
  if (primaryType(schema) === 'object' && !schema.properties && primaryType(asJsonSchema(additional)) === 'string') return { kind: 'record' };
  const columns = primaryType(schema) === 'array' ? rowColumns(schema) : null;
  return columns ? { kind: 'rows', columns } : { kind: 'json' };
}

/** Every setting of a platform, with its control, in the schema's order. */
export function settingFields(settingsSchema: Record<string, unknown>): SettingField[] {
  return formFields(settingsSchema).map((field) => {
    const control = controlOf(field);
    return { field, control, upFront: field.required || (control.kind === 'text' && field.defaultValue === '') };
  });
}

/** `Pending` / `pending, packed` ⇄ `['pending', 'packed']`: a list of codes as one line. */
export const listText = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : '');
export const textList = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** A record of text as table rows, and back; rows with an empty key are left out. */
export type RecordRow = [key: string, value: string];
export const recordRows = (value: unknown): RecordRow[] =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]) : [];
export const rowsRecord = (rows: readonly RecordRow[]): Record<string, string> =>
  Object.fromEntries(rows.filter(([k]) => k.trim() !== '').map(([k, v]) => [k.trim(), v]));

/** A number field's value: a number when it reads as one, otherwise the text (the engine names the problem). */
export function numberValue(text: string): number | string | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}
