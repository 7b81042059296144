import { deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { RawHeader } from './raw-http.ts';

/** What happens to the bytes of a delivery: in transit (after signing) or before signing. */
export type BodyMutation =
  | { kind: 'none' }
  | { kind: 'flip'; flips: { at: number; bit: number }[] }
  | { kind: 'truncate'; at: number }
  | { kind: 'append'; bytes: Uint8Array }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'reencode'; as: 'utf16le' | 'utf16le-bom' | 'utf16be' | 'utf8-bom' | 'latin1' }
  | { kind: 'compress'; as: 'gzip' | 'deflate'; declare: boolean }
  | { kind: 'random'; bytes: Uint8Array }
  | { kind: 'json'; text: string }
  | { kind: 'empty' }
  /** Spaces appended up to `limit + delta` bytes: around the body limit. */
  | { kind: 'size'; delta: number }
  | { kind: 'huge'; factor: number };

export const bodyMutation: fc.Arbitrary<BodyMutation> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('flip' as const), flips: fc.array(fc.record({ at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }), { minLength: 1, maxLength: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('append' as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reencode' as const), as: fc.constantFrom('utf16le' as const, 'utf16le-bom' as const, 'utf16be' as const, 'utf8-bom' as const, 'latin1' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('compress' as const), as: fc.constantFrom('gzip' as const, 'deflate' as const), declare: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('random' as const), bytes: fc.uint8Array({ maxLength: 256 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('json' as const), text: fc.json({ maxDepth: 3 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'empty' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('size' as const), delta: fc.integer({ min: -2, max: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('huge' as const), factor: fc.integer({ min: 2, max: 4 }) }) },
);

function swap16(b: Buffer): Buffer {
  const out = Buffer.from(b);
  return out.length % 2 === 0 ? out.swap16() : out;
}

/** The mutated bytes, and any header the mutation implies (a declared Content-Encoding). */
export function applyBody(m: BodyMutation, body: Buffer, limit: number): { body: Buffer; headers: RawHeader[] } {
  const text = () => body.toString('utf8');
  const same = (b: Buffer) => ({ body: b, headers: [] as RawHeader[] });
  switch (m.kind) {
    case 'none': return same(body);
    case 'flip': {
      const out = Buffer.from(body);
      for (const f of m.flips) {
        if (out.length === 0) break;
        const i = f.at % out.length;
        out[i] = out[i]! ^ (1 << f.bit);
      }
      return same(out);
    }
    case 'truncate': return same(body.subarray(0, body.length === 0 ? 0 : m.at % body.length));
    case 'append': return same(Buffer.concat([body, m.bytes]));
    case 'insert': {
      const at = body.length === 0 ? 0 : m.at % body.length;
      return same(Buffer.concat([body.subarray(0, at), m.bytes, body.subarray(at)]));
    }
    case 'reencode': {
      if (m.as === 'utf16le') return same(Buffer.from(text(), 'utf16le'));
      if (m.as === 'utf16le-bom') return same(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text(), 'utf16le')]));
      if (m.as === 'utf16be') return same(Buffer.concat([Buffer.from([0xfe, 0xff]), swap16(Buffer.from(text(), 'utf16le'))]));
      if (m.as === 'utf8-bom') return same(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]));
      return same(Buffer.from(text(), 'latin1'));
    }
    case 'compress': {
      const packed = m.as === 'gzip' ? gzipSync(body) : deflateSync(body);
      return { body: packed, headers: m.declare ? [['Content-Encoding', m.as]] : [] };
    }
    case 'random': return same(Buffer.from(m.bytes));
    case 'json': return same(Buffer.from(m.text, 'utf8'));
    case 'empty': return same(Buffer.alloc(0));
    case 'size': {
      const target = Math.max(0, limit + m.delta);
      return same(body.length >= target ? body.subarray(0, target) : Buffer.concat([body, Buffer.alloc(target - body.length, 0x20)]));
    }
    case 'huge': return same(Buffer.concat([body, Buffer.alloc(limit * m.factor, 0x7b)]));
  }
}

/** What happens to the signature value before it is sent. */
export type SignatureMutation =
  | { kind: 'keep' }
  | { kind: 'absent' }
  | { kind: 'empty' }
  | { kind: 'case' }
  | { kind: 'pad'; left: string; right: string }
  | { kind: 'truncate'; drop: number }
  | { kind: 'char'; at: number; to: number }
  | { kind: 'other'; bytes: Uint8Array; as: 'base64' | 'hex' }
  | { kind: 'otherEncoding' }
  | { kind: 'wrongKey'; key: string }
  | { kind: 'suffix'; junk: string }
  | { kind: 'duplicate'; second: 'same' | 'other' | 'first-other' };

const ws = fc.stringMatching(/^[ \t]{0,3}$/);
export const signatureMutation: fc.Arbitrary<SignatureMutation> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'keep' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'absent' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'empty' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'case' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pad' as const), left: ws, right: ws }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), drop: fc.integer({ min: 1, max: 8 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('char' as const), at: fc.nat(), to: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('other' as const), bytes: fc.uint8Array({ minLength: 0, maxLength: 40 }), as: fc.constantFrom('base64' as const, 'hex' as const) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'otherEncoding' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wrongKey' as const), key: fc.string({ maxLength: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('suffix' as const), junk: fc.stringMatching(/^[A-Za-z0-9+/=!-]{1,6}$/) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), second: fc.constantFrom('same' as const, 'other' as const, 'first-other' as const) }) },
);

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=';
const swapCase = (s: string) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');

/**
 * The signature values to send (several: repeated header lines), given the valid one, the
 * valid digest in the other encoding, and a signer with another key.
 */
export function applySignature(m: SignatureMutation, valid: string, otherEncoding: string, signWith: (key: string) => string): string[] | null {
  switch (m.kind) {
    case 'keep': return [valid];
    case 'absent': return null;
    case 'empty': return [''];
    case 'case': return [swapCase(valid)];
    case 'pad': return [`${m.left}${valid}${m.right}`];
    case 'truncate': return [valid.slice(0, Math.max(0, valid.length - m.drop))];
    case 'char': {
      if (valid.length === 0) return [valid];
      const at = m.at % valid.length;
      return [valid.slice(0, at) + ALPHABET[m.to % ALPHABET.length] + valid.slice(at + 1)];
    }
    case 'other': return [Buffer.from(m.bytes).toString(m.as)];
    case 'otherEncoding': return [otherEncoding];
    case 'wrongKey': return [signWith(m.key)];
    case 'suffix': return [valid + m.junk];
    case 'duplicate':
      if (m.second === 'same') return [valid, valid];
      return m.second === 'other' ? [valid, 'AAAA'] : ['AAAA', valid];
  }
}

/** Changes to the header lines. */
export type HeaderMutation =
  | { kind: 'junk'; name: string; value: JunkValue }
  | { kind: 'dup'; index: number; other: string | null }
  | { kind: 'drop'; index: number }
  | { kind: 'contentType'; value: string | null }
  | { kind: 'nameCase'; index: number };

export type JunkValue = { as: 'text'; text: string } | { as: 'bytes'; bytes: Uint8Array } | { as: 'huge'; size: number; char: string };

const junkValue: fc.Arbitrary<JunkValue> = fc.oneof(
  fc.record({ as: fc.constant('text' as const), text: fc.string({ unit: 'grapheme', maxLength: 40 }) }),
  fc.record({ as: fc.constant('text' as const), text: fc.string({ unit: 'binary', maxLength: 20 }) }),
  fc.record({ as: fc.constant('bytes' as const), bytes: fc.uint8Array({ maxLength: 40 }) }),
  fc.record({ as: fc.constant('huge' as const), size: fc.oneof(fc.integer({ min: 1000, max: 6000 }), fc.integer({ min: 18_000, max: 40_000 })), char: fc.constantFrom('a', 'é', '€') }),
);

export const headerMutation: fc.Arbitrary<HeaderMutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('junk' as const), name: fc.stringMatching(/^X-[A-Za-z0-9!#$%&'*+.^_`|~-]{1,24}$/), value: junkValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('dup' as const), index: fc.nat(), other: fc.option(fc.string({ maxLength: 30 })) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), index: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('contentType' as const),
      value: fc.option(fc.constantFrom('text/plain', 'application/xml', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'application/x-www-form-urlencoded', 'multipart/form-data', 'multipart/form-data; boundary=zz', '*/*', '')),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('nameCase' as const), index: fc.nat() }) },
);

/** Control characters other than CR and LF (those would split the header line itself). */
const CR_LF = /[\r\n]/g;

export function junkBytes(v: JunkValue): Buffer {
  if (v.as === 'text') return Buffer.from(v.text.replace(CR_LF, ' '), 'utf8');
  if (v.as === 'bytes') return Buffer.from(v.bytes.map((b) => (b === 0x0d || b === 0x0a ? 0x20 : b)));
  return Buffer.from(v.char.repeat(v.size), 'utf8');
}

export function applyHeaders(ms: readonly HeaderMutation[], headers: readonly RawHeader[]): RawHeader[] {
  let out = [...headers];
  for (const m of ms) {
    if (m.kind === 'junk') out.push([m.name, junkBytes(m.value)]);
    else if (m.kind === 'contentType') {
      out = out.filter(([n]) => n.toLowerCase() !== 'content-type');
      if (m.value !== null) out.push(['Content-Type', m.value]);
    } else if (out.length > 0) {
      const i = m.index % out.length;
      const [name, value] = out[i]!;
      if (m.kind === 'dup') out.push([name, m.other === null ? value : m.other.replace(CR_LF, ' ')]);
      else if (m.kind === 'drop') out.splice(i, 1);
      else out[i] = [name.toUpperCase(), value];
    }
  }
  return out;
}
