import { describe, expect, it } from 'vitest';
import { prettyBody } from './pretty-body.ts';

describe('prettyBody', () => {
  it('indents JSON and leaves anything else as received', () => {
    expect(prettyBody('{"a":1,"b":[2]}')).toBe('{\n  "a": 1,\n  "b": [\n    2\n  ]\n}');
    expect(prettyBody('a=1&b=2')).toBe('a=1&b=2');
    expect(prettyBody('{not json')).toBe('{not json');
  });
});
