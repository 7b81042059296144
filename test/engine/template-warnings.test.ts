import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../engine/contract/index.ts';
import { startTempEngine, type TempEngine } from '../harness/temp-engine.ts';

const noteFlow = (text: string): FlowDocument => ({
  name: 'Note',
  nodes: [
    { id: 'trigger', type: 'orders.order_created', typeVersion: 1, position: { x: 0, y: 0 }, params: { platforms: [] } },
    { id: 'note', type: 'flowdesk.add_timeline_note', typeVersion: 1, position: { x: 0, y: 150 }, label: 'Paid note', params: { text } },
  ],
  edges: [{ id: 'e1', source: 'trigger', sourcePort: 'out', target: 'note', targetPort: 'in' }],
});

describe('a Liquid field that will not parse is a problem before save', () => {
  let t: TempEngine;
  beforeEach(async () => {
    t = await startTempEngine();
  });
  afterEach(() => t.close());

  it('names the step, the field and the place of an unknown filter', async () => {
    const problems = await t.engine.call('flows.validate', { document: noteFlow('Paid: {{ order.totalPrice | no_such_filter }}') });
    expect(problems).toEqual([
      expect.objectContaining({ code: 'template_problem', severity: 'warning', nodeId: 'note', path: 'text', message: expect.stringMatching(/^Paid note: Note: .*no_such_filter.* line 1, column \d+; every run will fail at this step$/) }),
    ]);
  });

  it('an unclosed tag too; a template that parses says nothing', async () => {
    expect((await t.engine.call('flows.validate', { document: noteFlow('{% if order.note %}x') })).map((p) => p.code)).toEqual(['template_problem']);
    expect(await t.engine.call('flows.validate', { document: noteFlow('Đơn {{ order.number }}: {{ order.totalPrice | money }}') })).toEqual([]);
  });
});
