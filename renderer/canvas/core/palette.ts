import type { NodeCategory, NodeSpecDto } from '../../../engine/contract/index.ts';

export const categoryOrder: readonly NodeCategory[] = ['trigger', 'condition', 'action'];

export interface PaletteEntry {
  spec: NodeSpecDto;
  label: string;
  description: string;
}

export interface PaletteGroup {
  category: NodeCategory;
  entries: PaletteEntry[];
}

/** Lower case without accents, so "dieu kien" finds "Điều kiện". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Mn}/gu, '').replaceAll('đ', 'd').replaceAll('Đ', 'D').toLowerCase();
}

/**
 * The palette: specs grouped Triggers / Conditions / Actions, filtered by every word of the
 * query against label, description, connector and type id (shown words come from `words`,
 * translated where a translation exists).
 */
export function paletteGroups(specs: readonly NodeSpecDto[], query: string, words: (spec: NodeSpecDto) => { label: string; description: string }): PaletteGroup[] {
  const terms = fold(query).split(/\s+/).filter(Boolean);
  // A type a newer one replaced stays for the flows that use it, out of the palette.
  const entries = specs.filter((spec) => !spec.replacedBy).map((spec) => ({ spec, ...words(spec) }));
  const matching = entries.filter((e) => {
    const haystack = fold([e.label, e.description, e.spec.label, e.spec.connector, e.spec.type].join(' '));
    return terms.every((t) => haystack.includes(t));
  });
  return categoryOrder
    .map((category) => ({ category, entries: matching.filter((e) => e.spec.category === category) }))
    .filter((g) => g.entries.length > 0);
}
