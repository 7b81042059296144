import fc from 'fast-check';
import { apiMethods, FLOW_FILE_FORMAT, InboxVerdict, Platform } from '../../../engine/contract/index.ts';
import { vipFlow } from '../../harness/flows.ts';

export const methodNames = Object.keys(apiMethods);

/** Ids that exist in the engine under test, so random calls also reach past "not found". */
export interface KnownIds {
  connections: string[];
  flows: string[];
  orders: string[];
  inbox: number[];
}

/** Every argument name the contract uses, so random objects often look like real calls. */
const ARG_NAMES = [
  'id', 'version', 'document', 'file', 'activate', 'expectedVersion', 'query', 'limit', 'ref', 'state', 'beforeId',
  'connectionId', 'verdict', 'platform', 'storeId', 'name', 'store', 'secret', 'secrets', 'settings', 'flowId', 'orderId',
];

const pick = <T>(list: () => readonly T[], fallback: T) => fc.nat().map((i) => {
  const l = list();
  return l.length === 0 ? fallback : l[i % l.length]!;
});

const hugeString = fc.tuple(fc.integer({ min: 1_000, max: 200_000 }), fc.constantFrom('x', 'é', '𝄞', '\u0000', '\ud800')).map(([n, c]) => c.repeat(n));

/**
 * Nested arrays or objects deeper than JSON.stringify can write (it overflows the stack near
 * 5,000 levels, in this process as in the engine): a marker string here, spliced into the body
 * as raw text by `bodyBytes`.
 */
export const deepMarker = (min: number, max: number): fc.Arbitrary<string> =>
  fc.tuple(fc.integer({ min, max }), fc.boolean()).map(([depth, arrays]) => `\u0000deep:${depth}:${arrays ? '[' : '{'}`);
const deepValue = deepMarker(100, 50_000);
const DEEP_MARKER = /"\\u0000deep:(\d+):([[{])"/g;
export const deepText = (depth: number, open: string) => (open === '[' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
/** JSON text with every deep marker replaced by its nested value. */
export const spliceDeep = (json: string) => json.replace(DEEP_MARKER, (_m, depth: string, open: string) => deepText(Number(depth), open));

export function argValue(known: KnownIds): fc.Arbitrary<unknown> {
  const scalar = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 10 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(0, -1, 1, 2, 100, 1000, 1001, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, -0, 0.5),
    fc.constantFrom(...Platform.options, ...InboxVerdict.options, 'queued', 'leased', 'done', 'dead', '', ' ', '#1001', '%', '_', "'", '"; DROP TABLE orders; --'),
  );
  return fc.oneof(
    { weight: 6, arbitrary: scalar },
    { weight: 2, arbitrary: pick(() => known.connections, 'con_none') },
    { weight: 2, arbitrary: pick(() => known.flows, 'flw_none') },
    { weight: 1, arbitrary: pick(() => known.orders, 'ord_none') },
    { weight: 1, arbitrary: pick(() => known.inbox, 1) },
    { weight: 1, arbitrary: fc.constant(vipFlow()) },
    { weight: 1, arbitrary: fc.constant({ format: FLOW_FILE_FORMAT, flow: vipFlow() }) },
    { weight: 2, arbitrary: fc.anything({ maxDepth: 3, maxKeys: 5 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 40 }), { maxKeys: 4 }) },
    { weight: 1, arbitrary: hugeString },
    { weight: 1, arbitrary: deepValue },
  );
}

/** For each argument name, values of the kind the contract expects (so calls get past validation into handlers). */
function plausible(known: KnownIds): Record<string, fc.Arbitrary<unknown>> {
  const anyId = fc.oneof(pick(() => known.connections, 'con_x'), pick(() => known.flows, 'flw_x'), pick(() => known.orders, 'ord_x'), fc.string({ maxLength: 12 }));
  const smallInt = fc.integer({ min: -2, max: 5 });
  const text = fc.string({ unit: 'grapheme', maxLength: 40 });
  return {
    id: fc.oneof(anyId, pick(() => known.inbox, 1), smallInt),
    version: smallInt,
    expectedVersion: smallInt,
    document: fc.constant(vipFlow()),
    // flows.import's flow file, or storage.restore's backup name (tried with paths outside the backups folder).
    file: fc.oneof(fc.constant({ format: FLOW_FILE_FORMAT, flow: vipFlow() }), fc.constantFrom('flowdesk.db', '../flowdesk.db', '../api-token', '/etc/passwd', '/', '.', 'nul', 'x.db')),
    activate: fc.boolean(),
    query: text,
    limit: fc.integer({ min: 1, max: 1000 }),
    ref: fc.oneof(pick(() => known.orders, 'ord_x'), fc.constantFrom('#1001', '1001', '#9999', '9999', '#', '%')),
    state: fc.constantFrom('queued', 'leased', 'done', 'dead'),
    beforeId: smallInt,
    connectionId: pick(() => known.connections, 'con_x'),
    verdict: fc.constantFrom(...InboxVerdict.options),
    platform: fc.constantFrom(...Platform.options),
    storeId: text,
    name: text,
    store: text,
    secret: text,
    secrets: fc.dictionary(fc.constantFrom('webhookSecret', 'appSecret', 'verifyToken', 'secretKey', 'accessToken', 'clientSecret', '__proto__', ''), text, { maxKeys: 3 }),
    settings: fc.dictionary(fc.constantFrom('appKey', 'apiBaseUrl', 'lockedVariant', 'dialect', 'storeStatuses', 'mapping', 'currency', 'utcOffset', 'hashAlgorithm', 'statusMap'), argValue(known), { maxKeys: 3 }),
    flowId: pick(() => known.flows, 'flw_x'),
    orderId: pick(() => known.orders, 'ord_x'),
  };
}

/** The argument names a method's schema declares (none for an unknown method). */
function argNamesOf(method: string): string[] {
  if (!Object.hasOwn(apiMethods, method)) return [];
  const schema = apiMethods[method as keyof typeof apiMethods].args as unknown as { shape?: Record<string, unknown> };
  return Object.keys(schema.shape ?? {});
}

/**
 * Arguments for a method: its own argument names with plausible or random values (so calls get
 * past validation into handlers), contract-shaped objects, anything at all, or nothing.
 */
export function argsArb(known: KnownIds, method = ''): fc.Arbitrary<unknown> {
  const likely = plausible(known);
  const own = argNamesOf(method);
  const names = own.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.subarray(own) }, { weight: 1, arbitrary: fc.uniqueArray(fc.constantFrom(...ARG_NAMES), { maxLength: 5 }) }) : fc.uniqueArray(fc.constantFrom(...ARG_NAMES), { maxLength: 5 });
  const shaped = names.chain((keys) =>
    fc.tuple(...keys.map((k) => fc.oneof({ weight: 3, arbitrary: likely[k] ?? argValue(known) }, { weight: 1, arbitrary: argValue(known) })))
      .map((values) => Object.fromEntries(keys.map((k, i) => [k, values[i]]))));
  return fc.oneof(
    { weight: 6, arbitrary: shaped },
    { weight: 2, arbitrary: fc.dictionary(fc.constantFrom(...ARG_NAMES), argValue(known), { maxKeys: 5 }) },
    { weight: 2, arbitrary: fc.anything({ maxDepth: 4, maxKeys: 6, withNullPrototype: true }) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, null, [], {}, 0, '', 'x') },
  );
}

/** The method name in the URL: a real one, a near miss, or anything. */
export const methodNameArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...methodNames) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...methodNames), fc.constantFrom('upper', 'suffix', 'prefix', 'dots')).map(([m, how]) => (how === 'upper' ? m.toUpperCase() : how === 'suffix' ? `${m}x` : how === 'prefix' ? `_${m}` : m.replace('.', '..'))) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'events', 'connections', '.', 'flows.list.', 'flows.list ') },
);

/** How the body is written. `json`: the args as JSON; the others are bytes that are not JSON args. */
export type BodyKind =
  | { kind: 'json' }
  | { kind: 'truncated'; at: number }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'deep'; depth: number; open: '[' | '{"a":' }
  | { kind: 'empty' }
  | { kind: 'oversize' };

export const bodyKindArb: fc.Arbitrary<BodyKind> = fc.oneof(
  { weight: 36, arbitrary: fc.constant({ kind: 'json' as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('truncated' as const), at: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('bytes' as const), bytes: fc.uint8Array({ maxLength: 64 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('deep' as const), depth: fc.integer({ min: 10, max: 50_000 }), open: fc.constantFrom('[' as const, '{"a":' as const) }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'empty' as const }) },
  // Rare: each one is 10 MB through loopback.
  { weight: 1, arbitrary: fc.constant({ kind: 'oversize' as const }) },
);

/** The API's JSON body limit (http-transport.ts default). */
export const API_BODY_LIMIT = 10 * 1024 * 1024;

let oversize: Buffer | undefined;

export function bodyBytes(kind: BodyKind, args: unknown): Buffer {
  const json = JSON.stringify(args);
  switch (kind.kind) {
    case 'json': return Buffer.from(spliceDeep(json ?? ''), 'utf8');
    case 'truncated': {
      const text = json ?? '{}';
      return Buffer.from(text.slice(0, text.length <= 1 ? 0 : kind.at % (text.length - 1)), 'utf8');
    }
    case 'bytes': return Buffer.from(kind.bytes);
    case 'deep': return Buffer.from(deepText(kind.depth, kind.open === '[' ? '[' : '{'));
    case 'empty': return Buffer.alloc(0);
    case 'oversize': return (oversize ??= Buffer.from(`{"id":"${'x'.repeat(API_BODY_LIMIT)}"}`));
  }
}

/** Authorization as sent: the right token, near misses, nothing. */
export type TokenKind = 'right' | 'missing' | 'wrong' | 'case' | 'extra' | 'prefix-only' | 'lowercase-scheme' | 'query' | 'first-of-two' | 'second-of-two';
export const tokenKindArb: fc.Arbitrary<TokenKind> = fc.oneof(
  { weight: 10, arbitrary: fc.constant('right' as const) },
  { weight: 3, arbitrary: fc.constantFrom('missing' as const, 'wrong' as const, 'case' as const, 'extra' as const, 'prefix-only' as const, 'lowercase-scheme' as const, 'query' as const, 'first-of-two' as const, 'second-of-two' as const) },
);

/** Origin as sent: none, the API's own (allowed), or another. */
export type OriginKind = 'none' | 'own' | 'localhost' | 'other' | 'null' | 'own-slash';
export const originKindArb: fc.Arbitrary<OriginKind> = fc.oneof(
  { weight: 8, arbitrary: fc.constant('none' as const) },
  { weight: 2, arbitrary: fc.constantFrom('own' as const, 'localhost' as const) },
  { weight: 2, arbitrary: fc.constantFrom('other' as const, 'null' as const, 'own-slash' as const) },
);
