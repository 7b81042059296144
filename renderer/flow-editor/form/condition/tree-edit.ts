import type { ConditionNodeInput } from '../../../../engine/contract/index.ts';
import { emptyConditionTree } from '../../../../engine/contract/index.ts';
import { isGroup, isQuantifier, type GroupInput } from './rule-model.ts';

/**
 * Immutable edits of a condition tree by node id: each returns a new tree (the store keeps the old
 * one for undo) and leaves untouched branches as they were.
 */

/** The tree in the params, or an empty one when the params hold none (a node from an old file). */
export function asTree(value: unknown): GroupInput {
  const v = value as Partial<GroupInput> | null | undefined;
  if (v && typeof v === 'object' && typeof v.id === 'string' && (v.join === 'all' || v.join === 'any') && Array.isArray(v.rules)) return v as GroupInput;
  return emptyConditionTree();
}

/** Replaces the node `id` by what `change` returns; null removes it (the root is never removed). */
export function changeNode(tree: GroupInput, id: string, change: (node: ConditionNodeInput) => ConditionNodeInput | null): GroupInput {
  const visit = (node: ConditionNodeInput): ConditionNodeInput | null => {
    if (node.id === id) return change(node);
    if (isGroup(node)) {
      let changed = false;
      const rules: ConditionNodeInput[] = [];
      for (const child of node.rules) {
        const next = visit(child);
        if (next !== child) changed = true;
        if (next) rules.push(next);
      }
      return changed ? { ...node, rules } : node;
    }
    if (isQuantifier(node)) {
      const where = visit(node.where);
      return where === node.where || !where || !isGroup(where) ? node : { ...node, where };
    }
    return node;
  };
  const next = visit(tree);
  return next && isGroup(next) ? next : tree;
}

export function removeNode(tree: GroupInput, id: string): GroupInput {
  return id === tree.id ? tree : changeNode(tree, id, () => null);
}

/** Adds `node` at the end of the group `groupId`. */
export function appendTo(tree: GroupInput, groupId: string, node: ConditionNodeInput): GroupInput {
  return changeNode(tree, groupId, (g) => (isGroup(g) ? { ...g, rules: [...g.rules, node] } : g));
}

export function treeIds(tree: ConditionNodeInput): Set<string> {
  const ids = new Set<string>();
  const walk = (n: ConditionNodeInput) => {
    ids.add(n.id);
    if (isGroup(n)) n.rules.forEach(walk);
    else if (isQuantifier(n)) walk(n.where);
  };
  walk(tree);
  return ids;
}

/** A fresh id for a new node: `r3`, `g4`, `q5`; the run view keys its trace on these. */
export function freshId(taken: Set<string>, prefix: 'r' | 'g' | 'q'): string {
  for (let n = taken.size + 1; ; n++) {
    const id = `${prefix}${n}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/** How deeply a node sits: the root is 0, each group or check below adds one. */
export function depthOf(tree: GroupInput, id: string): number {
  const walk = (n: ConditionNodeInput, d: number): number => {
    if (n.id === id) return d;
    if (isGroup(n)) {
      for (const c of n.rules) {
        const found = walk(c, d + 1);
        if (found >= 0) return found;
      }
    } else if (isQuantifier(n)) return walk(n.where, d + 1);
    return -1;
  };
  return walk(tree, 0);
}
