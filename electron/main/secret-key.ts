import { randomBytes } from 'node:crypto';

/** The part of Electron's safeStorage this needs (so it can be tested without Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

export interface SealedKeyStore {
  get(): string | undefined;
  set(sealed: string): void;
}

/**
 * The key the engine encrypts connection secrets with, kept sealed by the system's keychain
 * (safeStorage) in the shell's settings. Null when the keychain is not available (some Linux
 * desktops): the engine then keeps its own key file (mode 0600) in the data dir.
 */
export function engineSecretKey(safe: SafeStorageLike, store: SealedKeyStore): string | null {
  if (!safe.isEncryptionAvailable()) return null;
  const sealed = store.get();
  if (sealed) return safe.decryptString(Buffer.from(sealed, 'base64'));
  const key = randomBytes(32).toString('base64');
  store.set(safe.encryptString(key).toString('base64'));
  return key;
}
