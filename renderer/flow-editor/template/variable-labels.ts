import { conditionFields, type ConditionField } from '../../../engine/contract/index.ts';

/**
 * A variable's name in words, from the condition builder's field catalog (labels in vi and en):
 * `order.lineItems[0].title` reads "Line items › Product title". Null for a path the catalog
 * does not name (ids, the store's keys): the path speaks for itself there.
 */
export function variableLabel(path: string, language: string): string | null {
  const parts = path.split('[0].');
  const words: string[] = [];
  let catalog: readonly ConditionField[] = conditionFields;
  for (const part of parts) {
    const field = catalog.find((f) => f.path === part);
    if (!field) return null;
    words.push(language.startsWith('vi') ? field.label_vi : field.label_en);
    catalog = field.itemFields ?? [];
  }
  return words.join(' › ');
}
