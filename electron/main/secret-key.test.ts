import { describe, expect, it } from 'vitest';
import { engineSecretKey, type SafeStorageLike } from './secret-key.ts';

const fakeKeychain = (available = true): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (s) => Buffer.from(`sealed:${s}`),
  decryptString: (b) => b.toString().replace(/^sealed:/, ''),
});

describe('the engine secrets key on the desktop', () => {
  it('is made once, kept only sealed by the keychain, and the same on the next start', () => {
    let stored: string | undefined;
    const store = { get: () => stored, set: (v: string) => (stored = v) };
    const first = engineSecretKey(fakeKeychain(), store);
    expect(Buffer.from(first!, 'base64')).toHaveLength(32);
    expect(Buffer.from(stored!, 'base64').toString()).toBe(`sealed:${first}`);
    expect(engineSecretKey(fakeKeychain(), store)).toBe(first);
  });

  it('leaves the key to the engine\'s key file when no keychain is available', () => {
    let stored: string | undefined;
    expect(engineSecretKey(fakeKeychain(false), { get: () => stored, set: (v) => (stored = v) })).toBeNull();
    expect(stored).toBeUndefined();
  });
});
