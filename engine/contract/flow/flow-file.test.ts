import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FLOW_FILE_FORMAT, FlowFile, type FlowDocument } from './flow-document.ts';
import { readFlowFile } from './flow-file.ts';
import { isCredentialHeader, neededFields, SECRET_PLACEHOLDER, secretPaths, withoutSecrets } from './flow-file-secrets.ts';

const flow: FlowDocument = {
  name: 'Báo đơn mới',
  nodes: [
    { id: 'trigger', type: 'orders.order_created', typeVersion: 1, position: { x: 0, y: 0 }, params: { platforms: [] } },
    {
      id: 'hook',
      type: 'http.request',
      typeVersion: 1,
      position: { x: 0, y: 120 },
      params: {
        url: 'https://example.com/orders',
        headers: ['Authorization: Bearer sk_live_123', 'X-Api-Key: k-456', 'Idempotency-Key: {{ order.id }}', 'Content-Language: vi', 'X-Auth-Token:'],
      },
    },
    { id: 'sms', type: 'test.sms', typeVersion: 1, position: { x: 0, y: 240 }, params: { apiKey: 'very-secret', account: { password: 'p@ss', user: 'shop' }, sender: 'SHOP' } },
  ],
  edges: [],
};

/** A made-up SMS node whose schema marks its secrets the way specs do. */
const smsParams = z.object({
  apiKey: z.string().meta({ title: 'API key', secret: true }),
  account: z.object({ user: z.string(), password: z.string().meta({ secret: true }) }),
  sender: z.string(),
});
const schemas: Record<string, Record<string, unknown>> = { 'test.sms': z.toJSONSchema(smsParams, { io: 'input' }) as Record<string, unknown> };
const schemaOf = (type: string) => schemas[type];

describe('reading a flow file', () => {
  it.each([
    ['a newer format', { format: 'flowdesk.flow/v7', flow: { whatever: true } }, 'newer_format', 'this flow was exported by a newer Flowdesk (format 7); update Flowdesk to import it'],
    ['no format', { flow }, 'not_flow_file', `not a Flowdesk flow file (format should be "${FLOW_FILE_FORMAT}")`],
    ['not an object', 'hello', 'not_flow_file', 'not a Flowdesk flow file'],
    ['a node without a type', { format: FLOW_FILE_FORMAT, flow: { ...flow, nodes: [{ ...flow.nodes[0], type: undefined }] } }, 'invalid', 'flow.nodes[0].type: Invalid input: expected string, received undefined'],
    ['a bad node id', { format: FLOW_FILE_FORMAT, flow: { ...flow, nodes: [{ ...flow.nodes[0], id: 'a b' }] } }, 'invalid', 'flow.nodes[0].id: letters, digits and _ . : - only'],
  ])('refuses %s in plain words', (_what, json, why, words) => {
    const read = readFlowFile(json);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.why).toBe(why);
    expect(read.message).toContain(words);
    expect(read.message).not.toContain('✖');
  });

  it('names five problems of a file broken everywhere, then counts the rest', () => {
    const nodes = Array.from({ length: 8 }, (_, i) => ({ id: `n${i}`, type: 'x', typeVersion: 0, position: { x: 0, y: 0 }, params: {} }));
    const read = readFlowFile({ format: FLOW_FILE_FORMAT, flow: { name: 'x', nodes, edges: [] } });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(/flow\.nodes\[4\]\.typeVersion: .*; and 3 more problems$/);
  });

  it('the schema itself says "newer Flowdesk" (the editor opens files with it)', () => {
    const parsed = FlowFile.safeParse({ format: 'flowdesk.flow/v2', flow });
    expect(parsed.error?.issues[0]?.message).toBe('this flow was exported by a newer Flowdesk (format 2); update Flowdesk to import it');
  });

  it('reads a good file', () => {
    expect(readFlowFile({ format: FLOW_FILE_FORMAT, flow })).toMatchObject({ ok: true, file: { flow: { name: 'Báo đơn mới' } } });
  });
});

describe('secrets in a flow file', () => {
  it.each([
    ['Authorization', true],
    ['authorization', true],
    ['X-Api-Key', true],
    ['X-Auth-Token', true],
    ['X-Shop-Secret', true],
    ['Cookie', true],
    ['Idempotency-Key', false],
    ['Content-Type', false],
  ])('header %s is a credential: %s', (name, yes) => {
    expect(isCredentialHeader(name)).toBe(yes);
  });

  it('finds the fields a schema marks secret, nested ones too', () => {
    expect(secretPaths(schemas['test.sms'])).toEqual([['apiKey'], ['account', 'password']]);
  });

  it('replaces every secret and credential header value, lists them, and leaves the rest', () => {
    const { flow: out, needs } = withoutSecrets(flow, schemaOf);
    const hook = out.nodes[1]!.params;
    expect(hook['headers']).toEqual([
      `Authorization: ${SECRET_PLACEHOLDER}`,
      `X-Api-Key: ${SECRET_PLACEHOLDER}`,
      'Idempotency-Key: {{ order.id }}',
      'Content-Language: vi',
      'X-Auth-Token:',
    ]);
    expect(out.nodes[2]!.params).toEqual({ apiKey: SECRET_PLACEHOLDER, account: { user: 'shop', password: SECRET_PLACEHOLDER }, sender: 'SHOP' });
    expect(JSON.stringify(out)).not.toMatch(/sk_live_123|k-456|very-secret|p@ss/);
    expect(needs).toEqual([
      { nodeId: 'hook', field: 'headers', header: 'Authorization' },
      { nodeId: 'hook', field: 'headers', header: 'X-Api-Key' },
      { nodeId: 'sms', field: 'apiKey' },
      { nodeId: 'sms', field: 'account.password' },
    ]);
    // The document given is left as it was.
    expect(flow.nodes[2]!.params['apiKey']).toBe('very-secret');
    // And the placeholders are found again on the way in.
    expect(neededFields(out, schemaOf)).toEqual(needs);
  });
});
