import type { TemplateVariable } from '../contract/index.ts';
import { sampleTriggerData } from './sample-trigger-data.ts';
import type { TemplateGlobal } from './templates.ts';
import { templateVariables } from './template-variables.ts';

/** A variable a template names that a step's data never holds, where it is first named. */
export interface UnknownVariable {
  /** As written, up to and with the first part that does not exist: `order.totl`, `ordr`. */
  variable: string;
  line: number;
  col: number;
}

/** Stands for "any key" in a record (`customer.fields.<anything>`): a name no shop gives a field. */
const ANY_KEY = '\u0000any';

/**
 * The variables a step's template can name, from the one list the editor's variable picker
 * shows (`templateVariables`, walked from the trigger data's schema): `order.lineItems` is a
 * list, `order.lineItems[0].title` a field of its items, `customer.fields.<key>` any key.
 */
function knownPaths(): Map<string, TemplateVariable['type'] | 'object'> {
  const data = sampleTriggerData('order.updated', new Date(0).toISOString());
  // A record lists the keys the data has; one made-up key marks where any key is allowed.
  if (data.customer) data.customer = { ...data.customer, fields: { [ANY_KEY]: '' } };
  const known = new Map<string, TemplateVariable['type'] | 'object'>();
  for (const v of templateVariables(data)) {
    known.set(v.path, v.type);
    // Every prefix is an object (or a list's first item) the template can step into.
    for (let i = v.path.length - 1; i > 0; i--) {
      if ((v.path[i] === '.' || v.path[i] === '[') && !known.has(v.path.slice(0, i))) known.set(v.path.slice(0, i), 'object');
    }
  }
  return known;
}

type Segment = TemplateGlobal['segments'][number];

/** Where a variable's path leaves the known ones: null when the whole of it exists. */
function firstUnknown(segments: Segment[], known: Map<string, string>): string | null {
  let path = String(segments[0]);
  let written = path;
  if (!known.has(path)) return written;
  for (const seg of segments.slice(1)) {
    const type = known.get(path);
    const name = typeof seg === 'string' ? seg : null;
    written += name === null ? `[${typeof seg === 'number' ? seg : '…'}]` : `.${name}`;
    // `size` is Liquid's length of a list or a text; `first`/`last` or an index, a list's item.
    if (name === 'size' && type !== 'object') return null;
    if (type === 'list' && (name === null || name === 'first' || name === 'last')) {
      path += '[0]';
      if (!known.has(path)) return null; // a list of plain values: the item is the value
      continue;
    }
    const next = name === null ? null : known.has(`${path}.${name}`) ? `${path}.${name}` : known.has(`${path}.${ANY_KEY}`) ? `${path}.${ANY_KEY}` : null;
    if (next === null) return written;
    path = next;
  }
  return null;
}

/**
 * Reads a template (one that parses) for the variables it names from outside itself (not the
 * ones it assigns, captures or loops over: the engine's renderer says which, from its own parse
 * cache) and returns those no run can have, in reading order, each once. What a run may leave
 * empty (`order.note`) is known; a typo (`order.totl`) is not. The known paths are worked out on
 * the first template checked, not at the engine's start.
 */
export function createVariableCheck(globals: (template: string) => TemplateGlobal[]): (template: string) => UnknownVariable[] {
  let known: Map<string, string> | null = null;
  return (template) => {
    known ??= knownPaths();
    const out: UnknownVariable[] = [];
    const seen = new Set<string>();
    for (const v of globals(template)) {
      const variable = firstUnknown(v.segments, known);
      if (variable === null || seen.has(variable)) continue;
      seen.add(variable);
      out.push({ variable, line: v.line, col: v.col });
    }
    return out;
  };
}
