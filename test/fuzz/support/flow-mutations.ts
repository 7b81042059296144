import fc from 'fast-check';
import { vipFlow } from '../../harness/flows.ts';
import { deepMarker } from './api-arbs.ts';

/** One change to a flow document (vipFlow: trigger → compare → add tag). */
export type FlowMutation =
  | { op: 'dropNode'; i: number }
  | { op: 'dupNode'; i: number; sameId: boolean }
  | { op: 'type'; i: number; type: unknown }
  | { op: 'params'; i: number; value: unknown }
  | { op: 'paramField'; i: number; key: string; value: unknown }
  | { op: 'danglingEdge'; source: string; target: string }
  | { op: 'selfLoop' }
  | { op: 'backEdge' }
  | { op: 'label'; i: number; label: unknown }
  | { op: 'nodeId'; i: number; id: unknown }
  | { op: 'edgeField'; i: number; key: 'id' | 'source' | 'sourcePort' | 'target' | 'targetPort'; value: unknown }
  | { op: 'nodeField'; i: number; key: 'typeVersion' | 'position'; value: unknown }
  | { op: 'name'; value: unknown }
  | { op: 'description'; value: unknown }
  | { op: 'many'; count: number }
  | { op: 'dropKey'; key: 'nodes' | 'edges' | 'name' }
  | { op: 'extraKey'; key: string; value: unknown }
  | { op: 'replaceList'; key: 'nodes' | 'edges'; value: unknown };

const KNOWN_TYPES = ['orders.order_created', 'orders.order_paid', 'logic.compare', 'flowdesk.add_order_tag', 'flowdesk.add_customer_tag', 'flowdesk.add_timeline_note', 'http.request'];

const hugeText = fc.tuple(fc.integer({ min: 150, max: 20_000 }), fc.constantFrom('a', 'ữ', '🏷️', '\u0000', '\u202e')).map(([n, c]) => c.repeat(n));
const weird: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.anything({ maxDepth: 3, maxKeys: 5 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: hugeText },
  { weight: 1, arbitrary: fc.constantFrom(null, '', 0, -1, 1.5, 1e308, true, [], {}, '__proto__', 'constructor') },
);
const idLike = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_.:-]{1,64}$/),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
  fc.constantFrom('trigger', 'big', 'tag', 'ghost', 'x'.repeat(65), 'ñode', 'node id', '__proto__'),
);

const validId = fc.stringMatching(/^[A-Za-z0-9_.:-]{1,64}$/);
const shortText = fc.string({ unit: 'grapheme', maxLength: 60 });
/**
 * Values a params field plausibly holds (right or wrong for it), and nested ones (spliced in as
 * raw JSON by the caller). Kept at 2,000 levels: from about 4,500 `flows.save` and `flows.import`
 * answer 500 (flows-gaps.test.ts).
 */
const paramValue = fc.oneof(
  deepMarker(1, 2_000),
  fc.constantFrom('order.totalPrice', 'number', 'text', 'gt', 'is_true', 'contains', '100', 'abc', '', 'shopify', 'lazada'),
  fc.array(fc.constantFrom('VIP', '', 'shopify', 'haravan', 'nope', '{{ order.number }}'), { maxLength: 3 }),
  shortText,
  fc.integer(),
  weird,
);

/** Structural changes (which keep the document's shape) are likelier than junk, so the engine's own checks get exercised. */
export const flowMutation: fc.Arbitrary<FlowMutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('dropNode' as const), i: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('dupNode' as const), i: fc.nat(), sameId: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('type' as const), i: fc.nat(), type: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...KNOWN_TYPES) }, { weight: 1, arbitrary: weird }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('params' as const), i: fc.nat(), value: weird }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('paramField' as const), i: fc.nat(), key: fc.constantFrom('platforms', 'field', 'valueType', 'operator', 'value', 'tags', 'note', 'url', 'method', 'body', 'x'), value: paramValue }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('danglingEdge' as const), source: fc.oneof(validId, idLike), target: fc.oneof(validId, idLike) }) },
  { weight: 2, arbitrary: fc.constant({ op: 'selfLoop' as const }) },
  { weight: 2, arbitrary: fc.constant({ op: 'backEdge' as const }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('label' as const), i: fc.nat(), label: fc.oneof({ weight: 3, arbitrary: shortText }, { weight: 1, arbitrary: hugeText }, { weight: 1, arbitrary: weird }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('nodeId' as const), i: fc.nat(), id: fc.oneof({ weight: 3, arbitrary: validId }, { weight: 1, arbitrary: idLike }, { weight: 1, arbitrary: weird }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('edgeField' as const), i: fc.nat(), key: fc.constantFrom('id' as const, 'source' as const, 'sourcePort' as const, 'target' as const, 'targetPort' as const), value: fc.oneof(validId, fc.constantFrom('in', 'out', 'yes', 'no'), idLike, weird) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('nodeField' as const), i: fc.nat(), key: fc.constantFrom('typeVersion' as const, 'position' as const), value: fc.oneof(fc.integer({ min: -1, max: 3 }), fc.record({ x: fc.double(), y: fc.integer() }), weird) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('name' as const), value: fc.oneof(shortText, hugeText, weird) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('description' as const), value: fc.oneof(shortText, hugeText, weird) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('many' as const), count: fc.oneof(fc.integer({ min: 5, max: 60 }), fc.integer({ min: 495, max: 520 })) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('dropKey' as const), key: fc.constantFrom('nodes' as const, 'edges' as const, 'name' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('extraKey' as const), key: fc.string({ maxLength: 10 }), value: weird }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('replaceList' as const), key: fc.constantFrom('nodes' as const, 'edges' as const), value: weird }) },
);

type Doc = Record<string, any>;
const at = <T>(list: T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);
const asList = (v: unknown): any[] => (Array.isArray(v) ? v : []);

/** Applies the mutations to a copy of vipFlow (each on what the previous ones left). */
export function mutateFlow(ms: readonly FlowMutation[]): Doc {
  const doc: Doc = structuredClone(vipFlow());
  for (const m of ms) {
    const nodes = asList(doc['nodes']);
    const edges = asList(doc['edges']);
    const node = 'i' in m ? at(nodes, m.i) : undefined;
    const objectNode = node && typeof node === 'object' ? node : undefined;
    switch (m.op) {
      case 'dropNode': if (nodes.length > 0) nodes.splice(m.i % nodes.length, 1); break;
      case 'dupNode': if (objectNode) nodes.push({ ...objectNode, id: m.sameId ? objectNode.id : `${String(objectNode.id)}_copy` }); break;
      case 'type': if (objectNode) objectNode.type = m.type; break;
      case 'params': if (objectNode) objectNode.params = m.value; break;
      case 'paramField': if (objectNode?.params && typeof objectNode.params === 'object') objectNode.params[m.key] = m.value; break;
      case 'danglingEdge': edges.push({ id: `dangle${edges.length}`, source: m.source, sourcePort: 'out', target: m.target, targetPort: 'in' }); break;
      case 'selfLoop': edges.push({ id: `loop${edges.length}`, source: 'big', sourcePort: 'no', target: 'big', targetPort: 'in' }); break;
      case 'backEdge':
        nodes.push({ id: `cmp${nodes.length}`, type: 'logic.compare', typeVersion: 1, position: { x: 0, y: 0 }, params: { field: 'order.totalPrice', valueType: 'number', operator: 'gt', value: '1' } });
        edges.push({ id: `fwd${edges.length}`, source: 'big', sourcePort: 'no', target: `cmp${nodes.length - 1}`, targetPort: 'in' });
        edges.push({ id: `back${edges.length}`, source: `cmp${nodes.length - 1}`, sourcePort: 'yes', target: 'big', targetPort: 'in' });
        break;
      case 'label': if (objectNode) objectNode.label = m.label; break;
      case 'nodeId': if (objectNode) objectNode.id = m.id; break;
      case 'edgeField': { const e = at(edges, m.i); if (e && typeof e === 'object') e[m.key] = m.value; break; }
      case 'nodeField': if (objectNode) objectNode[m.key] = m.value; break;
      case 'name': doc['name'] = m.value; break;
      case 'description': doc['description'] = m.value; break;
      case 'many':
        for (let k = 0; k < m.count; k++) {
          nodes.push({ id: `t${k}`, type: 'flowdesk.add_order_tag', typeVersion: 1, position: { x: k, y: 360 }, params: { tags: [`T${k}`] } });
          edges.push({ id: `te${k}`, source: 'big', sourcePort: 'yes', target: `t${k}`, targetPort: 'in' });
        }
        break;
      case 'dropKey': delete doc[m.key]; break;
      case 'extraKey': doc[m.key] = m.value; break;
      case 'replaceList': doc[m.key] = m.value; break;
    }
  }
  return doc;
}

/** A whole flow file around a document, its format sometimes wrong. */
export const fileFormat = fc.oneof(
  { weight: 8, arbitrary: fc.constant('flowdesk.flow/v1') },
  { weight: 1, arbitrary: fc.constantFrom('flowdesk.flow/v2', 'FLOWDESK.FLOW/V1', '', null) },
);
