import { ConditionTree } from '../../../../engine/contract/index.ts';

/**
 * What is wrong with a condition tree, by node: the contract's own zod schema (the one the engine
 * validates with on save), its issues pinned to the rule they are about and the input within it,
 * so the builder can show each next to its rule as the user types.
 */

export type IssueSlot = 'field' | 'operator' | 'value' | 'value2' | 'unit' | 'node';

/** `key` names the words (`conditions:problem.<key>`); `message` is the schema's own, for the rest. */
export interface RuleIssue {
  slot: IssueSlot;
  key: string | null;
  message: string;
}

const slots: readonly IssueSlot[] = ['field', 'operator', 'value', 'value2', 'unit'];

/** The schema's messages (engine/contract/flow/condition.ts) that have words in the locales. */
function keyOf(message: string, slot: IssueSlot): string | null {
  if (slot === 'field') return 'chooseField';
  if (message === 'enter a value') return 'enterValue';
  if (message === 'enter a number') return 'enterNumber';
  if (message === 'enter the upper bound') return 'enterUpperBound';
  if (message.startsWith('enter a number of days')) return 'enterCount';
  if (message.startsWith('enter a date')) return 'enterDate';
  if (message === 'enter at least one value') return 'enterValues';
  if (message.startsWith('invalid regular expression')) return 'badRegex';
  return null;
}

export function conditionIssues(tree: unknown): Map<string, RuleIssue[]> {
  const byNode = new Map<string, RuleIssue[]>();
  const parsed = ConditionTree.safeParse(tree);
  if (parsed.success) return byNode;
  for (const issue of parsed.error.issues) {
    // Walk the path down the tree; the last object with an id is the node the issue is about.
    let cur: unknown = tree;
    let nodeId = typeof (tree as { id?: unknown })?.id === 'string' ? (tree as { id: string }).id : 'root';
    let rest: PropertyKey[] = issue.path;
    for (const [i, key] of issue.path.entries()) {
      cur = cur && typeof cur === 'object' ? (cur as Record<PropertyKey, unknown>)[key as string] : undefined;
      const id = cur && typeof cur === 'object' && !Array.isArray(cur) ? (cur as { id?: unknown }).id : undefined;
      if (typeof id === 'string') {
        nodeId = id;
        rest = issue.path.slice(i + 1);
      }
    }
    const slot = slots.includes(rest[0] as IssueSlot) ? (rest[0] as IssueSlot) : 'node';
    const list = byNode.get(nodeId) ?? [];
    if (!list.some((x) => x.slot === slot)) list.push({ slot, key: keyOf(issue.message, slot), message: issue.message });
    byNode.set(nodeId, list);
  }
  return byNode;
}
