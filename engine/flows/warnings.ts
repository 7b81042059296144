import { Platform as PlatformSchema, platformDelivers, platformLabels } from '../contract/index.ts';
import type { ContactField, FieldAvailability, FlowDocument, FlowProblem, Platform } from '../contract/index.ts';
import type { NodeRegistry } from '../nodes/registry.ts';

/** Worth a warning: the step would be skipped on every order (`never`) or unless the API is on (`with_api`). */
const warned: ReadonlySet<FieldAvailability> = new Set(['never', 'with_api']);

/** The platforms the flow's triggers are limited to; empty when any platform can start it. */
export function triggerPlatforms(doc: FlowDocument, registry: NodeRegistry): Platform[] {
  const out = new Set<Platform>();
  for (const node of doc.nodes) {
    if (registry.get(node.type)?.spec.category !== 'trigger') continue;
    const parsed = PlatformSchema.array().safeParse(node.params['platforms'] ?? []);
    if (!parsed.success || parsed.data.length === 0) return [];
    for (const p of parsed.data) out.add(p);
  }
  return [...out];
}

/**
 * Design-time warnings (issue 12, connectors.md §9.2): a message step that needs a customer
 * field the trigger's platform does not deliver would be skipped on every such order. Said on
 * the step before the flow runs, not discovered in the run log. A trigger open to every
 * platform warns only about fields no store delivers (a Zalo user id, a Messenger PSID).
 */
export function flowWarnings(doc: FlowDocument, registry: NodeRegistry): FlowProblem[] {
  const chosen = triggerPlatforms(doc, registry);
  const platforms: Platform[] = chosen.length > 0 ? chosen : PlatformSchema.options.filter((p) => p !== 'catchhook');
  const problems: FlowProblem[] = [];
  for (const node of doc.nodes) {
    const spec = registry.get(node.type)?.spec;
    if (!spec?.needs) continue;
    for (const field of spec.needs(node.params)) {
      const lacking = platforms.filter((p) => warned.has(platformDelivers[p][field]));
      // With every platform open, warn only when none of them delivers the field.
      if (lacking.length === 0 || (chosen.length === 0 && lacking.length < platforms.length)) continue;
      const step = node.label?.trim() || spec.label;
      const names = lacking.map((p) => platformLabels[p]).join(', ');
      const apiOnly = lacking.every((p) => platformDelivers[p][field] === 'with_api');
      problems.push({
        code: 'platform_lacks_field',
        severity: 'warning',
        message: chosen.length === 0
          ? `${step}: no store platform sends the customer's ${fieldWords[field]}: this step is skipped unless a flow has set it on the customer`
          : apiOnly
            ? `${step}: ${names} sends no ${fieldWords[field]} in its webhooks; Flowdesk has one only when the connection reads customers through its API`
            : `${step}: ${names} never sends the customer's ${fieldWords[field]}: this step will be skipped for those orders`,
        nodeId: node.id,
        args: { node: step, field, platforms: names, availability: apiOnly ? 'with_api' : 'never', ...(chosen.length === 0 ? { anyPlatform: 'true' } : {}) },
      });
    }
  }
  return problems;
}

const fieldWords: Record<ContactField, string> = {
  email: 'email address',
  phone: 'phone number',
  zaloUserId: 'Zalo user id',
  messengerPsid: 'Messenger id (PSID)',
};
