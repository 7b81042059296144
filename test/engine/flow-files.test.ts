import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOW_FILE_FORMAT, SECRET_PLACEHOLDER, type FlowDocument } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';
import { vipFlow } from '../harness/flows.ts';

/** "order created → POST to the shop's ERP with its credentials → tag". */
function erpFlow(): FlowDocument {
  return {
    name: 'Gửi đơn sang ERP',
    nodes: [
      { id: 'trigger', type: 'orders.order_created', typeVersion: 1, position: { x: 0, y: 0 }, params: { platforms: [] } },
      {
        id: 'post',
        type: 'http.request',
        typeVersion: 1,
        position: { x: 0, y: 120 },
        params: {
          method: 'POST',
          url: 'https://erp.example.com/orders',
          headers: ['Authorization: Bearer sk_live_abc', 'X-Api-Key: 42-key', 'X-Shop: {{ order.platform }}'],
          body: '{"order":"{{ order.number }}"}',
          timeoutSeconds: 10,
        },
      },
      { id: 'tag', type: 'flowdesk.add_order_tag', typeVersion: 1, position: { x: 0, y: 240 }, params: { tags: ['erp'] } },
    ],
    edges: [
      { id: 'e1', source: 'trigger', sourcePort: 'out', target: 'post', targetPort: 'in' },
      { id: 'e2', source: 'post', sourcePort: 'out', target: 'tag', targetPort: 'in' },
    ],
  };
}

describe('flow files: export and import', () => {
  let t: TempEngine;
  beforeAll(async () => {
    t = await startTempEngine();
  });
  afterAll(async () => {
    await t.close();
  });

  async function flowCount() {
    return (await t.engine.call('flows.list', {})).length;
  }

  async function refused(file: unknown) {
    const before = await flowCount();
    const error = await t.engine.call('flows.import', { file, activate: true }).then(
      () => null,
      (e: { code: string; message: string }) => e,
    );
    expect(error?.code).toBe('invalid_flow');
    expect(await flowCount()).toBe(before);
    return error!.message;
  }

  it('refuses a file from a newer Flowdesk, naming it, and creates no flow', async () => {
    expect(await refused({ format: 'flowdesk.flow/v2', flow: { layout: 'something new' } })).toBe(
      'this flow was exported by a newer Flowdesk (format 2); update Flowdesk to import it',
    );
  });

  it('refuses a step of a newer type version than this Flowdesk knows', async () => {
    const doc = vipFlow();
    doc.nodes[2]!.typeVersion = 3;
    expect(await refused({ format: FLOW_FILE_FORMAT, flow: doc })).toMatch(/newer Flowdesk .*flowdesk\.add_order_tag version 3.*update Flowdesk/);
  });

  it('refuses a broken file with the field and what is wrong, not a dump', async () => {
    const doc = vipFlow() as unknown as { nodes: { position: unknown }[] };
    doc.nodes[1]!.position = 'top left';
    const message = await refused({ format: FLOW_FILE_FORMAT, flow: doc });
    expect(message).toBe('the flow file is broken: flow.nodes[1].position: Invalid input: expected object, received string');
  });

  it('refuses a file whose flow cannot run (no trigger), and creates no flow', async () => {
    const doc = vipFlow();
    doc.nodes = doc.nodes.filter((n) => n.id !== 'trigger');
    doc.edges = doc.edges.filter((e) => e.source !== 'trigger');
    expect(await refused({ format: FLOW_FILE_FORMAT, flow: doc })).toMatch(/no trigger/);
  });

  it('never exports a credential: header values are replaced and listed as needs', async () => {
    const flow = await t.engine.call('flows.save', { document: erpFlow() });
    const file = await t.engine.call('flows.export', { id: flow.id });
    expect(JSON.stringify(file)).not.toMatch(/sk_live_abc|42-key/);
    expect(file.flow.nodes[1]!.params['headers']).toEqual([`Authorization: ${SECRET_PLACEHOLDER}`, `X-Api-Key: ${SECRET_PLACEHOLDER}`, 'X-Shop: {{ order.platform }}']);
    expect(file.needs).toEqual([
      { nodeId: 'post', field: 'headers', header: 'Authorization' },
      { nodeId: 'post', field: 'headers', header: 'X-Api-Key' },
    ]);
    // The saved flow itself keeps its credentials.
    expect((await t.engine.call('flows.get', { id: flow.id })).document).toEqual(erpFlow());
  });

  it('imports the exported file, reports what to fill in, and does not turn it on until then', async () => {
    const flow = await t.engine.call('flows.save', { document: erpFlow() });
    const file = JSON.parse(JSON.stringify(await t.engine.call('flows.export', { id: flow.id })));
    const imported = await t.engine.call('flows.import', { file, activate: true });
    expect(imported).toMatchObject({ name: 'Gửi đơn sang ERP', version: 1, activeVersion: null });
    expect(imported.needs).toEqual(file.needs);
  });

  it('round-trips a flow without secrets exactly, and turns it on when asked', async () => {
    const flow = await t.engine.call('flows.save', { document: vipFlow('2000000', 'Khách VIP') });
    const file = JSON.parse(JSON.stringify(await t.engine.call('flows.export', { id: flow.id })));
    expect(file).not.toHaveProperty('needs');
    const imported = await t.engine.call('flows.import', { file, activate: true });
    expect(imported).toMatchObject({ version: 1, activeVersion: 1, needs: [] });
    expect(imported.document).toEqual(vipFlow('2000000', 'Khách VIP'));
  });
});
