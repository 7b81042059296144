import { primaryType, type JsonSchema } from './json-schema.ts';
import type { FormField } from './schema-form.ts';

/** Why a param value does not fit its schema; `key` names the i18n message (`problems.param.<key>`). */
export type ParamIssue =
  | { key: 'required' }
  | { key: 'minLength'; min: number }
  | { key: 'maxLength'; max: number }
  | { key: 'pattern' }
  | { key: 'enum' }
  | { key: 'number' }
  | { key: 'minimum'; min: number }
  | { key: 'maximum'; max: number }
  | { key: 'minItems'; min: number }
  | { key: 'maxItems'; max: number }
  | { key: 'type' };

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

function checkString(schema: JsonSchema, value: string): ParamIssue | null {
  if (schema.enum && !schema.enum.includes(value)) return { key: 'enum' };
  if (schema.minLength !== undefined && value.length < schema.minLength) {
    return value.length === 0 ? { key: 'required' } : { key: 'minLength', min: schema.minLength };
  }
  if (schema.maxLength !== undefined && value.length > schema.maxLength) return { key: 'maxLength', max: schema.maxLength };
  if (schema.pattern !== undefined) {
    try {
      if (!new RegExp(schema.pattern, 'u').test(value)) return { key: 'pattern' };
    } catch {
      return null;
    }
  }
  return null;
}

function checkValue(schema: JsonSchema, value: unknown): ParamIssue | null {
  const type = primaryType(schema);
  if (type === 'string') return typeof value === 'string' ? checkString(schema, value) : { key: 'type' };
  if (type === 'number' || type === 'integer') {
    if (typeof value !== 'number' || !Number.isFinite(value) || (type === 'integer' && !Number.isInteger(value))) return { key: 'number' };
    if (schema.minimum !== undefined && value < schema.minimum) return { key: 'minimum', min: schema.minimum };
    if (schema.maximum !== undefined && value > schema.maximum) return { key: 'maximum', max: schema.maximum };
    return null;
  }
  if (type === 'boolean') return typeof value === 'boolean' ? null : { key: 'type' };
  if (type === 'array') {
    if (!Array.isArray(value)) return { key: 'type' };
    if (schema.minItems !== undefined && value.length < schema.minItems) return { key: 'minItems', min: schema.minItems };
    if (schema.maxItems !== undefined && value.length > schema.maxItems) return { key: 'maxItems', max: schema.maxItems };
    for (const item of value) {
      const issue = schema.items ? checkValue(schema.items, item) : null;
      if (issue) return issue;
    }
  }
  return null;
}

/**
 * The first way a value breaks its field's schema, or null. An immediate check for the editor;
 * the engine's `flows.validate` (the spec's zod schema, refinements included) has the last word.
 */
export function checkField(field: FormField, value: unknown): ParamIssue | null {
  if (isBlank(value)) return field.required ? { key: 'required' } : null;
  return checkValue(field.schema, value);
}

/** Every field of a node's params that does not fit, by field key. */
export function checkParams(fields: readonly FormField[], params: Readonly<Record<string, unknown>>): { path: string; issue: ParamIssue }[] {
  const found: { path: string; issue: ParamIssue }[] = [];
  for (const field of fields) {
    const issue = checkField(field, params[field.key]);
    if (issue) found.push({ path: field.key, issue });
  }
  return found;
}

/** The English wording of an issue, used when no translation is at hand. */
export function issueText(issue: ParamIssue): string {
  switch (issue.key) {
    case 'required': return 'required';
    case 'minLength': return `at least ${issue.min} characters`;
    case 'maxLength': return `at most ${issue.max} characters`;
    case 'pattern': return 'not in the expected form';
    case 'enum': return 'not one of the choices';
    case 'number': return 'enter a number';
    case 'minimum': return `at least ${issue.min}`;
    case 'maximum': return `at most ${issue.max}`;
    case 'minItems': return issue.min === 1 ? 'add at least one' : `add at least ${issue.min}`;
    case 'maxItems': return `at most ${issue.max}`;
    case 'type': return 'of the wrong kind';
  }
}
