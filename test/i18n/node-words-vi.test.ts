import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createNodeRegistry } from '../../engine/nodes/registry.ts';

type Tree = { [key: string]: unknown };
const viDir = new URL('../../renderer/i18n/locales/vi/', import.meta.url);

/**
 * The Vietnamese words of every node type, wherever a catalog keeps them: `nodeTypes` in
 * editor.json, or in a feature's catalog that renderer/i18n/i18n.ts merges into the editor's
 * (accounts.json, customer-actions.json's `editor`, tasks.json's and write-back.json's
 * `into.editor`), and the Conditions step's in conditions.json (`nodeType`).
 */
function viNodeWords(): Map<string, Tree> {
  const out = new Map<string, Tree>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Tree)) {
      if (key === 'nodeTypes' && value && typeof value === 'object') {
        for (const [group, types] of Object.entries(value as Tree)) {
          for (const [name, words] of Object.entries((types ?? {}) as Tree)) out.set(`${group}.${name}`, { ...(out.get(`${group}.${name}`) ?? {}), ...(words as Tree) });
        }
      } else walk(value);
    }
  };
  for (const file of readdirSync(viDir).filter((f) => f.endsWith('.json'))) {
    const catalog = JSON.parse(readFileSync(new URL(file, viDir), 'utf8')) as Tree;
    if (file === 'conditions.json' && catalog['nodeType']) out.set('logic.condition', catalog['nodeType'] as Tree);
    walk(catalog);
  }
  return out;
}

/**
 * Every step a shop owner can put on the canvas has its Vietnamese words: its name, what it does,
 * and each of its settings' titles (renderer/canvas/useSpecWords.ts falls back to the engine's
 * English when a translation is missing, so a new node type would otherwise show English in vi).
 */
describe('node types in Vietnamese', () => {
  it('every node type has a Vietnamese name, description and setting titles', () => {
    const words = viNodeWords();
    const missing: string[] = [];
    for (const spec of createNodeRegistry().toDtos()) {
      const w = words.get(spec.type);
      for (const part of ['label', 'description']) if (typeof w?.[part] !== 'string') missing.push(`${spec.type}.${part}`);
      const fields = (spec.paramsSchema as { properties?: Record<string, { title?: string }> }).properties ?? {};
      const params = (w?.['params'] ?? {}) as Record<string, { title?: unknown }>;
      for (const [key, field] of Object.entries(fields)) {
        if (field.title && typeof params[key]?.title !== 'string') missing.push(`${spec.type}.params.${key}.title`);
      }
    }
    expect(missing).toEqual([]);
  });
});
