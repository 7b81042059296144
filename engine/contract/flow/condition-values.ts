/**
 * How a condition reads the values it compares: text folded for Vietnamese, money and other
 * numbers from decimal strings, rule regexes compiled without ever throwing. Pure: the editor and
 * the engine read values the same way.
 */

export interface TextFlags {
  caseSensitive?: boolean;
  ignoreDiacritics?: boolean;
}

/**
 * The form two texts are compared in. NFC first, because the same "Hồ" arrives precomposed from
 * one platform and decomposed (NFD, e.g. typed on macOS) from another. Lower-casing uses the
 * Vietnamese locale so "HỒ CHÍ MINH" and "Hồ Chí Minh" meet. Stripping diacritics removes the
 * combining marks and maps đ/Đ, which Unicode does not decompose, to d/D. Surrounding spaces never
 * count: platforms and people add them by accident.
 */
export function foldText(text: string, flags: TextFlags): string {
  let t = text.normalize('NFC').trim();
  if (flags.ignoreDiacritics) t = stripDiacritics(t);
  if (!flags.caseSensitive) t = t.toLocaleLowerCase('vi');
  return t;
}

export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/** A value as text: strings, numbers and booleans; null for anything else (objects, lists, missing). */
export function asText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * A value as a number: numbers, and decimal strings as the model carries money ("2000000",
 * "404.95"). Anything else (thousand separators, "1e5", booleans, "") is not a number, so a rule
 * never compares against a guess. Doubles hold every VND amount and two-decimal price exactly
 * enough for comparison: the same decimal string always parses to the same double.
 */
export function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && DECIMAL.test(value.trim())) return Number(value.trim());
  return null;
}

/** Empty as a condition sees it: missing, null, blank text or an empty list. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

/**
 * A rule's regex, or the reason it cannot be one. Always Unicode-aware (`u`) so "ồ" is one
 * character; case-insensitive unless asked, like the other text operators. With
 * `ignoreDiacritics` the pattern loses its marks too, so /hồ chí/ still meets "Ho Chi".
 */
export function compileRuleRegex(pattern: string, flags: TextFlags): RegExp | string {
  const source = flags.ignoreDiacritics ? stripDiacritics(pattern.normalize('NFC')) : pattern.normalize('NFC');
  try {
    return new RegExp(source, flags.caseSensitive ? 'u' : 'iu');
  } catch (error) {
    return `invalid regular expression: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Reads a dotted path; `$` is the scope itself. `found` is false when a key is absent. */
export function readField(scope: unknown, path: string): { found: boolean; value: unknown } {
  if (path === '$') return { found: true, value: scope };
  let cur: unknown = scope;
  for (const key of path.split('.')) {
    if (cur === null || cur === undefined || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return { found: false, value: undefined };
    cur = (cur as Record<string, unknown>)[key];
  }
  return { found: true, value: cur };
}

/** What a trace shows of a value read: plain values and short lists of them, never whole objects. */
export function traceValue(value: unknown): unknown {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value;
  if (Array.isArray(value) && value.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))) {
    return value.slice(0, 50);
  }
  return undefined;
}
