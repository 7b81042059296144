/** 1234 → "1.2 s", 87 → "87 ms". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** A step's input or output as indented JSON; nothing recorded is said so. */
export function prettyJson(value: unknown): string {
  if (value === undefined) return '—';
  return JSON.stringify(value, null, 2);
}
