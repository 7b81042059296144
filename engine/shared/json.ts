/** Parses JSON written by Flowdesk itself (columns, files it wrote); throws on corruption. */
export function parseStored<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined) return fallback;
  return JSON.parse(text) as T;
}

/**
 * `JSON.stringify({ ...rest, [key]: value })` when `json` is already `JSON.stringify(value)`: one
 * big value (an order) written into several rows is serialized once. `rest` must not hold `key`.
 */
export function stringifyWith(rest: Record<string, unknown>, key: string, json: string): string {
  const head = JSON.stringify(rest);
  return `${head === '{}' ? '{' : `${head.slice(0, -1)},`}${JSON.stringify(key)}:${json}}`;
}
