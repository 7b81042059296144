/**
 * Tags are one set per order or customer, compared without case ("VIP" and "vip" are one
 * tag), kept in the order they were first given: the platform's first, then Flowdesk's.
 */
export function mergeTags(first: readonly string[], then: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of [...first, ...then]) {
    const key = t.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}

/** Those of `tags` that `existing` does not have yet. */
export function newTags(existing: readonly string[], tags: readonly string[]): string[] {
  const have = new Set(existing.map((t) => t.toLowerCase()));
  return tags.filter((t) => !have.has(t.toLowerCase()));
}
