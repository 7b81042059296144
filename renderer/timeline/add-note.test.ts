import { describe, expect, it } from 'vitest';
import { NoteText } from '../../engine/contract/index.ts';
import { NOTE_MAX, noteProblem } from './AddNote.tsx';

describe('a manual note’s words', () => {
  it('are refused blank or past 2000 characters, as the engine refuses them', () => {
    for (const text of ['', '   ', '\n\t', 'Gọi trước khi giao', '  x  ', 'x'.repeat(NOTE_MAX), 'x'.repeat(NOTE_MAX + 1), ` ${'x'.repeat(NOTE_MAX)} `]) {
      const problem = noteProblem(text);
      expect(problem === null, JSON.stringify(text.slice(0, 8))).toBe(NoteText.safeParse(text).success);
    }
    expect(noteProblem('  ')).toBe('empty');
    expect(noteProblem('x'.repeat(NOTE_MAX + 1))).toBe('tooLong');
  });
});
