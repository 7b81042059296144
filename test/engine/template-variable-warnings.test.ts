import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';

const flowWith = (params: Record<string, unknown>, type = 'flowdesk.add_timeline_note'): FlowDocument => ({
  name: 'Vars',
  nodes: [
    { id: 'trigger', type: 'orders.order_created', typeVersion: 1, position: { x: 0, y: 0 }, params: { platforms: [] } },
    { id: 'step', type, typeVersion: 1, position: { x: 0, y: 150 }, label: 'Thank-you', params },
  ],
  edges: [{ id: 'e1', source: 'trigger', sourcePort: 'out', target: 'step', targetPort: 'in' }],
});

describe('a template that names a variable the trigger never sends is a problem before save (issue 16)', () => {
  let t: TempEngine;
  beforeAll(async () => {
    t = await startTempEngine();
  });
  afterAll(() => t.close());
  const unknowns = async (doc: FlowDocument) =>
    (await t.engine.call('flows.validate', { document: doc })).filter((p) => p.code === 'template_unknown_variable');

  it('names the step, the field, the variable and where it is', async () => {
    const problems = await unknowns(flowWith({ text: 'Tổng: {{ order.totl }}' }));
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        nodeId: 'step',
        path: 'text',
        args: { node: 'Thank-you', field: 'Note', variable: 'order.totl', line: '1', col: '10' },
        message: expect.stringMatching(/^Thank-you: Note: unknown variable "order\.totl" at line 1, column 10/),
      }),
    ]);
  });

  it('a typo hidden in if or default is caught too, each variable once, in reading order', async () => {
    const text = '{% if ordr.note %}x{% endif %}\n{{ customer.nam | default: "bạn" }} {{ ordr.note }}';
    expect((await unknowns(flowWith({ text }))).map((p) => [p.args?.['variable'], p.args?.['line']])).toEqual([
      ['ordr', '1'],
      ['customer.nam', '2'],
    ]);
  });

  it('the variables the picker offers are known: lists, items, loops, sizes, captures and the customer’s own fields', async () => {
    const text = [
      '{% for item in order.lineItems %}{{ item.title }} x{{ item.quantity }}{% unless forloop.last %}, {% endunless %}{% endfor %}',
      '{{ order.lineItems[0].sku }} {{ order.lineItems.first.properties[0].name }} {{ order.lineItems.size }} {{ order.tags.first }}',
      '{% capture row %}{{ order.number }},{{ order.totalPrice | money }}{% endcapture %}{{ row }}',
      '{{ customer.fields.hạng | default: "thường" }} {{ previous.financialStatus }} {{ event.occurredAt | date: "%d/%m" }} {{ order.note.size }}',
    ].join('\n');
    expect(await unknowns(flowWith({ text }))).toEqual([]);
  });

  it('stepping into a plain value or off a list is unknown', async () => {
    const text = '{{ order.number.digits }} {{ order.lineItems.title }}';
    expect((await unknowns(flowWith({ text }))).map((p) => p.args?.['variable'])).toEqual(['order.number.digits', 'order.lineItems.title']);
  });

  it('each line of a list of templates is read (an HTTP header)', async () => {
    const params = { method: 'POST', url: 'https://example.com/{{ order.id }}', headers: ['X-Order: {{ order.numbr }}'], body: '{}' };
    const problems = await unknowns(flowWith(params, 'http.request'));
    expect(problems.map((p) => [p.path, p.args?.['variable']])).toEqual([['headers', 'order.numbr']]);
  });

  it('a template that does not parse says that, not its variables', async () => {
    const problems = await t.engine.call('flows.validate', { document: flowWith({ text: '{{ order.totl | no_such_filter }}' }) });
    expect(problems.map((p) => p.code)).toEqual(['template_problem']);
  });

  it('no flow of the template gallery names an unknown variable', async () => {
    const dir = join(import.meta.dirname, '../../assets/gallery');
    const files = readdirSync(dir).filter((f) => f.endsWith('.flow.json'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const { flow } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { flow: FlowDocument };
      expect(await unknowns(flow), file).toEqual([]);
    }
  });
});
