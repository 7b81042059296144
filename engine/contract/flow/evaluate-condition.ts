import type { ConditionGroupInput, ConditionNodeInput, ConditionTraceEntry, ConditionVerdict, DateUnit } from './condition.ts';
import { relativeDateOperators } from './condition.ts';
import { DEFAULT_CONDITION_TIME_ZONE, dayOf, parseConditionDate, unitMs } from './condition-dates.ts';
import { asNumber, asText, compileRuleRegex, foldText, isEmptyValue, readField, stripDiacritics, traceValue } from './condition-values.ts';

/**
 * Evaluates a condition tree against the trigger data at the run's time `now`. Pure and total:
 * the editor calls it on drafts as the user types, so a bad value, a broken regex or an unknown
 * time zone makes a rule false with a note, never an exception.
 *
 * Every rule is evaluated (no short-circuit) so the run view can show each rule's verdict.
 */
export function evaluateCondition(
  tree: ConditionGroupInput,
  data: unknown,
  now: Date,
  options: { timeZone?: string } = {},
): ConditionVerdict {
  const ctx: Ctx = { now: now.getTime(), timeZone: options.timeZone ?? DEFAULT_CONDITION_TIME_ZONE, slots: new Map() };
  reserve(tree, ctx);
  const result = evalNode(tree, { value: data, prefix: '', quantified: false }, ctx);
  return { result, trace: [...ctx.slots.values()].map(entryOf) };
}

/** What a node is evaluated against: the trigger data, or one item of a quantified list. */
interface Scope {
  value: unknown;
  /** How a path reads in notes: "" at the root, "order.lineItems[]." inside a quantifier. */
  prefix: string;
  /** Inside a quantifier a node runs once per item, so its trace entry counts instead. */
  quantified: boolean;
}

interface Slot {
  id: string;
  checked: number;
  held: number;
  quantified: boolean;
  actual?: unknown;
  notes: string[];
  /** Why the node never ran (its list was empty), for the run view. */
  skipped?: string;
  /** A quantifier's own count: matching items of the list. */
  tally?: { held: number; of: number };
}

interface Ctx {
  now: number;
  timeZone: string;
  slots: Map<string, Slot>;
}

interface RuleOutcome {
  result: boolean;
  note?: string;
}

/** One slot per id, in tree order, so the trace lists every node even if it never ran. */
function reserve(node: ConditionNodeInput, ctx: Ctx): void {
  if (!ctx.slots.has(node.id)) ctx.slots.set(node.id, { id: node.id, checked: 0, held: 0, quantified: false, notes: [] });
  if ('join' in node) for (const child of node.rules) reserve(child, ctx);
  else if ('quantifier' in node) reserve(node.where, ctx);
}

function record(ctx: Ctx, id: string, scope: Scope, result: boolean, extra: { actual?: unknown; note?: string } = {}): boolean {
  const slot = ctx.slots.get(id);
  if (!slot) return result;
  slot.checked += 1;
  if (result) slot.held += 1;
  slot.quantified = scope.quantified;
  if (!scope.quantified && 'actual' in extra) slot.actual = traceValue(extra.actual);
  if (extra.note && !slot.notes.includes(extra.note)) slot.notes.push(extra.note);
  return result;
}

function entryOf(slot: Slot): ConditionTraceEntry {
  if (slot.checked === 0) return { id: slot.id, result: false, note: slot.skipped ?? 'not evaluated' };
  // A node outside quantifiers ran once; inside one, it held for at least one item (see the tally).
  const entry: ConditionTraceEntry = { id: slot.id, result: slot.held > 0 };
  if (slot.actual !== undefined) entry.actual = slot.actual;
  // A few distinct notes say enough; a list of 500 items would otherwise repeat itself.
  if (slot.notes.length > 0) entry.note = slot.notes.slice(0, 3).join('; ') + (slot.notes.length > 3 ? '; …' : '');
  if (slot.tally) entry.tally = slot.tally;
  else if (slot.quantified) entry.tally = { held: slot.held, of: slot.checked };
  return entry;
}

function markSkipped(node: ConditionNodeInput, ctx: Ctx, why: string): void {
  const slot = ctx.slots.get(node.id);
  if (slot && slot.checked === 0 && !slot.skipped) slot.skipped = why;
  if ('join' in node) for (const child of node.rules) markSkipped(child, ctx, why);
  else if ('quantifier' in node) markSkipped(node.where, ctx, why);
}

function evalNode(node: ConditionNodeInput, scope: Scope, ctx: Ctx): boolean {
  if ('join' in node) {
    const results = node.rules.map((child) => evalNode(child, scope, ctx));
    // An empty `all` holds and an empty `any` does not, as with every/some.
    const result = node.join === 'all' ? results.every(Boolean) : results.some(Boolean);
    return record(ctx, node.id, scope, result);
  }
  if ('quantifier' in node) return evalQuantifier(node, scope, ctx);
  let outcome: RuleOutcome & { actual?: unknown };
  try {
    outcome = evalRule(node, scope, ctx);
  } catch (error) {
    // A rule never stops a run: the unforeseen (an unknown time zone) reads as false, with why.
    outcome = { result: false, note: `could not evaluate: ${error instanceof Error ? error.message : String(error)}` };
  }
  return record(ctx, node.id, scope, outcome.result, outcome);
}

type QuantifierInput = Extract<ConditionNodeInput, { quantifier: unknown }>;

function evalQuantifier(node: QuantifierInput, scope: Scope, ctx: Ctx): boolean {
  const path = displayPath(scope, node.list);
  const read = readField(scope.value, node.list);
  let items: unknown[];
  let note: string | undefined;
  if (!read.found || read.value === null) {
    // A list the data lacks (no properties on this line item) has no items: read it as empty.
    items = [];
    note = `${path} is missing (read as an empty list)`;
  } else if (Array.isArray(read.value)) {
    items = read.value;
  } else {
    markSkipped(node.where, ctx, `not evaluated: ${path} is not a list`);
    return record(ctx, node.id, scope, false, { note: `${path} is not a list` });
  }
  if (items.length === 0) markSkipped(node.where, ctx, `not evaluated: ${path} is ${note ? 'missing' : 'empty'}`);
  const inner: Scope = { prefix: `${path}[].`, quantified: true, value: undefined };
  const matched = items.filter((item) => evalNode(node.where, { ...inner, value: item }, ctx)).length;
  // Over an empty list: "any" is false, "none" is true, and "all" is true by vacuous truth (no
  // item fails), as Array.every does. A flow that needs "has items and all …" adds an is_not_empty rule.
  const result = node.quantifier === 'any' ? matched > 0 : node.quantifier === 'none' ? matched === 0 : matched === items.length;
  const slot = ctx.slots.get(node.id);
  if (slot && !scope.quantified) slot.tally = { held: matched, of: items.length };
  return record(ctx, node.id, scope, result, { note });
}

/** How a path reads in notes: `order.lineItems[].sku`; `$` (the item itself) as `order.tags[]`. */
function displayPath(scope: Scope, field: string): string {
  return field === '$' ? scope.prefix.replace(/\.$/, '') || '$' : scope.prefix + field;
}

type RuleInput = Exclude<ConditionNodeInput, { join: unknown } | { quantifier: unknown }>;

function evalRule(rule: RuleInput, scope: Scope, ctx: Ctx): RuleOutcome & { actual?: unknown } {
  const path = displayPath(scope, rule.field);
  const read = readField(scope.value, rule.field);
  const actual = read.value;
  const emptiness = rule.operator === 'is_empty' || rule.operator === 'is_not_empty';
  if (!read.found || actual === null) {
    // A rule on a value that is not there is false, even a negative one (not_equals, excludes_all):
    // only "is empty" holds. The note tells the user which path was missing.
    const note = read.found ? `${path} has no value` : `${path} is missing`;
    return { result: rule.operator === 'is_empty', note, actual: read.found ? null : undefined };
  }
  if (emptiness) {
    const empty = isEmptyValue(actual);
    return { result: rule.operator === 'is_empty' ? empty : !empty, actual };
  }
  const outcome = compareTyped(rule, actual, path, ctx);
  return { ...outcome, actual };
}

function compareTyped(rule: RuleInput, actual: unknown, path: string, ctx: Ctx): RuleOutcome {
  switch (rule.type) {
    case 'text': return compareText(rule, actual, path);
    case 'number': return compareNumber(rule, actual, path);
    case 'date': return compareDate(rule, actual, path, ctx);
    case 'boolean': {
      const b = actual === true || actual === 'true' ? true : actual === false || actual === 'false' ? false : null;
      if (b === null) return { result: false, note: `${path} is not true or false` };
      return { result: rule.operator === 'is_true' ? b : !b };
    }
    case 'list': return compareList(rule, actual, path);
  }
}

function compareText(rule: Extract<RuleInput, { type: 'text' }>, actual: unknown, path: string): RuleOutcome {
  const text = asText(actual);
  if (text === null) return { result: false, note: `${path} is not text` };
  const expected = rule.value ?? '';
  if (rule.operator === 'matches_regex') {
    const re = compileRuleRegex(expected, rule);
    if (typeof re === 'string') return { result: false, note: re };
    const subject = rule.ignoreDiacritics ? stripDiacritics(text) : text.normalize('NFC');
    return { result: re.test(subject) };
  }
  const a = foldText(text, rule);
  const e = foldText(expected, rule);
  switch (rule.operator) {
    case 'equals': return { result: a === e };
    case 'not_equals': return { result: a !== e };
    case 'contains': return { result: a.includes(e) };
    case 'not_contains': return { result: !a.includes(e) };
    case 'starts_with': return { result: a.startsWith(e) };
    case 'ends_with': return { result: a.endsWith(e) };
    default: return { result: false, note: `unknown text operator ${rule.operator}` };
  }
}

function compareNumber(rule: Extract<RuleInput, { type: 'number' }>, actual: unknown, path: string): RuleOutcome {
  const a = asNumber(actual);
  if (a === null) return { result: false, note: `${path} is not a number` };
  // Drafts from the editor may carry the value as typed text ("2000000"): read it like money.
  const e = asNumber(rule.value);
  if (e === null) return { result: false, note: 'the rule has no number to compare with' };
  switch (rule.operator) {
    case 'eq': return { result: a === e };
    case 'neq': return { result: a !== e };
    case 'lt': return { result: a < e };
    case 'lte': return { result: a <= e };
    case 'gt': return { result: a > e };
    case 'gte': return { result: a >= e };
    case 'between': {
      const e2 = asNumber(rule.value2);
      if (e2 === null) return { result: false, note: 'the rule has no upper bound' };
      // Inclusive at both ends, whichever order the bounds were typed in.
      return { result: a >= Math.min(e, e2) && a <= Math.max(e, e2) };
    }
    default: return { result: false, note: `unknown number operator ${rule.operator}` };
  }
}

function compareDate(rule: Extract<RuleInput, { type: 'date' }>, actual: unknown, path: string, ctx: Ctx): RuleOutcome {
  const a = parseConditionDate(actual, ctx.timeZone);
  if (!a) return { result: false, note: `${path} is not an ISO date` };
  if (relativeDateOperators.includes(rule.operator)) {
    const count = asNumber(rule.value);
    if (count === null || count < 0) return { result: false, note: 'the rule has no number of days' };
    if (!Number.isFinite(ctx.now)) return { result: false, note: 'the run has no valid time' };
    const unit: DateUnit = rule.unit ?? 'days';
    if (!Object.hasOwn(unitMs, unit)) return { result: false, note: `unknown unit ${unit}` };
    const span = count * unitMs[unit];
    const t = a.instant;
    switch (rule.operator) {
      case 'within_last_days': return { result: t >= ctx.now - span && t <= ctx.now };
      case 'within_next_days': return { result: t >= ctx.now && t <= ctx.now + span };
      default: return { result: t < ctx.now - span };
    }
  }
  const e = parseConditionDate(rule.value, ctx.timeZone);
  if (!e) return { result: false, note: 'the rule has no valid date' };
  // A bare date compares whole days in the shop's zone: "after 2026-01-31" starts on 1 February.
  // Days compare as YYYY-MM-DD text, which sorts like the calendar.
  const byDay = e.dateOnly || rule.operator === 'on_day';
  const order = byDay ? compareText3(dayOf(a, ctx.timeZone), dayOf(e, ctx.timeZone)) : Math.sign(a.instant - e.instant);
  switch (rule.operator) {
    case 'before': return { result: order < 0 };
    case 'after': return { result: order > 0 };
    case 'on_day': return { result: order === 0 };
    default: return { result: false, note: `unknown date operator ${rule.operator}` };
  }
}

const compareText3 = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

function compareList(rule: Extract<RuleInput, { type: 'list' }>, actual: unknown, path: string): RuleOutcome {
  if (!Array.isArray(actual)) return { result: false, note: `${path} is not a list` };
  const items = new Set(actual.map(asText).filter((t): t is string => t !== null).map((t) => foldText(t, rule)));
  const wanted = (rule.value ?? []).map((v) => foldText(v, rule));
  switch (rule.operator) {
    case 'includes_any': return { result: wanted.some((w) => items.has(w)) };
    case 'includes_all': return { result: wanted.every((w) => items.has(w)) };
    case 'excludes_all': return { result: !wanted.some((w) => items.has(w)) };
    default: return { result: false, note: `unknown list operator ${rule.operator}` };
  }
}
