import type { ElementRule, FieldRule } from './mapping-schema.ts';
import { sourcesOf } from './mapping-schema.ts';
import { joinPaths, lookup, lookupAll, parsePath, type ParsedPath } from './path.ts';
import { ITEM_LIST, lineItemTargets, orderScalarTargets, REQUIRED_LINE_ITEM_TARGETS, REQUIRED_TARGETS, TEXT_LIST } from './targets.ts';
import { convert, type Transform, type TransformOptions, type ValueKind } from './transforms.ts';

/** What a mapping read: values by target ("customer.email"), `tags` as texts, `lineItems` as one such record per element. */
export type MappedValues = Record<string, unknown>;

export interface MappingResult {
  values: MappedValues;
  /** What keeps the payload from being an order (a required target), each "target: what is wrong", in rule order. */
  problems: string[];
  /** Optional targets that could not be read and were left empty, each "target: what is wrong; left empty". */
  warnings: string[];
}

const requiredOnOrder: ReadonlySet<string> = new Set(REQUIRED_TARGETS);
const requiredOnItem: ReadonlySet<string> = new Set(REQUIRED_LINE_ITEM_TARGETS);

type AnyRule = FieldRule | ElementRule;

function transformsOf(rule: AnyRule): Transform[] {
  return rule.transform === undefined ? [] : Array.isArray(rule.transform) ? rule.transform : [rule.transform];
}

function missing(label: string, tried: { path: string; detail: string; empty: boolean }[]): string {
  if (tried.length === 1) {
    const t = tried[0]!;
    return t.empty ? `${label}: path ${t.path} has no value in the payload (${t.detail})` : `${label}: path ${t.path} not found in the payload (${t.detail})`;
  }
  return `${label}: none of the paths ${tried.map((t) => t.path).join(', ')} found in the payload (${tried.map((t) => `${t.path}: ${t.detail}`).join('; ')})`;
}

type Outcome = { set: true; value: unknown } | { set: false; problem?: string };

function constant(rule: AnyRule, kind: ValueKind, label: string, opts: TransformOptions): Outcome {
  const c = convert(rule.value, transformsOf(rule), kind, opts);
  return c.ok ? { set: true, value: c.value } : { set: false, problem: `${label}: the constant value ${c.problem}` };
}

/**
 * The first source path whose value reads as what the target holds. A path that is present but
 * of another shape (an address sent as an object where text is expected) gives way to the next
 * path, so one rule can read several shapes of the same field; when none reads, the first
 * wrong shape is the problem (and an absent source falls back to the constant, if any).
 */
function readScalar(root: unknown, base: string, rule: AnyRule, kind: ValueKind, label: string, opts: TransformOptions): Outcome {
  const tried: { path: string; detail: string; empty: boolean }[] = [];
  let wrongShape: string | null = null;
  for (const text of sourcesOf(rule)) {
    const path = parsePath(text);
    const where = joinPaths(base, path.text);
    const hit = lookup(root, path, base);
    if (!hit.found) {
      tried.push({ path: where, detail: hit.detail, empty: hit.empty });
      continue;
    }
    const c = convert(hit.value, transformsOf(rule), kind, opts);
    if (c.ok) return { set: true, value: c.value };
    wrongShape ??= `${label}: ${where} ${c.problem}`;
  }
  if (wrongShape !== null) return { set: false, problem: wrongShape };
  if (rule.value !== undefined) return constant(rule, kind, label, opts);
  if (rule.optional || tried.length === 0) return { set: false };
  return { set: false, problem: missing(label, tried) };
}

function findList(root: unknown, base: string, rule: AnyRule): { items: { value: unknown; at: string }[] } | { tried: { path: string; detail: string; empty: boolean }[] } {
  const tried: { path: string; detail: string; empty: boolean }[] = [];
  for (const text of sourcesOf(rule)) {
    const path: ParsedPath = parsePath(text);
    const hit = lookupAll(root, path, base);
    if (hit.found) return { items: hit.items };
    tried.push({ path: joinPaths(base, path.text), detail: hit.detail, empty: false });
  }
  return { tried };
}

function readTextList(root: unknown, base: string, rule: AnyRule, label: string, opts: TransformOptions): Outcome {
  const found = findList(root, base, rule);
  let raw: { value: unknown; at: string }[];
  if ('items' in found) raw = found.items;
  else {
    // A single text ("vip, tet") where a list was expected is read as a comma-separated list.
    const one = readScalar(root, base, { ...rule, transform: undefined, value: undefined, optional: true }, 'text', label, opts);
    if (one.set) raw = [{ value: one.value, at: base }];
    else if (one.problem) return one;
    else if (rule.value !== undefined) raw = [{ value: rule.value, at: 'the constant value' }];
    else if (rule.optional) return { set: false };
    else return { set: false, problem: missing(label, found.tried) };
  }
  const out: string[] = [];
  for (const item of raw) {
    const c = convert(item.value, transformsOf(rule), 'text', opts);
    if (!c.ok) return { set: false, problem: `${label}: ${item.at} ${c.problem}` };
    out.push(...(c.value as string).split(',').map((t) => t.trim()).filter((t) => t.length > 0));
  }
  return { set: true, value: out };
}

/**
 * Applies rules to one object (the payload's order, or one list element located at `base`). A
 * problem with a required target is the delivery's failure; any other is a warning and the
 * target stays empty.
 */
function applyRules(root: unknown, base: string, rules: readonly AnyRule[], kinds: Readonly<Record<string, ValueKind>>, required: ReadonlySet<string>, prefix: string, opts: TransformOptions, out: MappingResult): MappedValues {
  const values: MappedValues = {};
  for (const rule of rules) {
    const label = `${prefix}${rule.target}`;
    let outcome: Outcome;
    if (rule.target === TEXT_LIST) outcome = readTextList(root, base, rule, label, opts);
    else if (rule.target === ITEM_LIST && 'fields' in rule && rule.fields) outcome = readItems(root, base, rule, rule.fields, label, opts, out);
    else outcome = readScalar(root, base, rule, kinds[rule.target] ?? 'text', label, opts);
    if (outcome.set) values[rule.target] = outcome.value;
    else if (outcome.problem && required.has(rule.target)) out.problems.push(outcome.problem);
    else if (outcome.problem) out.warnings.push(`${outcome.problem}; left empty`);
  }
  return values;
}

function readItems(root: unknown, base: string, rule: FieldRule, fields: readonly ElementRule[], label: string, opts: TransformOptions, out: MappingResult): Outcome {
  const found = findList(root, base, rule);
  if (!('items' in found)) return rule.optional ? { set: false } : { set: false, problem: missing(label, found.tried) };
  const items = found.items.map((item, i) => applyRules(item.value, item.at, fields, lineItemTargets, requiredOnItem, `${label}[${i}].`, opts, out));
  return { set: true, value: items };
}

/**
 * Reads a payload with a mapping. `base` is where `root` sits in the payload ("data" when the
 * order is under `data`), so that messages name full paths. Never throws on a payload: every
 * problem is collected, readable ("customer.email: path data.buyer.mail not found in the payload (…)"),
 * as a problem when the target is required, else as a warning.
 */
export function applyMapping(root: unknown, rules: readonly FieldRule[], opts: TransformOptions, base = ''): MappingResult {
  const result: MappingResult = { values: {}, problems: [], warnings: [] };
  result.values = applyRules(root, base, rules, orderScalarTargets, requiredOnOrder, '', opts, result);
  return result;
}

/**
 * Picks where the order is: the first of `roots` that is an object in the payload (an empty
 * path, or "$", is the whole payload). Returns the payload itself when none is.
 */
export function chooseRoot(payload: unknown, roots: readonly string[]): { value: unknown; at: string } {
  for (const text of roots) {
    const path = parsePath(text);
    if (path.steps.length === 0) return { value: payload, at: '' };
    const hit = lookup(payload, path);
    if (hit.found && hit.value !== null && typeof hit.value === 'object' && !Array.isArray(hit.value)) return { value: hit.value, at: path.text };
  }
  return { value: payload, at: '' };
}
