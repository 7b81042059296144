import { describe, expect, it } from 'vitest';
import { sameSecret, tokenOf, verifyUrlToken } from './url-token.ts';

const body = Buffer.from('{"id":1}');
const d = (path: string, headers: Record<string, string> = {}) => ({ method: 'POST', path, headers, body });
const token = 'tok_3f9a1c77e0b24d55';

describe('the secret token in the URL, and the optional header secret', () => {
  it('reads the token from the query string', () => {
    expect(tokenOf('/hooks/con_1?token=abc')).toBe('abc');
    expect(tokenOf('/hooks/con_1?x=1&token=a%2Bb')).toBe('a+b');
    expect(tokenOf('/hooks/con_1?token=')).toBeNull();
    expect(tokenOf('/hooks/con_1')).toBeNull();
  });

  it('compares secrets whatever their lengths', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abd')).toBe(false);
    expect(sameSecret('abc', 'abcd')).toBe(false);
    expect(sameSecret('', 'a')).toBe(false);
  });

  it('accepts the right token, refuses a missing or wrong one with a reason', () => {
    expect(verifyUrlToken(d(`/hooks/c?token=${token}`), { urlToken: token }, 'X-Flowdesk-Secret')).toEqual({ ok: true, detail: 'secret token in the URL verified' });
    expect(verifyUrlToken(d('/hooks/c'), { urlToken: token }, 'X-Flowdesk-Secret')).toEqual({
      ok: false,
      reason: "missing ?token= in the webhook URL: use this connection's webhook URL followed by ?token=<its secret token>",
    });
    expect(verifyUrlToken(d(`/hooks/c?token=${token}x`), { urlToken: token }, 'X-Flowdesk-Secret')).toEqual({
      ok: false,
      reason: "?token= in the webhook URL does not match this connection's secret token",
    });
    expect(verifyUrlToken(d(`/hooks/c?token=${token}`), {}, 'X-Flowdesk-Secret').ok).toBe(false);
  });

  it('also demands the header secret when the connection has one', () => {
    const secrets = { urlToken: token, headerSecret: 'hdr-secret' };
    const path = `/hooks/c?token=${token}`;
    expect(verifyUrlToken(d(path, { 'x-flowdesk-secret': 'hdr-secret' }), secrets, 'X-Flowdesk-Secret')).toEqual({
      ok: true,
      detail: 'secret token in the URL and X-Flowdesk-Secret header verified',
    });
    expect(verifyUrlToken(d(path, { 'api-key': 'hdr-secret' }), secrets, 'Api-Key').ok).toBe(true);
    expect(verifyUrlToken(d(path), secrets, 'X-Flowdesk-Secret')).toMatchObject({ ok: false, reason: expect.stringMatching(/^missing X-Flowdesk-Secret header/) });
    expect(verifyUrlToken(d(path, { 'x-flowdesk-secret': 'other' }), secrets, 'X-Flowdesk-Secret')).toEqual({
      ok: false,
      reason: "X-Flowdesk-Secret does not match this connection's header secret",
    });
    // The header alone is not enough.
    expect(verifyUrlToken(d('/hooks/c', { 'x-flowdesk-secret': 'hdr-secret' }), secrets, 'X-Flowdesk-Secret').ok).toBe(false);
  });
});
