/** Parses JSON written by Flowdesk itself (columns, files it wrote); throws on corruption. */
export function parseStored<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined) return fallback;
  return JSON.parse(text) as T;
}
