import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Compares a base64 signature with the expected digest as bytes, in constant time. */
export function base64DigestEquals(headerValue: string, expected: Buffer): boolean {
  const given = Buffer.from(headerValue.trim(), 'base64');
  if (given.length !== expected.length) return false;
  return timingSafeEqual(given, expected);
}

export function hmacSha256(key: string | Buffer, data: Buffer | string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

export function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
