import { describe, expect, it } from 'vitest';
import type { FlowDocument, NodeSpecDto } from '../../../engine/contract/index.ts';
import { clientProblems, shownProblems, problemsByNode, type CanvasProblem } from './problems.ts';
import type { TFunction } from 'i18next';
import { problemField, problemForField, problemOnNode } from '../problem-text.ts';
import { formFields } from './schema-form.ts';

function spec(type: string, category: NodeSpecDto['category'], outputs: string[], paramsSchema: Record<string, unknown> = { type: 'object', properties: {} }): NodeSpecDto {
  return {
    type,
    version: 1,
    label: type,
    description: '',
    category,
    connector: 'test',
    icon: category,
    inputs: category === 'trigger' ? [] : [{ id: 'in', label: 'In' }],
    outputs: outputs.map((id) => ({ id, label: id })),
    paramsSchema,
  };
}

const specs = [
  spec('t.trigger', 'trigger', ['out']),
  spec('t.if', 'condition', ['yes', 'no'], { type: 'object', properties: { field: { type: 'string', minLength: 1, title: 'Field' } }, required: ['field'] }),
  spec('t.tag', 'action', ['out']),
];
const ctx = { specs: new Map(specs.map((s) => [s.type, s])), fields: new Map(specs.map((s) => [s.type, formFields(s.paramsSchema)])) };
const node = (id: string, type: string, params: Record<string, unknown> = {}) => ({ id, type, typeVersion: 1, position: { x: 0, y: 0 }, params });

describe('clientProblems', () => {
  it('finds nothing in a sound flow', () => {
    const doc: FlowDocument = {
      name: 'ok',
      nodes: [node('a', 't.trigger'), node('b', 't.if', { field: 'order.totalPrice' }), node('c', 't.tag')],
      edges: [
        { id: 'e1', source: 'a', sourcePort: 'out', target: 'b', targetPort: 'in' },
        { id: 'e2', source: 'b', sourcePort: 'yes', target: 'c', targetPort: 'in' },
      ],
    };
    expect(clientProblems(doc, ctx)).toEqual([]);
  });

  it('names a flow without a trigger, a missing param, a dangling edge, a bad port and a loop', () => {
    const doc: FlowDocument = {
      name: ' ',
      nodes: [node('b', 't.if'), node('c', 't.tag')],
      edges: [
        { id: 'e1', source: 'gone', sourcePort: 'out', target: 'b', targetPort: 'in' },
        { id: 'e2', source: 'b', sourcePort: 'maybe', target: 'c', targetPort: 'in' },
        { id: 'e3', source: 'c', sourcePort: 'out', target: 'b', targetPort: 'in' },
      ],
    };
    const found = clientProblems(doc, ctx);
    expect(found.map((p) => [p.code, p.nodeId ?? p.edgeId ?? null])).toEqual([
      ['no_name', null],
      ['invalid_params', 'b'],
      ['no_trigger', null],
      ['dangling_edge', 'e1'],
      ['bad_port', 'b'],
      ['cycle', 'b'],
    ]);
    expect(found[1]).toMatchObject({ path: 'field', issue: { key: 'required' }, values: { field: 'Field' } });
  });

  it('keeps the engine list when it is current, worded like the client where both speak of a field', () => {
    const client: CanvasProblem[] = [
      { code: 'invalid_params', message: 'Field: required', nodeId: 'b', path: 'field', source: 'client' },
      { code: 'no_trigger', message: 'no trigger', source: 'client' },
    ];
    const engine: CanvasProblem[] = [
      { code: 'invalid_params', message: 'Condition "b": field: Invalid input', nodeId: 'b', path: 'field', source: 'engine' },
      { code: 'invalid_params', message: 'Condition "b": operator: "gt" does not apply to a text', nodeId: 'b', path: 'operator', source: 'engine' },
      { code: 'no_trigger', message: 'the flow has no trigger', source: 'engine' },
    ];
    expect(shownProblems(client, null)).toEqual(client);
    expect(shownProblems(client, engine).map((p) => [p.source, p.path ?? p.code])).toEqual([
      ['client', 'field'],
      ['engine', 'operator'],
      ['engine', 'no_trigger'],
    ]);
    expect(problemsByNode(engine).get('b')).toHaveLength(2);
  });
});

describe('a problem deep in a field’s nested params', () => {
  const deep = { code: 'invalid_params' as const, source: 'engine' as const, nodeId: 'c', path: 'condition.rules.0.value', reason: 'enter a number', message: 'Conditions: Condition: enter a number' };
  const t = ((key: string, o?: { defaultValue?: string }) => o?.defaultValue ?? key) as unknown as TFunction;

  it('belongs to the field it is in, and reads as that field’s problem', () => {
    expect(problemField(deep)).toBe('condition');
    expect(problemOnNode(deep, t, (field) => (field === 'condition' ? 'Condition' : field))).toBe('Condition: enter a number');
    expect(problemForField(deep, t)).toBe('enter a number');
  });
});
