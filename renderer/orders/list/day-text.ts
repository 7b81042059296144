/**
 * A day as a Vietnamese user types it, dd/MM/yyyy ("7/3/2026" too), as the yyyy-MM-dd the filters
 * keep: '' for an empty field, null for one that is not (yet) a day.
 */
export function parseViDay(text: string): string | null {
  const t = text.trim();
  if (t === '') return '';
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** yyyy-MM-dd as dd/MM/yyyy. */
export function formatViDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/**
 * A time as a Vietnamese user types it, dd/MM/yyyy HH:mm (24-hour; the time may be left out:
 * 00:00), as the yyyy-MM-ddTHH:mm a date-time field keeps: '' for empty, null for not (yet) one.
 */
export function parseViDateTime(text: string): string | null {
  const t = text.trim();
  if (t === '') return '';
  const m = /^(\S+)(?:\s+(\d{1,2})[:h](\d{2}))?$/.exec(t);
  if (!m) return null;
  const day = parseViDay(m[1]!);
  if (!day) return null;
  const [h, min] = [Number(m[2] ?? 0), Number(m[3] ?? 0)];
  if (h > 23 || min > 59) return null;
  return `${day}T${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/** yyyy-MM-ddTHH:mm as dd/MM/yyyy HH:mm. */
export function formatViDateTime(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  return m ? `${formatViDay(m[1]!)} ${m[2]}` : '';
}
