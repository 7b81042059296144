import { describe, expect, it } from 'vitest';
import { takeApiToken } from './token.ts';

function fakeWindow(hash: string) {
  const stored = new Map<string, string>();
  const replaced: string[] = [];
  return {
    location: { hash, pathname: '/', search: '' },
    history: { state: null, replaceState: (_state: unknown, _unused: string, url?: string | URL | null) => replaced.push(String(url)) },
    storage: { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v) },
    replaced,
  };
}

describe('takeApiToken', () => {
  it('takes the token from the fragment, keeps it, and clears the address bar', () => {
    const w = fakeWindow('#token=abc-123');
    expect(takeApiToken(w.location, w.history, w.storage)).toBe('abc-123');
    expect(w.replaced).toEqual(['/']);
    expect(w.storage.getItem('flowdesk.apiToken')).toBe('abc-123');
  });

  it('finds a kept token when the fragment has none', () => {
    const w = fakeWindow('');
    w.storage.setItem('flowdesk.apiToken', 'kept');
    expect(takeApiToken(w.location, w.history, w.storage)).toBe('kept');
    expect(w.replaced).toEqual([]);
  });

  it('answers null without a token anywhere', () => {
    const w = fakeWindow('#/inbox');
    expect(takeApiToken(w.location, w.history, w.storage)).toBeNull();
  });
});
