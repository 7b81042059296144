import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';

const PREFIX = 'enc:v1:';

/**
 * Encrypts connection secrets at rest with AES-256-GCM. The key comes from the host: on the
 * desktop, a key the shell keeps with Electron's safeStorage; headless, a key file (mode 0600)
 * in the data dir, made at first start. Backups of the database carry only ciphertext.
 */
export interface SecretBox {
  seal(plain: string): string;
  open(stored: string): string;
  isSealed(stored: string): boolean;
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('the secrets key must be 32 bytes');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${PREFIX}${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${data.toString('base64')}`;
    },
    open(stored) {
      if (!stored.startsWith(PREFIX)) return stored;
      const [iv, tag, data] = stored.slice(PREFIX.length).split(':') as [string, string, string];
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      try {
        return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
      } catch {
        throw new Error('cannot decrypt connection secrets: the secrets key does not match this database (was it restored from another install without its secret.key?)');
      }
    },
    isSealed: (stored) => stored.startsWith(PREFIX),
  };
}

/** The headless key: `secret.key` in the data dir, 32 random bytes, mode 0600. */
export function loadOrCreateKeyFile(file: string): Buffer {
  try {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length === 32) {
      chmodSync(file, 0o600);
      return key;
    }
    throw new Error(`${file} does not hold a 32-byte key; move it away to make a new one (secrets sealed with it will need re-entering)`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}
