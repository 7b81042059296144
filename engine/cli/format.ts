import Table from 'cli-table3';

export interface Output {
  json: boolean;
  write(text: string): void;
}

/** Prints rows as a table, or the data as JSON with --json. */
export function printTable<T>(out: Output, data: T[], columns: [header: string, cell: (row: T) => unknown][], empty: string): void {
  if (out.json) {
    out.write(`${JSON.stringify(data, null, 2)}\n`);
    return;
  }
  if (data.length === 0) {
    out.write(`${empty}\n`);
    return;
  }
  const table = new Table({ head: columns.map(([h]) => h), style: { head: [], border: [] }, wordWrap: true });
  for (const row of data) table.push(columns.map(([, cell]) => text(cell(row))));
  out.write(`${table.toString()}\n`);
}

export function printObject(out: Output, data: unknown, lines: () => string[]): void {
  out.write(out.json ? `${JSON.stringify(data, null, 2)}\n` : `${lines().join('\n')}\n`);
}

export function text(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.length === 0 ? '—' : v.join(', ');
  return String(v);
}

/** "2026-11-20T15:15:00.000Z" → "2026-11-20 15:15:00" (UTC, as stored). */
export function time(iso: string | null | undefined): string {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '—';
}
