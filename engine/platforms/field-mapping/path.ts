/**
 * Paths into a JSON payload, as the user writes them in a field mapping:
 *
 * - `data.order.code`: keys separated by dots;
 * - `data.items[0].name`: one element of a list;
 * - `data.items[]`: every element of a list (list targets, or a sub-mapping's elements);
 * - `["key.with dots"]`: a key that is not a plain name;
 * - `$` (or an empty path): the value itself (a sub-mapping's element, the whole payload).
 */

export type PathStep = { kind: 'key'; name: string } | { kind: 'index'; index: number } | { kind: 'each' };

export interface ParsedPath {
  text: string;
  steps: PathStep[];
  /** Whether the path has `[]`, so it yields a list of values. */
  many: boolean;
}

const plainKey = /^[^.[\]"\s][^.[\]"]*/;

/** Parses a path; throws with a readable message ("bad path "a..b": empty key at position 2"). */
export function parsePath(text: string): ParsedPath {
  const src = text.trim();
  const steps: PathStep[] = [];
  if (src === '' || src === '$') return { text: '$', steps, many: false };
  let i = src.startsWith('$') ? 1 : 0;
  let expectKey = i === 0;
  const fail = (why: string): never => {
    throw new Error(`bad path "${text}": ${why} at position ${i + 1}`);
  };
  while (i < src.length) {
    const ch = src[i];
    if (ch === '.') {
      if (expectKey) fail('empty key');
      i++;
      expectKey = true;
      if (i >= src.length) fail('nothing after "."');
      continue;
    }
    if (ch === '[') {
      const close = src.indexOf(']', i);
      if (close < 0) fail('"[" without "]"');
      const inner = src.slice(i + 1, close);
      if (inner === '') steps.push({ kind: 'each' });
      else if (/^\d+$/.test(inner)) steps.push({ kind: 'index', index: Number(inner) });
      else if (/^"(?:[^"\\]|\\.)*"$/.test(inner)) steps.push({ kind: 'key', name: JSON.parse(inner) as string });
      else fail(`"[${inner}]" is neither [], [number] nor ["key"]`);
      i = close + 1;
      expectKey = false;
      continue;
    }
    if (!expectKey) fail(`"${ch}" must follow "." or be inside [ ]`);
    const m = plainKey.exec(src.slice(i));
    if (!m) fail(`unexpected "${ch}"`);
    steps.push({ kind: 'key', name: m![0].trimEnd() });
    i += m![0].length;
    expectKey = false;
  }
  return { text: formatPath(steps), steps, many: steps.some((s) => s.kind === 'each') };
}

/** The path as text, in the same syntax parsePath reads. */
export function formatPath(steps: readonly PathStep[]): string {
  let out = '';
  for (const s of steps) {
    if (s.kind === 'each') out += '[]';
    else if (s.kind === 'index') out += `[${s.index}]`;
    else if (/^[^.[\]"\s$](?:[^.[\]"]*[^.[\]"\s])?$/.test(s.name)) out += out === '' ? s.name : `.${s.name}`;
    else out += `[${JSON.stringify(s.name)}]`;
  }
  return out === '' ? '$' : out;
}

/** Joins an element's location ("data.items[2]") with a path relative to the element. */
export function joinPaths(base: string, rel: string): string {
  if (base === '' || base === '$') return rel;
  if (rel === '$' || rel === '') return base;
  return rel.startsWith('[') ? `${base}${rel}` : `${base}.${rel}`;
}

export type Lookup =
  | { found: true; value: unknown }
  | { found: false; empty: boolean; detail: string };

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function keysOf(value: object): string {
  const keys = Object.keys(value);
  if (keys.length === 0) return 'which is empty';
  const shown = keys.slice(0, 8).join(', ');
  return `which has ${shown}${keys.length > 8 ? `, … (${keys.length} keys)` : ''}`;
}

/** Null, undefined and blank text count as "no value". */
export function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * Reads one value (a path without `[]`); says where the path stopped when it is not there.
 * `base` names where `root` sits in the payload ("data.items[2]"), for the messages.
 */
export function lookup(root: unknown, path: ParsedPath, base = ''): Lookup {
  let cur: unknown = root;
  const done: PathStep[] = [];
  const rootName = base === '' || base === '$' ? 'the payload' : base;
  for (const step of path.steps) {
    const here = done.length === 0 ? rootName : joinPaths(base, formatPath(done));
    if (step.kind === 'each') return { found: false, empty: false, detail: `${path.text} names every element of a list; this field takes one value (use [0] for the first)` };
    if (step.kind === 'index') {
      if (!Array.isArray(cur)) return { found: false, empty: false, detail: `${here} is ${describe(cur)}, not a list` };
      if (step.index >= cur.length) return { found: false, empty: false, detail: `${here} has ${cur.length} element${cur.length === 1 ? '' : 's'}` };
      cur = cur[step.index];
    } else {
      if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) {
        return { found: false, empty: false, detail: `${here} is ${describe(cur)}, not an object` };
      }
      if (!Object.hasOwn(cur, step.name)) return { found: false, empty: false, detail: `no "${step.name}" in ${here}, ${keysOf(cur)}` };
      cur = (cur as Record<string, unknown>)[step.name];
    }
    done.push(step);
  }
  if (isEmpty(cur)) return { found: false, empty: true, detail: `it is ${cur === undefined ? 'undefined' : describe(cur)}` };
  return { found: true, value: cur };
}

export type ListLookup =
  | { found: true; items: { value: unknown; at: string }[] }
  | { found: false; detail: string };

/**
 * Reads every value a path with `[]` names (or the list a path without `[]` points at), each
 * with its location ("data.items[1]"). Elements that lack the rest of the path are left out.
 */
export function lookupAll(root: unknown, path: ParsedPath, base = ''): ListLookup {
  const firstEach = path.steps.findIndex((s) => s.kind === 'each');
  const head = firstEach < 0 ? path.steps : path.steps.slice(0, firstEach);
  const tail = firstEach < 0 ? [] : path.steps.slice(firstEach + 1);
  const list = lookup(root, { text: formatPath(head), steps: head, many: false }, base);
  if (!list.found) {
    if (list.empty) return { found: true, items: [] };
    return { found: false, detail: list.detail };
  }
  if (!Array.isArray(list.value)) return { found: false, detail: `${joinPaths(base, formatPath(head))} is ${describe(list.value)}, not a list` };
  const items: { value: unknown; at: string }[] = [];
  list.value.forEach((element, i) => {
    const at = joinPaths(base, formatPath([...head, { kind: 'index', index: i }]));
    if (tail.length === 0) {
      if (!isEmpty(element)) items.push({ value: element, at });
      return;
    }
    const rest: ParsedPath = { text: formatPath(tail), steps: tail, many: tail.some((s) => s.kind === 'each') };
    if (rest.many) {
      const inner = lookupAll(element, rest, at);
      if (inner.found) items.push(...inner.items);
      return;
    }
    const one = lookup(element, rest, at);
    if (one.found) items.push({ value: one.value, at: joinPaths(at, rest.text) });
  });
  return { found: true, items };
}
