import { platformLabels, writeBackSupport, type FlowDocument, type FlowProblem, type Platform, type WriteAction } from '../contract/index.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import { triggerPlatforms } from './warnings.ts';

/** The action's words in English problems ("cancel orders"); the editor has its own, by `args.action`. */
const actionWords: Record<WriteAction, string> = {
  'order.tags.add': 'add order tags',
  'order.tags.remove': 'remove order tags',
  'order.note.set': 'set the order note',
  'order.attribute.set': 'set order attributes',
  'customer.tags.add': 'add customer tags',
  'order.mark_paid': 'mark orders as paid',
  'order.cancel': 'cancel orders',
  'order.close': 'close orders',
  'order.fulfil': 'fulfil orders',
  'marketplace.ready_to_ship': 'pack and set orders ready to ship',
  'marketplace.cancel': 'cancel marketplace orders',
  'fulfillment_order.act': 'act on fulfillment orders',
};

/**
 * Write-back steps a flow's platforms cannot do (reference §9.1), found when the flow is saved,
 * not when it runs: an error when no platform the trigger is limited to can do it (the step
 * could never work), a warning naming those that cannot when only some can (their orders skip
 * the step). A trigger open to every platform is judged by the platforms the stores are
 * connected to. Optional writes ("Add order tag" keeps its tag in Flowdesk) are never a problem.
 */
export function writeBackProblems(doc: FlowDocument, registry: NodeRegistry, connected: readonly Platform[]): FlowProblem[] {
  const chosen = triggerPlatforms(doc, registry);
  const platforms = chosen.length > 0 ? chosen : [...new Set(connected)].filter((p) => p !== 'catchhook');
  if (platforms.length === 0) return [];
  const problems: FlowProblem[] = [];
  for (const node of doc.nodes) {
    const spec = registry.get(node.type)?.spec;
    const action = spec?.writes;
    if (!spec || !action) continue;
    const cannot = platforms.filter((p) => writeBackSupport[p][action] === 'no');
    if (cannot.length === 0) continue;
    const step = node.label?.trim() || spec.label;
    const names = cannot.map((p) => platformLabels[p]).join(', ');
    const all = cannot.length === platforms.length;
    problems.push({
      code: 'platform_cannot_write',
      severity: all && chosen.length > 0 ? 'error' : 'warning',
      message: all
        ? `${step}: ${names} cannot ${actionWords[action]} through its API${chosen.length > 0 ? '' : ': this step would be skipped on every order'}`
        : `${step}: ${names} cannot ${actionWords[action]} through its API: this step is skipped for orders from ${cannot.length === 1 ? 'it' : 'them'}`,
      nodeId: node.id,
      args: { node: step, platforms: names, action, ...(all ? { all: 'true' } : {}) },
    });
  }
  return problems;
}
