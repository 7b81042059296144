import { describe, expect, it } from 'vitest';
import { formatViDateTime, formatViDay, parseViDateTime, parseViDay } from './day-text.ts';

describe('days typed the Vietnamese way', () => {
  it('reads dd/MM/yyyy, with or without leading zeros', () => {
    expect(parseViDay('07/03/2026')).toBe('2026-03-07');
    expect(parseViDay('7/3/2026')).toBe('2026-03-07');
    expect(parseViDay(' 31.12.2026 ')).toBe('2026-12-31');
    expect(parseViDay('')).toBe('');
  });

  it('refuses what is not a day yet, or not a day at all', () => {
    expect(parseViDay('07/03/20')).toBeNull();
    expect(parseViDay('31/02/2026')).toBeNull();
    expect(parseViDay('03/13/2026')).toBeNull();
  });

  it('writes a day back as dd/MM/yyyy', () => {
    expect(formatViDay('2026-03-07')).toBe('07/03/2026');
    expect(formatViDay('')).toBe('');
  });
});

describe('a day and time typed in Vietnamese', () => {
  it('reads dd/MM/yyyy HH:mm (the time may be left out) as a date-time field keeps it, and writes it back', () => {
    expect(parseViDateTime('07/12/2026 08:30')).toBe('2026-12-07T08:30');
    expect(parseViDateTime('7/12/2026 8h05')).toBe('2026-12-07T08:05');
    expect(parseViDateTime('7/12/2026')).toBe('2026-12-07T00:00');
    expect(parseViDateTime('')).toBe('');
    expect(parseViDateTime('31/02/2026 10:00')).toBeNull();
    expect(parseViDateTime('07/12/2026 24:00')).toBeNull();
    expect(parseViDateTime('12/07/2026 9:7')).toBeNull();
    expect(formatViDateTime('2026-12-07T08:30')).toBe('07/12/2026 08:30');
    expect(formatViDateTime('')).toBe('');
  });
});
