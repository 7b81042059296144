import { describe, expect, it } from 'vitest';
import { formatViDay, parseViDay } from './day-text.ts';

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
